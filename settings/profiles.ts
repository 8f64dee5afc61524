import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, parseProfileJson, PayerProfileSchema, profileError, type PayerProfile, type ProfileError } from '../rules';
import { activeProfileIdItem, ProfileIdSchema } from './items';
import type { ManagedPolicy } from './policy';

/**
 * The coder's custom payer profiles (created in the options page or imported), and how they
 * merge with the built-ins and the profiles an organization pushes through managed policy.
 * Profiles are small but may be many, so they live in storage.local.
 */
export const customProfilesItem = storage.defineItem<PayerProfile[]>('local:customProfiles', {
  fallback: [],
  version: 1,
  // Version 2+ of the stored shape adds `migrations: { 2: (v1) => v1.map(upgrade) }` here. (None
  // until then: with migrations given, every engine start reads the item's version from storage.)
});

/** At most this many custom profiles, and files of at most this size, are accepted. */
export const MAX_CUSTOM_PROFILES = 200;
export const MAX_PROFILE_FILE_BYTES = 1_000_000;

export interface CustomProfiles {
  profiles: PayerProfile[];
  /** True when (part of) the stored value was unreadable: those profiles are left out. */
  recovered: boolean;
}

/**
 * The stored custom profiles, each validated with PayerProfileSchema. Never throws: a value that
 * is not a list gives [] and an invalid or duplicated entry is left out, both with recovered=true.
 */
export async function readCustomProfiles(): Promise<CustomProfiles> {
  let raw: unknown;
  try {
    raw = await customProfilesItem.getValue();
  } catch {
    return { profiles: [], recovered: true };
  }
  if (!Array.isArray(raw)) return { profiles: [], recovered: true };
  const profiles: PayerProfile[] = [];
  let recovered = false;
  for (const entry of raw) {
    const parsed = z.safeParse(PayerProfileSchema, entry);
    if (!parsed.success || profiles.some((profile) => profile.id === parsed.data.id)) recovered = true;
    else profiles.push(parsed.data);
  }
  return { profiles, recovered };
}

/** Replaces the stored custom profiles (validated first: an invalid list is never written). */
export async function saveCustomProfiles(profiles: readonly PayerProfile[]): Promise<void> {
  const parsed = z.parse(z.array(PayerProfileSchema), profiles);
  const ids = new Set(parsed.map((profile) => profile.id));
  if (ids.size !== parsed.length) throw new Error('Duplicate custom profile id');
  await customProfilesItem.setValue(parsed);
}

export type ProfileParseResult = { ok: true; profiles: PayerProfile[] } | { ok: false; errors: ProfileError[] };

/**
 * One profile (an exported file) or a JSON array of profiles (the policy's customProfilesJson),
 * validated with parseProfileJson. Errors of an array element carry its index in the path
 * (`[1].rules["srs/x"]`) and the line in the whole text. All or nothing.
 */
export function parseProfilesJson(input: string): ProfileParseResult {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : '';
  if (!text.trim()) return { ok: false, errors: [profileError('import_empty', { path: '', line: 1 })] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined; // parseProfileJson reports the syntax error with its line
  }
  if (!Array.isArray(value)) {
    const single = parseProfileJson(text);
    return single.ok ? { ok: true, profiles: [single.profile] } : single;
  }
  const spans = arrayElementSpans(text);
  if (!spans || spans.length !== value.length) {
    return { ok: false, errors: [profileError('import_list_unreadable', { path: '', line: 1 })] };
  }
  if (!spans.length) return { ok: false, errors: [profileError('import_list_empty', { path: '', line: 1 })] };
  if (spans.length > MAX_CUSTOM_PROFILES) {
    return { ok: false, errors: [profileError('import_list_too_long', { path: '', line: 1 }, [String(MAX_CUSTOM_PROFILES)])] };
  }
  const profiles: PayerProfile[] = [];
  const errors: ProfileError[] = [];
  spans.forEach(([start, end], index) => {
    const lineOffset = countLines(text, start);
    const result = parseProfileJson(text.slice(start, end));
    if (!result.ok) {
      for (const error of result.errors) {
        errors.push({
          ...error,
          path: `[${index}]${error.path && !error.path.startsWith('[') ? '.' : ''}${error.path}`,
          line: error.line + lineOffset,
        });
      }
      return;
    }
    if (profiles.some((profile) => profile.id === result.profile.id)) {
      errors.push(profileError('import_duplicate_id', { path: `[${index}].id`, line: lineOffset + 1 }, [result.profile.id]));
      return;
    }
    profiles.push(result.profile);
  });
  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) } : { ok: true, profiles };
}

/** The line where element `index` of a JSON array of profiles starts (1 when it cannot be told). */
function idLine(text: string, index: number): number {
  const clean = text.replace(/^\uFEFF/, '');
  const span = arrayElementSpans(clean)?.[index];
  return span ? countLines(clean, span[0]) + 1 : 1;
}

/** Newlines before `offset`. */
function countLines(text: string, offset: number): number {
  let lines = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/** [start, end) of each element of a top-level JSON array (the text is known to be valid JSON). */
function arrayElementSpans(text: string): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (depth === 0) {
      if (c === '[') depth = 1;
      else if (!/\s/.test(c)) return null;
      continue;
    }
    if (c === '"') {
      if (depth === 1 && start < 0) start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '[' || c === '{') {
      if (depth === 1 && start < 0) start = i;
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        if (start >= 0) spans.push([start, i]);
        return spans;
      }
    } else if (c === ',' && depth === 1) {
      spans.push([start, i]);
      start = -1;
    } else if (depth === 1 && start < 0 && !/\s/.test(c)) {
      start = i;
    }
  }
  return null;
}

/** The organization's profiles (policy `customProfilesJson`), and why they could not be read. */
export function policyProfiles(policy: ManagedPolicy): { profiles: PayerProfile[]; errors: ProfileError[] } {
  if (policy.customProfilesJson === undefined || !policy.customProfilesJson.trim()) return { profiles: [], errors: [] };
  const parsed = parseProfilesJson(policy.customProfilesJson);
  if (!parsed.ok) return { profiles: [], errors: parsed.errors };
  // A policy profile cannot replace a built-in one (resolveProfile looks at built-ins first).
  const isBuiltIn = (profile: PayerProfile) => BUILTIN_PROFILES.some((builtIn) => builtIn.id === profile.id);
  const errors: ProfileError[] = [];
  parsed.profiles.forEach((profile, index) => {
    if (isBuiltIn(profile)) errors.push(profileError('import_builtin_id', { path: `[${index}].id`, line: idLine(policy.customProfilesJson!, index) }, [profile.id]));
  });
  return { profiles: parsed.profiles.filter((profile) => !isBuiltIn(profile)), errors };
}

export type ProfileSource = 'builtin' | 'policy' | 'custom';

export interface ProfileEntry {
  profile: PayerProfile;
  source: ProfileSource;
  /** Set by the organization's policy: shown locked, not editable. */
  locked: boolean;
}

/**
 * Every profile the coder can choose: the built-ins, then the organization's (locked), then
 * the coder's own. An id appears once: built-ins first, then policy, then custom.
 */
export function effectiveProfiles(custom: readonly PayerProfile[], policy: ManagedPolicy): ProfileEntry[] {
  const entries: ProfileEntry[] = BUILTIN_PROFILES.map((profile) => ({ profile, source: 'builtin', locked: false }));
  const seen = new Set(entries.map((entry) => entry.profile.id));
  const add = (profile: PayerProfile, source: ProfileSource) => {
    if (seen.has(profile.id)) return;
    seen.add(profile.id);
    entries.push({ profile, source, locked: source === 'policy' });
  };
  policyProfiles(policy).profiles.forEach((profile) => add(profile, 'policy'));
  custom.forEach((profile) => add(profile, 'custom'));
  return entries;
}

export interface ActiveProfileChoice {
  id: string;
  /** The organization locks the profile (policy lockProfile): no switching. */
  locked: boolean;
  /** The stored choice names no profile any more (e.g. a deleted custom one): the default is used. */
  fellBack: boolean;
}

/**
 * The active profile id. Policy `lockProfile` pins its `defaultProfileId` (or the built-in
 * default); otherwise the coder's stored choice wins, and policy `defaultProfileId` applies
 * while the coder has not chosen.
 */
export function chooseActiveProfile(choice: string | null, profiles: readonly ProfileEntry[], policy: ManagedPolicy): ActiveProfileChoice {
  const known = (id: string | null | undefined): id is string => !!id && profiles.some((entry) => entry.profile.id === id);
  const fallback = known(policy.defaultProfileId) ? policy.defaultProfileId : DEFAULT_PROFILE_ID;
  if (policy.lockProfile) return { id: fallback, locked: true, fellBack: false };
  if (choice === null) return { id: fallback, locked: false, fellBack: false };
  return known(choice) ? { id: choice, locked: false, fellBack: false } : { id: fallback, locked: false, fellBack: true };
}

/** The coder's stored profile choice: null when never chosen; recovered when unreadable. */
export async function readProfileChoice(): Promise<{ id: string | null; recovered: boolean }> {
  try {
    const raw = await storage.getItem<unknown>(activeProfileIdItem.key);
    if (raw === null || raw === undefined) return { id: null, recovered: false };
    const parsed = z.safeParse(ProfileIdSchema, raw);
    return parsed.success ? { id: parsed.data, recovered: false } : { id: null, recovered: true };
  } catch {
    return { id: null, recovered: true };
  }
}

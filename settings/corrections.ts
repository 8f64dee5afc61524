import * as z from 'zod/mini';
import { storage } from '@wxt-dev/storage';
import { CORRECTION_ROLES, lineRuleFits, MAX_LINE_NUMBER, READS_VALUE, type CorrectionRole } from '../detection/corrections';
import { lineAt, Parser, pathString, valueAt, type Segment } from '../rules/profile-json';
import { readValidated, type ValidatedValue } from './items';
import { SitePatternsSchema } from './sites';

/**
 * Corrections the coder makes ("this field is a modifier", "this is not a claim field"), kept per
 * site as recipes and applied before detection's heuristics on every later visit
 * (detection/corrections.ts matches them).
 *
 * A recipe names a field by where it is in the page's markup, never by what it holds: a site
 * pattern, a CSS selector, the shadow hosts around the field, a role and a line rule. There is no
 * place for a value, and a selector that reads a value (`[value=…]`) is refused.
 */

// (Defined beside detection, which the sensor applies without zod.)
export { CORRECTION_ROLES, type CorrectionRole };

/** At most this many recipes are kept (the coder's); an import beyond it is refused. */
export const MAX_CORRECTIONS = 500;
const MAX_SELECTOR = 500;
const MAX_HOSTS = 8;

/**
 * A CSS selector as the page's DOM reads it. Where there is a document (options page, content
 * script) it must parse; the background, a worker without one, only checks its form.
 */
export function isUsableSelector(selector: string): boolean {
  if (!selector.trim() || READS_VALUE.test(selector)) return false;
  const doc = (globalThis as { document?: Document }).document;
  if (!doc) return true;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

export const SelectorSchema = z.string().check(z.minLength(1), z.maxLength(MAX_SELECTOR), z.refine(isUsableSelector));

/**
 * Which service line the field belongs to:
 * - `auto`: the page's structure decides (the row, repeated container or name index the field sits
 *   in), as for every detected field;
 * - `line`: service line `line` of its claim (1 is the first, as the card numbers lines), for a
 *   line's own fields (not a procedure or revenue code, which makes its own line, nor a diagnosis);
 * - `claim`: the whole claim, one value for every line that has none of its own (dates and places
 *   of service only).
 * Which rule fits which role: `lineRuleFits` (detection/corrections.ts, which applies them).
 */
export const LineRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('line'), line: z.int().check(z.gte(1), z.lte(MAX_LINE_NUMBER)) }),
  z.strictObject({ kind: z.literal('claim') }),
]);
export type LineRule = z.infer<typeof LineRuleSchema>;

export const CorrectionSchema = z.strictObject({
  /** Match pattern of the portal's origin, as in the options page's site list: `https://portal.example.com/*`. */
  site: SitePatternsSchema.def.element,
  /** The open shadow roots' hosts around the field, outermost first, each a selector in its own tree. */
  hosts: z.optional(z.array(SelectorSchema).check(z.maxLength(MAX_HOSTS))),
  /** The field, in its own tree (the document, or the innermost shadow root). */
  selector: SelectorSchema,
  role: z.enum(CORRECTION_ROLES),
  line: LineRuleSchema,
}).check(z.refine((recipe) => lineRuleFits(recipe.role, recipe.line), { path: ['line'] }));
export type Correction = z.infer<typeof CorrectionSchema>;

export const CorrectionsSchema = z.array(CorrectionSchema).check(z.maxLength(MAX_CORRECTIONS));

/** The coder's recipes (the organization's come from managed policy: see settings/policy.ts). */
export const correctionsItem = storage.defineItem<Correction[]>('local:corrections', { fallback: [], version: 1 });

export async function readCorrections(): Promise<ValidatedValue<Correction[]>> {
  return readValidated(correctionsItem, CorrectionsSchema);
}

/** Two recipes for the same field of the same site: the later replaces the earlier. */
export function sameField(a: Correction, b: Correction): boolean {
  return a.site === b.site && a.selector === b.selector && (a.hosts ?? []).join('\u0000') === (b.hosts ?? []).join('\u0000');
}

/** `list` with `added` in: each replaces a recipe for the same field, and goes last (the latest wins). */
export function mergeCorrections(list: readonly Correction[], added: readonly Correction[]): Correction[] {
  const out = list.filter((kept) => !added.some((next) => sameField(kept, next)));
  for (const next of added) {
    const at = out.findIndex((kept) => sameField(kept, next));
    if (at >= 0) out.splice(at, 1);
    out.push(next);
  }
  return out;
}

/** Why a recipe (or a file of them) was refused: an i18n key, its arguments, and where. */
export interface CorrectionProblem {
  /** 1-based line in the imported text, when known. */
  line?: number;
  /** JSON path, e.g. `corrections[2].selector`; '' for the document itself. */
  path: string;
  key: string;
  args?: string[];
}

export type CorrectionsResult = { ok: true; corrections: Correction[] } | { ok: false; problems: CorrectionProblem[] };

/** Validates one recipe (from the card, the panel or the context menu). */
export function validateCorrection(candidate: unknown): { ok: true; correction: Correction } | { ok: false; problems: CorrectionProblem[] } {
  const result = z.safeParse(CorrectionSchema, candidate);
  if (result.success) return { ok: true, correction: result.data };
  return { ok: false, problems: problemsOf(result.error.issues, candidate, [], () => ({})) };
}

/** Saves one recipe; an invalid one is refused with its reasons and nothing changes. */
export async function saveCorrection(candidate: unknown): Promise<{ ok: true } | { ok: false; problems: CorrectionProblem[] }> {
  const checked = validateCorrection(candidate);
  if (!checked.ok) return checked;
  const current = (await readCorrections()).value;
  const next = mergeCorrections(current, [checked.correction]);
  if (next.length > MAX_CORRECTIONS) return { ok: false, problems: [{ path: '', key: 'corrections_err_too_many', args: [String(MAX_CORRECTIONS)] }] };
  await correctionsItem.setValue(next);
  return { ok: true };
}

export async function removeCorrection(correction: Correction): Promise<void> {
  const current = (await readCorrections()).value;
  await correctionsItem.setValue(current.filter((kept) => !sameField(kept, correction)));
}

/** Adds imported recipes to the stored ones, all or none: refused (nothing changed) beyond the maximum. */
export async function importCorrections(added: readonly Correction[]): Promise<{ ok: true } | { ok: false; problems: CorrectionProblem[] }> {
  const checked = z.safeParse(CorrectionsSchema, added);
  if (!checked.success) return { ok: false, problems: [{ path: '', key: 'corrections_err_recipe' }] };
  const next = mergeCorrections((await readCorrections()).value, checked.data);
  if (next.length > MAX_CORRECTIONS) return { ok: false, problems: [{ path: '', key: 'corrections_err_too_many', args: [String(MAX_CORRECTIONS)] }] };
  await correctionsItem.setValue(next);
  return { ok: true };
}

/** The export format: a small envelope around the list, so a file says what it is. */
export const CORRECTIONS_FORMAT = 'claimguide-corrections';

export function exportCorrections(list: readonly Correction[]): string {
  return `${JSON.stringify({ format: CORRECTIONS_FORMAT, version: 1, corrections: list }, null, 2)}\n`;
}

/**
 * Reads an exported file (the envelope, or a bare list of recipes): every problem with its line
 * and JSON path, or the recipes. Never throws.
 */
export function parseCorrectionsJson(input: string): CorrectionsResult {
  const source = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : '';
  if (!source.trim()) return { ok: false, problems: [{ path: '', key: 'corrections_err_empty' }] };
  const parser = new Parser(source);
  let value: unknown;
  try {
    value = parser.document();
  } catch {
    return { ok: false, problems: [{ path: '', line: lineAt(source, parser.pos), key: 'corrections_err_syntax' }] };
  }
  const locate = (path: readonly PropertyKey[]) => {
    const offset = parser.where.get(pathString(path));
    return offset === undefined ? {} : { line: lineAt(source, offset) };
  };
  let list: unknown = value;
  let base: Segment[] = [];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const envelope = value as Record<string, unknown>;
    if (envelope.format !== CORRECTIONS_FORMAT || !Array.isArray(envelope.corrections)) {
      return { ok: false, problems: [{ path: '', line: 1, key: 'corrections_err_format' }] };
    }
    list = envelope.corrections;
    base = ['corrections'];
  }
  if (!Array.isArray(list)) return { ok: false, problems: [{ path: '', line: 1, key: 'corrections_err_format' }] };
  if (list.length > MAX_CORRECTIONS) return { ok: false, problems: [{ path: pathString(base), ...locate(base), key: 'corrections_err_too_many', args: [String(MAX_CORRECTIONS)] }] };
  const result = z.safeParse(CorrectionsSchema, list);
  if (result.success) return { ok: true, corrections: result.data };
  return { ok: false, problems: problemsOf(result.error.issues, list, base, locate) };
}

/** Recipes pushed by the organization's policy: the valid ones, and why each other one was left out. */
export function policyCorrections(raw: readonly unknown[] | undefined): { corrections: Correction[]; problems: CorrectionProblem[] } {
  const corrections: Correction[] = [];
  const problems: CorrectionProblem[] = [];
  (raw ?? []).forEach((entry, index) => {
    const checked = validateCorrection(entry);
    if (checked.ok) corrections.push(checked.correction);
    else for (const problem of checked.problems) problems.push({ ...problem, path: `[${index}]${problem.path ? `.${problem.path}` : ''}` });
  });
  return { corrections, problems };
}

/** A zod issue as a reason the coder can act on: named after the part of the recipe it is about. */
function problemsOf(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  base: readonly Segment[],
  locate: (path: readonly PropertyKey[]) => { line?: number },
): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  for (const issue of issues) {
    const inner = issue.path as Segment[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...base, ...inner, key];
        const reason = key === 'value' ? 'corrections_err_value_key' : 'corrections_err_unknown_key';
        problems.push({ path: pathString(path), ...locate(path), key: reason, args: [key] });
      }
      continue;
    }
    const path = [...base, ...inner];
    const missing = inner.length > 0 && valueAt(root, inner) === undefined;
    if (missing) {
      problems.push({ path: pathString(path), ...locate(path.slice(0, -1)), key: 'corrections_err_required', args: [String(inner[inner.length - 1])] });
      continue;
    }
    const field = inner.find((segment) => typeof segment === 'string' && ['site', 'selector', 'hosts', 'role', 'line'].includes(segment));
    const key = issue.code === 'too_big' && inner.length === 0 ? 'corrections_err_too_many' : field ? `corrections_err_${field}` : 'corrections_err_recipe';
    const args = key === 'corrections_err_too_many' ? [String(MAX_CORRECTIONS)] : key === 'corrections_err_role' ? [CORRECTION_ROLES.join(', ')] : [];
    problems.push({ path: pathString(path), ...locate(path), key, ...(args.length ? { args } : {}) });
  }
  return problems;
}

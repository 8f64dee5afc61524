import { browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import { policyCorrections } from './corrections';
import { SitePatternsSchema } from './sites';

/**
 * Enterprise policy pushed by administrators through managed storage (schema in
 * public/managed_schema.json). Whatever policy sets is shown locked in the options page.
 * Each key is validated on its own, so one bad key does not discard the others.
 */
export const ManagedPolicySchema = z.object({
  defaultProfileId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  lockProfile: z.optional(z.boolean()),
  customProfilesJson: z.optional(z.string()),
  sites: z.optional(SitePatternsSchema),
  /** Field corrections (recipes) for every coder, checked one by one by policyCorrections (settings/corrections.ts). */
  corrections: z.optional(z.array(z.unknown())),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

export async function readManagedPolicy(): Promise<ManagedPolicy> {
  let raw: unknown;
  try {
    // Can take seconds while the browser loads policies: callers must not wait on it to render.
    raw = await browser.storage.managed.get();
  } catch {
    return {}; // no policy (or no managed storage, e.g. Firefox without an enterprise policy)
  }
  return parsePolicy(raw);
}

/** Keeps each valid key of a raw policy object and drops the rest. Never throws. */
function parsePolicy(raw: unknown): ManagedPolicy {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const policy: ManagedPolicy = {};
  for (const key of Object.keys(ManagedPolicySchema.def.shape) as (keyof ManagedPolicy)[]) {
    const field = z.safeParse(ManagedPolicySchema.def.shape[key], record[key]);
    if (field.success && field.data !== undefined) Object.assign(policy, { [key]: field.data });
  }
  return policy;
}

/**
 * The last policy the background read, kept in local storage (organization settings only).
 * Managed storage can take seconds to answer after the browser starts; content scripts mark
 * fields with this copy at once and re-evaluate when the background refreshes it.
 */
export const policySnapshotItem = storage.defineItem<ManagedPolicy>('local:policySnapshot', { fallback: {}, version: 1 });

export async function readPolicySnapshot(): Promise<ManagedPolicy> {
  try {
    return parsePolicy(await policySnapshotItem.getValue());
  } catch {
    return {};
  }
}

/**
 * Reads managed storage and stores it as the snapshot when it changed (background only). Of the
 * policy's corrections only the valid ones are kept: content scripts apply the snapshot's as they are.
 */
export async function refreshPolicySnapshot(): Promise<ManagedPolicy> {
  const [managed, snapshot] = await Promise.all([readManagedPolicy(), readPolicySnapshot()]);
  const policy = managed.corrections ? { ...managed, corrections: policyCorrections(managed.corrections).corrections } : managed;
  if (!samePolicy(policy, snapshot)) await policySnapshotItem.setValue(policy);
  return policy;
}

export function samePolicy(a: ManagedPolicy, b: ManagedPolicy): boolean {
  const keys = Object.keys(ManagedPolicySchema.def.shape) as (keyof ManagedPolicy)[];
  return keys.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

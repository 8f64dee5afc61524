import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
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
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

export async function readManagedPolicy(): Promise<ManagedPolicy> {
  let raw: Record<string, unknown> = {};
  try {
    // Can take seconds while the browser loads policies: callers must not wait on it to render.
    raw = ((await browser.storage.managed.get()) ?? {}) as Record<string, unknown>;
  } catch {
    return {}; // no policy (or no managed storage, e.g. Firefox without an enterprise policy)
  }
  const policy: ManagedPolicy = {};
  for (const key of Object.keys(ManagedPolicySchema.def.shape) as (keyof ManagedPolicy)[]) {
    const field = z.safeParse(ManagedPolicySchema.def.shape[key], raw[key]);
    if (field.success && field.data !== undefined) Object.assign(policy, { [key]: field.data });
  }
  return policy;
}

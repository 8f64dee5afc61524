import * as z from 'zod/mini';
import { PayerProfileSchema, resolveProfile, type PayerProfile } from '../rules';
import { DescriptorPackSchema, readDescriptorPack } from './descriptor-pack';
import { pausedOriginsItem, PausedOriginsSchema, readValidated } from './items';
import { readPolicySnapshot } from './policy';
import { chooseActiveProfile, effectiveProfiles, readCustomProfiles, readProfileChoice } from './profiles';

/**
 * What the engine needs from settings before it evaluates a frame. The background reads it when it
 * injects the engine and leaves it in the frame's isolated world with the injection: the first
 * marking then waits for no storage reply, which a page busy loading would answer late. The engine
 * reads it itself when nothing was left (and re-reads it once started, for a change made meanwhile).
 */
export const EngineSettingsSchema = z.object({
  profile: PayerProfileSchema,
  pausedOrigins: PausedOriginsSchema,
  pack: z.nullable(DescriptorPackSchema),
});
export type EngineSettings = z.infer<typeof EngineSettingsSchema>;

/** The payer profile in effect: the coder's choice among built-in, custom and policy profiles, as the policy allows. */
export async function readActiveProfile(): Promise<PayerProfile> {
  // The background's copy of the policy: managed storage itself can take seconds to answer.
  const [choice, custom, policy] = await Promise.all([readProfileChoice(), readCustomProfiles(), readPolicySnapshot()]);
  const profiles = effectiveProfiles(custom.profiles, policy);
  const { id } = chooseActiveProfile(choice.id, profiles, policy);
  return resolveProfile(id, profiles.map((entry) => entry.profile));
}

export async function readEngineSettings(): Promise<EngineSettings> {
  const [profile, paused, pack] = await Promise.all([readActiveProfile(), readValidated(pausedOriginsItem, PausedOriginsSchema), readDescriptorPack()]);
  return { profile, pausedOrigins: paused.value, pack };
}

/** Name (for `Symbol.for`) under which the background leaves the settings in the frame's isolated world. */
export const ENGINE_SETTINGS_KEY = 'claimguide.engine-settings';

/** The settings the background left for this engine, once (they are removed); undefined when none or not valid. */
export function takeEngineSettings(scope: object): EngineSettings | undefined {
  const key = Symbol.for(ENGINE_SETTINGS_KEY);
  const left = (scope as Record<symbol, unknown>)[key];
  delete (scope as Record<symbol, unknown>)[key];
  const parsed = z.safeParse(EngineSettingsSchema, left);
  return parsed.success ? parsed.data : undefined;
}

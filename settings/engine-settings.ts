import * as z from 'zod/mini';
import { PayerProfileSchema, resolveProfile, type PayerProfile } from '../rules';
import { DescriptorPackSchema, readDescriptorPack } from './descriptor-pack';
import { pausedOriginsItem, PausedOriginsSchema, readValidated } from './items';
import { readPolicySnapshot } from './policy';
import { chooseActiveProfile, effectiveProfiles, readCustomProfiles, readProfileChoice } from './profiles';

/**
 * What the engine needs from settings before it evaluates a frame. The background reads it when it
 * injects the engine and answers the sensor's request with it; the sensor keeps it for the engine.
 * The first marking then waits for no storage reply, which a page busy loading would answer late.
 * The engine reads storage itself when the answer has not arrived (and re-reads it once started,
 * for a change made meanwhile).
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

/** The background's answer to a load-engine request. */
const LoadEngineAnswerSchema = z.object({ settings: EngineSettingsSchema });

/** The settings in the background's answer to a load-engine request; undefined when none or not valid. */
export function engineSettingsIn(answer: unknown): EngineSettings | undefined {
  const parsed = z.safeParse(LoadEngineAnswerSchema, answer);
  return parsed.success ? parsed.data.settings : undefined;
}

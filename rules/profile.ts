import * as z from 'zod/mini';

export const LocalizedSchema = z.object({ en: z.string(), es: z.string() });
export type Localized = z.infer<typeof LocalizedSchema>;

/** What a profile may do with a rule: switch it off or fix its severity. */
export const RuleSettingSchema = z.enum(['off', 'info', 'warning', 'error']);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/**
 * A payer profile: the data that makes one payer's rules differ from another's. Built-in
 * profiles and user imports are validated with this same schema. Rule ids are checked against
 * the registry by parseProfileJson (the schema itself stays free of the registry). Only id and
 * name are required in an import; preferences default to the neutral choice.
 */
export const PayerProfileSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  name: LocalizedSchema,
  description: z.optional(LocalizedSchema),
  /** The claim form this payer's claims use. */
  claimForm: z._default(z.enum(['professional', 'institutional', 'any']), 'any'),
  /**
   * Which Medicare NCCI table (PTP and MUE) applies: practitioner services, outpatient hospital
   * services, or by the claim's form (CMS-1500 → practitioner, UB-04 → outpatient).
   */
  ncciFile: z._default(z.enum(['practitioner', 'outpatient', 'by-form']), 'by-form'),
  /** Medicare Physician Fee Schedule status checks (status I codes) apply. */
  mpfsStatus: z._default(z.boolean(), false),
  /** The payer asks for XE/XS/XP/XU instead of 59 where one fits (CMS MLN1783722). */
  prefersXModifiers: z._default(z.boolean(), false),
  /** The payer has billed robotic linac SRS with G0339/G0340 (Medicare OPPS). */
  roboticSrsGCodes: z._default(z.boolean(), false),
  /** Per-rule overrides: 'off' or a fixed severity. */
  rules: z.optional(z.record(z.string(), RuleSettingSchema)),
  /** Per-rule notes shown with the rule's findings: plain text, or one text per language. */
  notes: z.optional(z.record(z.string(), z.union([z.string(), LocalizedSchema]))),
});
export type PayerProfile = z.infer<typeof PayerProfileSchema>;

const MEDICAID_NCCI_NOTE: Localized = {
  en: 'State Medicaid programs apply the Medicaid NCCI edit files, published separately; ClaimGuide uses the loaded Medicare tables as a stand-in.',
  es: 'Los programas estatales de Medicaid aplican los archivos de ediciones NCCI de Medicaid, publicados aparte; ClaimGuide usa como referencia las tablas de Medicare cargadas.',
};
const COMMERCIAL_NCCI_NOTE: Localized = {
  en: 'Commercial payers often, but not always, apply the Medicare NCCI edits: check the payer contract.',
  es: 'Los pagadores comerciales suelen aplicar las ediciones NCCI de Medicare, pero no siempre: revise el contrato del pagador.',
};
const TC_NOTE: Localized = {
  en: 'Some payers outside Medicare tolerate TC on technical-only codes; it is still redundant.',
  es: 'Algunos pagadores fuera de Medicare toleran TC en códigos solo técnicos; sigue siendo redundante.',
};
const POLICY_NOTE = (policy: string): Localized => ({
  en: `Check the payer's own SRS policy (${policy}).`,
  es: `Revise la política de radiocirugía del propio pagador (${policy}).`,
});

/**
 * Rules whose facts are Medicare's NCCI tables. srs-reference.md gives no source that Medicaid or a
 * commercial payer denies on them, so those profiles say warning, not error (their notes say why).
 */
const MEDICARE_NCCI_RULES = [
  'srs/mutually-exclusive-delivery', 'srs/sbrt-conflict', 'srs/conventional-delivery-conflict', 'srs/image-guidance-included',
  'srs/bundled-component', 'ncci/ptp-pair', 'ncci/mue-exceeded',
] as const;
const NCCI_AS_WARNING: Record<string, 'warning'> = Object.fromEntries(MEDICARE_NCCI_RULES.map((id) => [id, 'warning' as const]));

const ncciNotes = (note: Localized) =>
  Object.fromEntries(
    [
      'srs/mutually-exclusive-delivery', 'srs/sbrt-conflict', 'srs/conventional-delivery-conflict', 'srs/image-guidance-included',
      'srs/bundled-component', 'ncci/ptp-pair', 'ncci/mue-exceeded', 'srs/single-session-units',
    ].map((id) => [id, note]),
  );

export const BUILTIN_PROFILES: readonly PayerProfile[] = [
  {
    id: 'medicare-physician',
    name: { en: 'Medicare physician (MPFS, CMS-1500)', es: 'Medicare médico (MPFS, CMS-1500)' },
    description: {
      en: 'Medicare Part B professional claims: NCCI practitioner tables and the Physician Fee Schedule.',
      es: 'Reclamaciones profesionales de Medicare Parte B: tablas NCCI de profesionales y el arancel médico.',
    },
    claimForm: 'professional',
    ncciFile: 'practitioner',
    mpfsStatus: true,
    prefersXModifiers: true,
    roboticSrsGCodes: false,
    rules: {},
    notes: { 'srs/cranial-diagnosis': POLICY_NOTE('LCD L35076') },
  },
  {
    id: 'medicare-outpatient',
    name: { en: 'Medicare hospital outpatient (OPPS, UB-04)', es: 'Medicare hospital ambulatorio (OPPS, UB-04)' },
    description: {
      en: 'Medicare hospital outpatient claims: NCCI outpatient hospital tables.',
      es: 'Reclamaciones ambulatorias de hospital de Medicare: tablas NCCI de hospital ambulatorio.',
    },
    claimForm: 'institutional',
    ncciFile: 'outpatient',
    mpfsStatus: false,
    prefersXModifiers: true,
    roboticSrsGCodes: true,
    rules: {},
    notes: { 'srs/cranial-diagnosis': POLICY_NOTE('LCD L35076') },
  },
  {
    id: 'medicaid',
    name: { en: 'Medicaid', es: 'Medicaid' },
    description: {
      en: 'State Medicaid: Medicare NCCI tables as a stand-in, chosen by the claim form.',
      es: 'Medicaid estatal: tablas NCCI de Medicare como referencia, según el formulario.',
    },
    claimForm: 'any',
    ncciFile: 'by-form',
    mpfsStatus: false,
    prefersXModifiers: false,
    roboticSrsGCodes: false,
    rules: { ...NCCI_AS_WARNING, 'srs/modifier-tc-redundant': 'warning' },
    notes: { ...ncciNotes(MEDICAID_NCCI_NOTE), 'srs/modifier-tc-redundant': TC_NOTE, 'srs/cranial-diagnosis': POLICY_NOTE('state Medicaid policy') },
  },
  {
    id: 'commercial',
    name: { en: 'Commercial payer', es: 'Pagador comercial' },
    description: {
      en: 'Commercial plans: Medicare NCCI tables as the common baseline, chosen by the claim form.',
      es: 'Planes comerciales: tablas NCCI de Medicare como base común, según el formulario.',
    },
    claimForm: 'any',
    ncciFile: 'by-form',
    mpfsStatus: false,
    prefersXModifiers: false,
    roboticSrsGCodes: false,
    rules: { ...NCCI_AS_WARNING, 'srs/modifier-tc-redundant': 'warning' },
    notes: {
      ...ncciNotes(COMMERCIAL_NCCI_NOTE),
      'srs/modifier-tc-redundant': TC_NOTE,
      'srs/cranial-diagnosis': POLICY_NOTE('e.g. Aetna CPB 0083, BCBSA 6.01.10'),
    },
  },
];

export const DEFAULT_PROFILE_ID = 'medicare-physician';

/**
 * The profile with that id: built-ins first (an import cannot silently replace one), then the
 * user's; anything unknown falls back to the default profile.
 */
export function resolveProfile(id: string, custom: readonly PayerProfile[]): PayerProfile {
  return (
    BUILTIN_PROFILES.find((profile) => profile.id === id) ??
    custom.find((profile) => profile.id === id) ??
    BUILTIN_PROFILES.find((profile) => profile.id === DEFAULT_PROFILE_ID)!
  );
}

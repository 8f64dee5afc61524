/**
 * ClaimGuide rules: pure TypeScript, no browser API, deterministic. The content script, side
 * panel and any later CLI import only from here.
 */
export {
  RawClaimSchema,
  RawServiceLineSchema,
  FormTypeSchema,
  ClaimSchema,
  ServiceLineSchema,
  type RawClaim,
  type RawServiceLine,
  type FormType,
  type Claim,
  type ServiceLine,
} from './claim';
export {
  FindingSchema,
  SeveritySchema,
  SourceSchema,
  FixSchema,
  type Finding,
  type Severity,
  type LineSeverity,
  type Fix,
  type Source,
} from './finding';
export { normalizeClaim, normalizeLine } from './normalize';
export { parseUsDate } from './dates';
export { evaluate, evaluateRaw, lineSeverity, lineRuleIds, lineVerdicts, ruleSettingFor, type EvaluateOptions, type LineVerdict } from './engine';
export {
  BUILTIN_PROFILES,
  DEFAULT_PROFILE_ID,
  PayerProfileSchema,
  RuleSettingSchema,
  LocalizedSchema,
  resolveProfile,
  type PayerProfile,
  type RuleSetting,
  type Localized,
} from './profile';
export { englishList, parseProfileJson, PROFILE_ERROR_KEYS, profileError, type ProfileError, type ProfileErrorKey } from './profile-json';
export { describeCode, CODES, type CodeEntry, type ChecklistItem } from './catalog/codes';
export { describeModifier, MODIFIERS, type ModifierEntry } from './catalog/modifiers';
export { RULES, RULE_IDS, ruleById } from './registry';
export type { RuleModule, RuleMeta } from './rule';
export { isSrsCode } from './data/code-groups';
export { dataVintage } from './data/cms-data';

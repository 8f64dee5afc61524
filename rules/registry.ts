import type { RuleModule } from './rule';
import claimDateUnreadable from './checks/claim/date-unreadable';
import claimUnitsUnreadable from './checks/claim/units-unreadable';
import dataCoverage from './checks/data/coverage';
import codeDeletedForDate from './checks/code/deleted-for-date';
import codeInvalidFormat from './checks/code/invalid-format';
import codeMpfsStatusInvalid from './checks/code/mpfs-status-invalid';
import modifier59WithX from './checks/modifier/59-with-x';
import modifierDuplicate from './checks/modifier/duplicate';
import modifierInvalidFormat from './checks/modifier/invalid-format';
import ncciMueExceeded from './checks/ncci/mue-exceeded';
import ncciPtpPair from './checks/ncci/ptp-pair';
import srsAddonLesionCap from './checks/srs/addon-lesion-cap';
import srsBundledComponent from './checks/srs/bundled-component';
import srsCourseFractionCap from './checks/srs/course-fraction-cap';
import srsConventionalDeliveryConflict from './checks/srs/conventional-delivery-conflict';
import srsCranialDiagnosis from './checks/srs/cranial-diagnosis';
import srsDuplicateLine from './checks/srs/duplicate-line';
import srsFractionatedCourse from './checks/srs/fractionated-course';
import srsImageGuidanceIncluded from './checks/srs/image-guidance-included';
import srsManagementCode from './checks/srs/management-code';
import srsModifier26TechnicalOnly from './checks/srs/modifier-26-technical-only';
import srsModifier59PreferX from './checks/srs/modifier-59-prefer-x';
import srsModifierCannotBypass from './checks/srs/modifier-cannot-bypass';
import srsModifierPostopGlobal from './checks/srs/modifier-postop-global';
import srsModifierProfessionalOnly from './checks/srs/modifier-professional-only';
import srsModifierRepeatLone from './checks/srs/modifier-repeat-lone';
import srsModifierTcRedundant from './checks/srs/modifier-tc-redundant';
import srsModifierUnexpected from './checks/srs/modifier-unexpected';
import srsMutuallyExclusiveDelivery from './checks/srs/mutually-exclusive-delivery';
import srsRoboticOpps from './checks/srs/robotic-opps';
import srsSbrtConflict from './checks/srs/sbrt-conflict';
import srsSingleSessionUnits from './checks/srs/single-session-units';

/** Every rule, sorted by id. Ids are public: profiles and the testing contract name them. */
export const RULES: readonly RuleModule[] = [
  claimDateUnreadable,
  claimUnitsUnreadable,
  codeDeletedForDate,
  codeInvalidFormat,
  codeMpfsStatusInvalid,
  dataCoverage,
  modifier59WithX,
  modifierDuplicate,
  modifierInvalidFormat,
  ncciMueExceeded,
  ncciPtpPair,
  srsAddonLesionCap,
  srsBundledComponent,
  srsConventionalDeliveryConflict,
  srsCourseFractionCap,
  srsCranialDiagnosis,
  srsDuplicateLine,
  srsFractionatedCourse,
  srsImageGuidanceIncluded,
  srsManagementCode,
  srsModifier26TechnicalOnly,
  srsModifier59PreferX,
  srsModifierCannotBypass,
  srsModifierPostopGlobal,
  srsModifierProfessionalOnly,
  srsModifierRepeatLone,
  srsModifierTcRedundant,
  srsModifierUnexpected,
  srsMutuallyExclusiveDelivery,
  srsRoboticOpps,
  srsSbrtConflict,
  srsSingleSessionUnits,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));

export function ruleById(id: string): RuleModule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}

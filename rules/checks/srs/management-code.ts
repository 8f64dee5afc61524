import { SRS_DELIVERY, SRS_MANAGEMENT } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, lineNumbers } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/management-code',
    description: {
      en: 'On each 77371/77372 line: the physician’s management of a one-session cranial SRS course is 77432 (not modifier 26), and 77432 is never bundled with 77371/77372 (no active NCCI edit).',
    },
    defaultSeverity: 'info',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciPtpOutpatient, SOURCES.mpfsRvu2024],
    messages: ['rule_srs_management_code', 'rule_srs_management_code_present'],
  },
  check(context) {
    const management = context.lines.filter((line) => line.code === SRS_MANAGEMENT);
    const listed = lineNumbers(management); // once per claim, not once per SRS line
    return context.lines
      .filter((line) => SRS_DELIVERY.has(line.code))
      .map((line) =>
        management.length
          ? { lines: [line.index], key: 'rule_srs_management_code_present', args: [line.code, listed] }
          : { lines: [line.index], key: 'rule_srs_management_code', args: [line.code] },
      );
  },
});

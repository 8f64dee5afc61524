import { mpfsYearFor } from '../../data/mpfs-status';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, type Report } from '../../rule';

export default defineRule({
  meta: {
    id: 'code/mpfs-status-invalid',
    description: {
      en: 'Under the Medicare Physician Fee Schedule, a code with status I for the year of service (not valid for Medicare: 77385, 77386, 77387, 77402, 77407, 77412 in CY2024–2025); Medicare physician claims use the G-codes instead.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.mpfsRvu2025],
    messages: ['rule_code_mpfs_status_invalid', 'rule_code_mpfs_status_invalid_undated'],
    enabledBy: (profile) => profile.mpfsStatus,
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      const year = mpfsYearFor(line.date);
      const instead = year?.statusI[line.code];
      if (!year || !instead) continue;
      out.push({
        lines: [line.index],
        key: dated('rule_code_mpfs_status_invalid', line.dated),
        args: [line.code, String(year.year), instead, line.date],
        sources: [year.source],
      });
    }
    return out;
  },
});

import { MEDICARE_INSTEAD } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, type Report } from '../../rule';
import { mpfsOf } from '../shared';

export default defineRule({
  meta: {
    id: 'code/mpfs-status-invalid',
    description: {
      en: 'Under the Medicare Physician Fee Schedule, a code with status I in the MPFS data of the line’s year (not valid for Medicare; e.g. 77385, 77386, 77387, 77402, 77407, 77412 in CY2024–2025): Medicare physician claims use another code.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.mpfsRvu2025],
    messages: ['rule_code_mpfs_status_invalid', 'rule_code_mpfs_status_invalid_undated'],
    enabledBy: (profile) => profile.mpfsStatus,
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      const entry = mpfsOf(context, line);
      if (entry?.status !== 'I') continue;
      out.push({
        lines: [line.index],
        key: dated('rule_code_mpfs_status_invalid', line.dated),
        args: [line.code, String(entry.dataset.year), MEDICARE_INSTEAD[line.code] ?? '—', line.date, entry.dataset.label],
        sources: context.data.mpfsSources(entry.dataset),
      });
    }
    return out;
  },
});

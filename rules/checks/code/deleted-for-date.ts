import { codeValidity, isCodeValidOn } from '../../data/code-validity';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, type Report } from '../../rule';

export default defineRule({
  meta: {
    id: 'code/deleted-for-date',
    description: {
      en: 'A code that was deleted before the line’s date of service (e.g. 77385, 77386, G6001–G6017 and 77014, deleted on 2026-01-01). A line with no date is checked against today.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.astro2026, SOURCES.hcn2026],
    messages: ['rule_code_deleted_for_date', 'rule_code_deleted_for_date_undated', 'rule_code_deleted_for_date_included', 'rule_code_deleted_for_date_included_undated'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      if (isCodeValidOn(line.code, line.date)) continue;
      const entry = codeValidity(line.code);
      if (!entry) continue;
      const base = entry.after.kind === 'included' ? 'rule_code_deleted_for_date_included' : 'rule_code_deleted_for_date';
      out.push({
        lines: [line.index],
        key: dated(base, line.dated),
        args: [line.code, line.date, entry.deletedOn ?? '', entry.after.codes.join(', ')],
        sources: entry.sources,
      });
    }
    return out;
  },
});

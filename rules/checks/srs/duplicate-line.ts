import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, lineNumbers, linesByCode, type Report } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/duplicate-line',
    description: {
      en: 'The same SRS code (77371/77372) on two or more lines for the same date: one session is one line.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.cptSrsDescriptor, SOURCES.ncciMue],
    messages: ['rule_srs_duplicate_line', 'rule_srs_duplicate_line_undated'],
  },
  check(context) {
    const out: Report[] = [];
    for (const group of context.groups) {
      for (const [code, lines] of linesByCode(group, SRS_DELIVERY)) {
        if (lines.length < 2) continue;
        out.push({
          lines: lines.map((line) => line.index),
          key: dated('rule_srs_duplicate_line', group.dated),
          args: [code, lineNumbers(lines), group.date],
        });
      }
    }
    return out;
  },
});

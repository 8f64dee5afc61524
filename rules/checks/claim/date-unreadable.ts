import { SOURCES } from '../../data/sources';
import { defineRule, type Report } from '../../rule';
import { shown } from '../shared';

export default defineRule({
  meta: {
    id: 'claim/date-unreadable',
    description: {
      en: 'A date of service was typed but cannot be read as a date (e.g. "2025-13-45", or a split date box left half filled): the line is not checked against anything dated (NCCI edits, MUEs, code validity, the fee schedule) until it is corrected. Never replaced by today’s date. An unreadable “to” date alone is named too; the line is then checked as of its “from” date.',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.claimDates],
    messages: ['rule_claim_date_unreadable', 'rule_claim_date_unreadable_to'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      const { dateFromText, dateToText } = line.line;
      if (dateFromText !== undefined) out.push({ lines: [line.index], key: 'rule_claim_date_unreadable', args: [shown(dateFromText), line.code] });
      else if (dateToText !== undefined) out.push({ lines: [line.index], key: 'rule_claim_date_unreadable_to', args: [shown(dateToText), line.code] });
    }
    return out;
  },
});

import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, type Report } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/fractionated-course',
    description: {
      en: 'SRS delivery (77371/77372) on more than one date of one claim, or one line spanning several dates: more than one session is not single-session SRS; 2–5 fractions are reported as SBRT (77373 per fraction + 77435).',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.cptSrsDescriptor, SOURCES.sroaFractionation, SOURCES.ncciPtpPractitioner],
    messages: ['rule_srs_fractionated_course', 'rule_srs_fractionated_course_span'],
  },
  check(context) {
    const out: Report[] = [];
    const srs = context.lines.filter((line) => SRS_DELIVERY.has(line.code) && line.dated);
    const dates = [...new Set(srs.map((line) => line.date))].sort();
    if (dates.length > 1) {
      const codes = [...new Set(srs.map((line) => line.code))].sort();
      out.push({
        lines: srs.map((line) => line.index),
        key: 'rule_srs_fractionated_course',
        args: [codes.join(', '), String(dates.length), dates.join(', ')],
      });
    }
    for (const line of srs) {
      const to = line.line.dateTo;
      if (to && to > line.date) {
        out.push({ lines: [line.index], key: 'rule_srs_fractionated_course_span', args: [line.code, line.date, to] });
      }
    }
    return out;
  },
});

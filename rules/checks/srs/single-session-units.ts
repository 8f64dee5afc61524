import { SRS_DELIVERY, SRS_SESSION_LIMIT } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, linesByCode, type LineView, type Report } from '../../rule';

export const formatUnits = (units: number) => String(Math.round(units * 100) / 100);

export default defineRule({
  meta: {
    id: 'srs/single-session-units',
    description: {
      en: 'More than 1 unit of 77371 or 77372 on one date: the code reports one complete course in one session, however many lesions (CPT descriptor; in the NCCI quarter of the date, MUE 1 with MAI 2, which no modifier bypasses). The same code on two lines of one date is srs/duplicate-line’s finding; this rule then names only a line that alone has more than 1 unit.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.cptSrsDescriptor, SOURCES.ncciMue],
    messages: ['rule_srs_single_session_units', 'rule_srs_single_session_units_undated', 'rule_srs_single_session_units_descriptor', 'rule_srs_single_session_units_descriptor_undated'],
  },
  check(context) {
    const out: Report[] = [];
    for (const group of context.groups) {
      for (const [code, lines] of linesByCode(group, SRS_DELIVERY)) {
        const mue = context.data.mue(context.ncciFile, code, group.date);
        const limit = mue?.value ?? SRS_SESSION_LIMIT;
        // Two lines of one code and date are one fact (srs/duplicate-line): here only a line over the limit on its own.
        const over: LineView[][] = lines.length > 1 ? lines.filter((line) => line.units > limit).map((line) => [line]) : [lines];
        for (const members of over) {
          const units = members.reduce((sum, line) => sum + line.units, 0);
          if (units <= limit) continue;
          const base = mue ? 'rule_srs_single_session_units' : 'rule_srs_single_session_units_descriptor';
          out.push({
            lines: members.map((line) => line.index),
            key: dated(base, group.dated),
            args: [code, formatUnits(units), group.date, String(limit), mue?.dataset.label ?? ''],
            sources: mue ? [SOURCES.cptSrsDescriptor, context.data.mueSource(mue.dataset, context.ncciFile)] : [SOURCES.cptSrsDescriptor],
            fix: { kind: 'set-units', line: members[0]!.index, units: limit },
          });
        }
      }
    }
    return out;
  },
});

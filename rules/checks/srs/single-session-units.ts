import { SRS_DELIVERY } from '../../data/code-groups';
import { mueOf, mueSource } from '../../data/ncci';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, linesByCode, type Report } from '../../rule';

export const formatUnits = (units: number) => String(Math.round(units * 100) / 100);

export default defineRule({
  meta: {
    id: 'srs/single-session-units',
    description: {
      en: 'More than 1 unit of 77371 or 77372 on one date, summed across lines: the code reports one complete course in one session, however many lesions (MUE 1 with MAI 2: no modifier bypasses it).',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.ncciMue, SOURCES.cptSrsDescriptor],
    messages: ['rule_srs_single_session_units', 'rule_srs_single_session_units_undated'],
  },
  check(context) {
    const out: Report[] = [];
    for (const group of context.groups) {
      for (const [code, lines] of linesByCode(group, SRS_DELIVERY)) {
        const limit = mueOf(context.ncciFile, code)?.value ?? 1;
        const units = lines.reduce((sum, line) => sum + line.units, 0);
        if (units <= limit) continue;
        const only = lines.length === 1 ? lines[0] : undefined;
        out.push({
          lines: lines.map((line) => line.index),
          key: dated('rule_srs_single_session_units', group.dated),
          args: [code, formatUnits(units), group.date, String(limit)],
          sources: [mueSource(context.ncciFile), SOURCES.cptSrsDescriptor],
          ...(only ? { fix: { kind: 'set-units' as const, line: only.index, units: limit } } : {}),
        });
      }
    }
    return out;
  },
});

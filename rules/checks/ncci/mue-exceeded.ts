import { UNITS_JUDGED_ELSEWHERE } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, type Report } from '../../rule';
import { formatUnits } from '../srs/single-session-units';


export default defineRule({
  meta: {
    id: 'ncci/mue-exceeded',
    description: {
      en: 'Units of a code above its NCCI medically unlikely edit (MUE) value in the quarter of the line’s date of service. MAI 2 (date of service, policy): error, no modifier or appeal helps; MAI 3 (date of service, clinical) and MAI 1 (per line): warning, more units need documentation.',
    },
    defaultSeverity: 'error',
    severityNote: { en: 'From the MUE adjudication indicator: MAI 2 → error; MAI 1 or 3 → warning.' },
    sources: [SOURCES.ncciMue],
    messages: [
      'rule_ncci_mue_exceeded_mai1',
      'rule_ncci_mue_exceeded_mai2',
      'rule_ncci_mue_exceeded_mai2_undated',
      'rule_ncci_mue_exceeded_mai3',
      'rule_ncci_mue_exceeded_mai3_undated',
    ],
  },
  check(context) {
    const out: Report[] = [];
    for (const excess of context.mueExcesses()) {
      if (UNITS_JUDGED_ELSEWHERE.has(excess.code)) continue;
      const only = excess.lines.length === 1 ? excess.lines[0] : undefined;
      out.push({
        severity: excess.mai === 2 ? 'error' : 'warning',
        lines: excess.lines.map((line) => line.index),
        key: excess.mai === 1 ? 'rule_ncci_mue_exceeded_mai1' : dated(`rule_ncci_mue_exceeded_mai${excess.mai}`, excess.group.dated),
        args: [excess.code, formatUnits(excess.units), String(excess.value), excess.group.date, excess.dataset.label],
        sources: [context.data.mueSource(excess.dataset, context.ncciFile)],
        ...(only && excess.mai === 2 ? { fix: { kind: 'set-units' as const, line: only.index, units: excess.value } } : {}),
      });
    }
    return out;
  },
});

import { SOURCES } from '../../data/sources';
import { BYPASS_MODIFIERS, defineRule, REPEAT_MODIFIERS, type Report } from '../../rule';
import type { Source } from '../../finding';

const BYPASS_OR_REPEAT = new Set([...BYPASS_MODIFIERS, ...REPEAT_MODIFIERS]);

export default defineRule({
  meta: {
    id: 'srs/modifier-cannot-bypass',
    description: {
      en: '59/XE/XS/XP/XU, 76 or 77 on a line whose only conflicts are NCCI indicator-0 pairs or an MUE with MAI 2: no modifier bypasses those, so the modifier changes nothing. A warning: the conflict itself is the error, reported once by its own rule.',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.mln59, SOURCES.ncciPtpPractitioner, SOURCES.ncciMue],
    messages: ['rule_srs_modifier_cannot_bypass'],
  },
  check(context) {
    // Per line: does it have a conflict, could a modifier bypass any of them (indicator 1), and which data said so?
    const conflicts = new Map<number, { any: boolean; bypassable: boolean; sources: Source[] }>();
    const mark = (index: number, bypassable: boolean, source: Source) => {
      const state = conflicts.get(index) ?? { any: false, bypassable: false, sources: [] };
      state.any = true;
      state.bypassable ||= bypassable;
      if (!state.sources.includes(source)) state.sources.push(source);
      conflicts.set(index, state);
    };
    for (const pair of context.pairs()) {
      const source = context.data.ptpSource(pair.edit.dataset, context.ncciFile);
      for (const line of [...pair.col1, ...pair.col2]) mark(line.index, pair.edit.indicator === 1, source);
    }
    for (const excess of context.mueExcesses()) {
      // MAI 1 (per line) and 3 (clinical) limits can be exceeded with documentation; MAI 2 cannot.
      const source = context.data.mueSource(excess.dataset, context.ncciFile);
      for (const line of excess.lines) mark(line.index, excess.mai !== 2, source);
    }
    const out: Report[] = [];
    for (const line of context.lines) {
      const state = conflicts.get(line.index);
      if (!state?.any || state.bypassable) continue;
      const used = [...new Set(line.modifiers.filter((modifier) => BYPASS_OR_REPEAT.has(modifier)))];
      if (!used.length) continue;
      out.push({
        lines: [line.index],
        key: 'rule_srs_modifier_cannot_bypass',
        args: [used.join(', '), line.code],
        sources: [SOURCES.mln59, ...state.sources],
      });
    }
    return out;
  },
});

import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';
import { componentLines } from '../shared';

const MOD_26: ReadonlySet<string> = new Set(['26']);

export default defineRule({
  meta: {
    id: 'srs/modifier-26-technical-only',
    description: {
      en: 'Modifier 26 on a technical-only code: PC/TC indicator 3 in the MPFS data of the line’s year (77371, 77372, 77373, 77336, 77370, G6003–G6016…; read from the data, not a list). On 77371/77372 the physician’s work is 77432 (and 61796–61800 for the neurosurgeon).',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.mpfsRvu2025, SOURCES.pctcIndicators],
    messages: ['rule_srs_modifier_26_technical_only', 'rule_srs_modifier_26_technical_only_other'],
  },
  check(context) {
    return componentLines(context, 3, MOD_26).map(({ line, entry }) => ({
      lines: [line.index],
      key: SRS_DELIVERY.has(line.code) ? 'rule_srs_modifier_26_technical_only' : 'rule_srs_modifier_26_technical_only_other',
      args: [line.code, entry.dataset.label],
      sources: [...context.data.mpfsSources(entry.dataset), SOURCES.pctcIndicators],
      fix: { kind: 'remove-modifier' as const, line: line.index, modifier: '26' },
    }));
  },
});

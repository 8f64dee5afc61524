import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';
import { componentLines } from '../shared';

const MOD_TC: ReadonlySet<string> = new Set(['TC']);
const ID = 'srs/modifier-tc-redundant';

export default defineRule({
  meta: {
    id: ID,
    description: {
      en: 'Modifier TC on a technical-only code (PC/TC indicator 3 in the MPFS data of the line’s year, e.g. 77371, 77372, 77373, 77336, 77370): the code is the technical component already. Medicare rejects it (error); profiles where a payer tolerates it make it a warning, and the message then says “redundant” instead of “not valid”.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.mpfsRvu2025, SOURCES.pctcIndicators],
    messages: ['rule_srs_modifier_tc_redundant', 'rule_srs_modifier_tc_redundant_tolerated'],
  },
  check(context) {
    const setting = context.profile.rules?.[ID];
    const tolerated = setting === 'warning' || setting === 'info';
    return componentLines(context, 3, MOD_TC).map(({ line, entry }) => ({
      lines: [line.index],
      key: tolerated ? 'rule_srs_modifier_tc_redundant_tolerated' : 'rule_srs_modifier_tc_redundant',
      args: [line.code, entry.dataset.label],
      sources: [...context.data.mpfsSources(entry.dataset), SOURCES.pctcIndicators],
      fix: { kind: 'remove-modifier' as const, line: line.index, modifier: 'TC' },
    }));
  },
});

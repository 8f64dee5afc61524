import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';
import { componentLines } from '../shared';

const COMPONENT: ReadonlySet<string> = new Set(['26', 'TC']);

export default defineRule({
  meta: {
    id: 'srs/modifier-professional-only',
    description: {
      en: 'Modifier 26 or TC on a professional-only code: PC/TC indicator 2 in the MPFS data of the line’s year (77432, 77435, 77263…), so neither component modifier applies. From 2026, 77387 is professional-only (srs-reference.md §10), so TC on 77387 dated 2026 is flagged.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.mpfsRvu2025, SOURCES.pctcIndicators, SOURCES.astro2026],
    messages: ['rule_srs_modifier_professional_only'],
  },
  check(context) {
    return componentLines(context, 2, COMPONENT).map(({ line, entry, found }) => ({
      lines: [line.index],
      key: 'rule_srs_modifier_professional_only',
      args: [found.join(', '), line.code, entry.dataset.label],
      sources: [...context.data.mpfsSources(entry.dataset), SOURCES.pctcIndicators],
      ...(found.length === 1 ? { fix: { kind: 'remove-modifier' as const, line: line.index, modifier: found[0]! } } : {}),
    }));
  },
});

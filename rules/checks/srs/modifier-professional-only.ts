import { PROFESSIONAL_ONLY_MANAGEMENT } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, type Report } from '../../rule';

const COMPONENT = new Set(['26', 'TC']);

export default defineRule({
  meta: {
    id: 'srs/modifier-professional-only',
    description: {
      en: 'Modifier 26 or TC on the management codes 77432/77435: they are professional-only (PC/TC indicator 2), so neither component modifier applies.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.pctcIndicators],
    messages: ['rule_srs_modifier_professional_only'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      if (!PROFESSIONAL_ONLY_MANAGEMENT.has(line.code)) continue;
      const found = [...new Set(line.modifiers.filter((modifier) => COMPONENT.has(modifier)))];
      if (!found.length) continue;
      out.push({
        lines: [line.index],
        key: 'rule_srs_modifier_professional_only',
        args: [found.join(', '), line.code],
        ...(found.length === 1 ? { fix: { kind: 'remove-modifier' as const, line: line.index, modifier: found[0]! } } : {}),
      });
    }
    return out;
  },
});

import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, type Report } from '../../rule';

const POSTOP = new Set(['78', '79']);

export default defineRule({
  meta: {
    id: 'srs/modifier-postop-global',
    description: {
      en: '78 or 79 on 77371/77372: these modifiers concern a surgical global period, and 77371/77372 have global period XXX (none applies).',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.mpfsRvu2024],
    messages: ['rule_srs_modifier_postop_global'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      if (!SRS_DELIVERY.has(line.code)) continue;
      const found = [...new Set(line.modifiers.filter((modifier) => POSTOP.has(modifier)))];
      if (!found.length) continue;
      out.push({
        lines: [line.index],
        key: 'rule_srs_modifier_postop_global',
        args: [found.join(', '), line.code],
        ...(found.length === 1 ? { fix: { kind: 'remove-modifier' as const, line: line.index, modifier: found[0]! } } : {}),
      });
    }
    return out;
  },
});

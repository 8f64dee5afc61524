import { SOURCES } from '../../data/sources';
import { defineRule, type Report } from '../../rule';
import { shown } from '../shared';
import { MODIFIER } from './invalid-format';

export default defineRule({
  meta: {
    id: 'modifier/duplicate',
    description: {
      en: 'The same modifier twice on one line: it takes one of the line’s four modifier places and adds nothing. Informational: no source read says a payer rejects it.',
    },
    defaultSeverity: 'info',
    sources: [SOURCES.modifierDuplicate],
    messages: ['rule_modifier_duplicate'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      const seen = new Set<string>();
      const twice = new Set<string>();
      for (const modifier of line.modifiers) {
        if (!MODIFIER.test(modifier)) continue;
        if (seen.has(modifier)) twice.add(modifier);
        seen.add(modifier);
      }
      if (!twice.size) continue;
      const list = [...twice];
      out.push({
        lines: [line.index],
        key: 'rule_modifier_duplicate',
        args: [list.join(', '), shown(line.code)],
        ...(list.length === 1 ? { fix: { kind: 'remove-modifier' as const, line: line.index, modifier: list[0]! } } : {}),
      });
    }
    return out;
  },
});

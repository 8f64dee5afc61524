import { SOURCES } from '../../data/sources';
import { defineRule, X_MODIFIERS, type Report } from '../../rule';
import { shown } from '../shared';

export default defineRule({
  meta: {
    id: 'modifier/59-with-x',
    description: {
      en: '59 and an X modifier (XE/XS/XP/XU) on the same line: the X modifier is the more specific form of 59 and replaces it.',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.mln59],
    messages: ['rule_modifier_59_with_x'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      if (!line.mods.has('59')) continue;
      const x = [...new Set(line.modifiers.filter((modifier) => X_MODIFIERS.has(modifier)))];
      if (!x.length) continue;
      out.push({
        lines: [line.index],
        key: 'rule_modifier_59_with_x',
        args: [x.join(', '), shown(line.code)],
        fix: { kind: 'remove-modifier', line: line.index, modifier: '59' },
      });
    }
    return out;
  },
});

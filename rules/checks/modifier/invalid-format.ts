import { SOURCES } from '../../data/sources';
import { defineRule, type Report } from '../../rule';
import { shown } from '../shared';

export const MODIFIER = /^[A-Z0-9]{2}$/;

export default defineRule({
  meta: {
    id: 'modifier/invalid-format',
    description: {
      en: 'A modifier that is not exactly two letters or digits.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.modifierFormat],
    messages: ['rule_modifier_invalid_format'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      const bad = line.modifiers.filter((modifier) => !MODIFIER.test(modifier));
      if (bad.length) out.push({ lines: [line.index], key: 'rule_modifier_invalid_format', args: [[...new Set(bad)].map(shown).join(', '), shown(line.code)] });
    }
    return out;
  },
});

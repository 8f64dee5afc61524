import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, X_MODIFIERS } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/modifier-59-prefer-x',
    description: {
      en: '59 on an SRS line where the payer prefers the more specific XE/XS/XP/XU (Medicare profiles).',
    },
    defaultSeverity: 'info',
    sources: [SOURCES.mln59],
    messages: ['rule_srs_modifier_59_prefer_x'],
    enabledBy: (profile) => profile.prefersXModifiers,
  },
  check(context) {
    return context.lines
      .filter((line) => SRS_DELIVERY.has(line.code) && line.mods.has('59') && !line.modifiers.some((m) => X_MODIFIERS.has(m)))
      .map((line) => ({ lines: [line.index], key: 'rule_srs_modifier_59_prefer_x', args: [line.code] }));
  },
});

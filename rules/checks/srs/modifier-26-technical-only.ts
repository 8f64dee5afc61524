import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/modifier-26-technical-only',
    description: {
      en: 'Modifier 26 on 77371/77372: these are technical-only codes (PC/TC indicator 3); the physician’s work is 77432 (and 61796–61800 for the neurosurgeon).',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.pctcIndicators],
    messages: ['rule_srs_modifier_26_technical_only'],
  },
  check(context) {
    return context.lines
      .filter((line) => SRS_DELIVERY.has(line.code) && line.mods.has('26'))
      .map((line) => ({
        lines: [line.index],
        key: 'rule_srs_modifier_26_technical_only',
        args: [line.code],
        fix: { kind: 'remove-modifier' as const, line: line.index, modifier: '26' },
      }));
  },
});

import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/modifier-tc-redundant',
    description: {
      en: 'Modifier TC on 77371/77372: these codes are technical-only (PC/TC indicator 3), so TC is not valid on them. Medicare rejects it; some other payers tolerate it (warning in those profiles).',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.mpfsRvu2024, SOURCES.pctcIndicators],
    messages: ['rule_srs_modifier_tc_redundant'],
  },
  check(context) {
    return context.lines
      .filter((line) => SRS_DELIVERY.has(line.code) && line.mods.has('TC'))
      .map((line) => ({
        lines: [line.index],
        key: 'rule_srs_modifier_tc_redundant',
        args: [line.code],
        fix: { kind: 'remove-modifier' as const, line: line.index, modifier: 'TC' },
      }));
  },
});

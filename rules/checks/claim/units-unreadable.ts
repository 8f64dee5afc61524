import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';
import { shown } from '../shared';

export default defineRule({
  meta: {
    id: 'claim/units-unreadable',
    description: {
      en: 'Units were typed but are not a number (e.g. "1x", "one"): the line counts as 1 unit for the limits until it is corrected.',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.claimUnits],
    messages: ['rule_claim_units_unreadable'],
  },
  check(context) {
    return context.lines
      .filter((line) => line.unitsUnreadable)
      .map((line) => ({ lines: [line.index], key: 'rule_claim_units_unreadable', args: [shown(line.line.unitsText ?? ''), line.code] }));
  },
});

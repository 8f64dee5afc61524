import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, type Report } from '../../rule';
import { isProcedureModifier } from '../shared';

/** Procedure modifiers other rules already judge on 77371/77372. */
const JUDGED_ELSEWHERE = new Set(['26', 'TC', '59', 'XE', 'XS', 'XP', 'XU', '76', '77', '78', '79']);

export default defineRule({
  meta: {
    id: 'srs/modifier-unexpected',
    description: {
      en: 'A procedure modifier with no use on 77371/77372 (e.g. 22, 25, 50, 51, 52, LT, RT): one complete cranial course, technical only. Payment/informational modifiers (GA, GZ, GY, KX, PO, PN…) are neutral.',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.cptSrsDescriptor, SOURCES.mpfsRvu2024],
    messages: ['rule_srs_modifier_unexpected'],
  },
  check(context) {
    const out: Report[] = [];
    for (const line of context.lines) {
      if (!SRS_DELIVERY.has(line.code)) continue;
      const found = [...new Set(line.modifiers.filter((modifier) => isProcedureModifier(modifier) && !JUDGED_ELSEWHERE.has(modifier)))];
      if (found.length) out.push({ lines: [line.index], key: 'rule_srs_modifier_unexpected', args: [found.join(', '), line.code] });
    }
    return out;
  },
});

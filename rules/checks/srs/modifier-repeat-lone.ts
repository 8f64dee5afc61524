import { SRS_DELIVERY, SRS_SESSION_LIMIT } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, linesByCode, REPEAT_MODIFIERS, type LineView, type Report } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/modifier-repeat-lone',
    description: {
      en: '76 or 77 (repeat procedure) on a 77371/77372 line that is the only line of its code on its date: nothing on the claim is repeated, and a one-session course cannot be repeated the same day anyway (MUE 1 with MAI 2); a seed page wrongly suggests these modifiers (srs-reference.md §4, §8). A line in an NCCI conflict or over its units is srs/modifier-cannot-bypass’s instead (one finding per fact).',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.cptSrsDescriptor, SOURCES.ncciMue],
    messages: ['rule_srs_modifier_repeat_lone'],
  },
  check(context) {
    const out: Report[] = [];
    // A line in an NCCI conflict, or over its units, has srs/modifier-cannot-bypass speak about the same modifier: one finding.
    const judged = new Set<LineView>();
    for (const pair of context.pairs()) for (const line of [...pair.col1, ...pair.col2]) judged.add(line);
    for (const group of context.groups) {
      for (const [code, lines] of linesByCode(group, SRS_DELIVERY)) {
        if (lines.length !== 1) continue;
        const line = lines[0]!;
        if (judged.has(line) || line.units > SRS_SESSION_LIMIT) continue;
        const found = [...new Set(line.modifiers.filter((modifier) => REPEAT_MODIFIERS.has(modifier)))];
        if (!found.length) continue;
        out.push({
          lines: [line.index],
          key: 'rule_srs_modifier_repeat_lone',
          args: [found.join(', '), code],
          ...(found.length === 1 ? { fix: { kind: 'remove-modifier' as const, line: line.index, modifier: found[0]! } } : {}),
        });
      }
    }
    return out;
  },
});

import { codeValidity, isCodeValidOn } from '../../data/code-validity';
import { SBRT_DELIVERY, SRS_DELIVERY } from '../../data/code-groups';
import { dated, defineRule, lineNumbers, type DateGroup, type LineView, type Report, type RuleContext } from '../../rule';
import { SOURCES } from '../../data/sources';

/**
 * Lines of the same date that a replacement would conflict with: another delivery of the same
 * session (77371/77372/77373, srs-reference.md §3), or a PTP edit in force on the date.
 */
function conflictsOf(context: RuleContext, groupOf: ReadonlyMap<LineView, DateGroup>, line: LineView, replacements: readonly string[]): LineView[] {
  const group = groupOf.get(line);
  if (!group) return [];
  return group.lines.filter(
    (other) =>
      other !== line &&
      (SRS_DELIVERY.has(other.code) || SBRT_DELIVERY.has(other.code) || replacements.some((code) => context.data.ptpEdit(context.ncciFile, code, other.code, group.date))),
  );
}

export default defineRule({
  meta: {
    id: 'code/deleted-for-date',
    description: {
      en: 'A code that was deleted before the line’s date of service (e.g. 77385, 77386, G6001–G6017 and 77014, deleted on 2026-01-01). A line with no date is checked against today. The replacement is suggested only when it would not conflict with another line of the same date (an SRS/SBRT delivery, or an NCCI edit in force); otherwise the message says to remove the line.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.astro2026, SOURCES.hcn2026],
    messages: [
      'rule_code_deleted_for_date',
      'rule_code_deleted_for_date_undated',
      'rule_code_deleted_for_date_included',
      'rule_code_deleted_for_date_included_undated',
      'rule_code_deleted_for_date_conflict',
      'rule_code_deleted_for_date_conflict_undated',
    ],
  },
  check(context) {
    const out: Report[] = [];
    let groupOf: Map<LineView, DateGroup> | undefined;
    for (const line of context.lines) {
      if (line.dateUnreadable || isCodeValidOn(line.code, line.date)) continue;
      const entry = codeValidity(line.code);
      if (!entry) continue;
      groupOf ??= new Map(context.groups.flatMap((group) => group.lines.map((member) => [member, group] as const)));
      const conflicts = conflictsOf(context, groupOf, line, entry.after.codes);
      const base = conflicts.length
        ? 'rule_code_deleted_for_date_conflict'
        : entry.after.kind === 'included'
          ? 'rule_code_deleted_for_date_included'
          : 'rule_code_deleted_for_date';
      out.push({
        lines: [line.index],
        key: dated(base, line.dated),
        args: [line.code, line.date, entry.deletedOn ?? '', entry.after.codes.join(', '), conflicts.length ? `${conflicts[0]!.code} (${lineNumbers(conflicts)})` : ''],
        sources: entry.sources,
      });
    }
    return out;
  },
});

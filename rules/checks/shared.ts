import { describeModifier } from '../catalog/modifiers';
import { CONVENTIONAL_DELIVERY, IMAGE_GUIDANCE, SBRT_DELIVERY, SRS_BUNDLED, SRS_DELIVERY } from '../data/code-groups';
import { SOURCES } from '../data/sources';
import type { MpfsEntry } from '../data/cms-data';
import type { Severity } from '../finding';
import { dated, type LineView, type PairConflict, type Report, type RuleContext, type RuleMeta, type RuleModule } from '../rule';

/** Shortens what the coder typed for use inside a message. */
export const shown = (text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text);

/** The rule that explains an NCCI pair best: SRS pairs by the partner's kind, anything else generically. */
export function pairOwner(a: string, b: string): string {
  const srsA = SRS_DELIVERY.has(a);
  const srsB = SRS_DELIVERY.has(b);
  if (srsA && srsB) return 'srs/mutually-exclusive-delivery';
  if (!srsA && !srsB) return 'ncci/ptp-pair';
  const other = srsA ? b : a;
  if (SBRT_DELIVERY.has(other)) return 'srs/sbrt-conflict';
  if (CONVENTIONAL_DELIVERY.has(other)) return 'srs/conventional-delivery-conflict';
  if (IMAGE_GUIDANCE.has(other)) return 'srs/image-guidance-included';
  if (SRS_BUNDLED.has(other)) return 'srs/bundled-component';
  return 'ncci/ptp-pair';
}

/** Indicator 0 → error; indicator 1 → error without a bypass modifier, warning with one. */
export function pairSeverity(pair: PairConflict): Severity {
  return pair.edit.indicator === 0 ? 'error' : pair.bypass ? 'warning' : 'error';
}

/** The message variants every pair rule has: indicator 0, indicator 1 without / with bypass, each dated or not. */
export function pairMessages(base: string): string[] {
  return ['', '_modifier', '_bypassed'].flatMap((variant) => [`${base}${variant}`, `${base}${variant}_undated`]);
}

/** One report per pair of codes and date, naming every line of both codes and the quarter it was checked against. */
export function pairReport(base: string, pair: PairConflict, context: RuleContext): Report {
  const variant = pair.edit.indicator === 0 ? '' : pair.bypass ? '_bypassed' : '_modifier';
  return {
    severity: pairSeverity(pair),
    lines: [...pair.col1, ...pair.col2].map((line) => line.index).sort((x, y) => x - y),
    key: dated(`${base}${variant}`, pair.group.dated),
    args: [pair.edit.col1, pair.edit.col2, pair.group.date, pair.bypass ?? '', pair.edit.rationale, pair.edit.dataset.label],
    sources: [context.data.ptpSource(pair.edit.dataset, context.ncciFile), ...(pair.bypass ? [SOURCES.mln59, SOURCES.ncciPolicyManual] : [])],
  };
}

const routed = new WeakMap<RuleContext, Map<string, PairConflict[]>>();

/** The context's pairs grouped by the rule that owns them (computed once per evaluation). */
export function pairsOwnedBy(context: RuleContext, ruleId: string): readonly PairConflict[] {
  let byOwner = routed.get(context);
  if (!byOwner) {
    byOwner = new Map();
    for (const pair of context.pairs()) {
      const owner = pairOwner(pair.edit.col1, pair.edit.col2);
      const list = byOwner.get(owner);
      if (list) list.push(pair);
      else byOwner.set(owner, [pair]);
    }
    routed.set(context, byOwner);
  }
  return byOwner.get(ruleId) ?? [];
}

/** A rule that reports the NCCI pairs routed to it by pairOwner. */
export function definePairRule(meta: Omit<RuleMeta, 'messages' | 'severityNote'>, base: string): RuleModule {
  return {
    meta: {
      ...meta,
      messages: pairMessages(base),
      severityNote: { en: 'From the NCCI modifier indicator of the pair: 0 → error; 1 → error without 59/XE/XS/XP/XU, warning with one.' },
    },
    check(context) {
      return pairsOwnedBy(context, meta.id).map((pair) => pairReport(base, pair, context));
    },
  };
}

export const isProcedureModifier = (modifier: string) => describeModifier(modifier)?.kind === 'procedure';

/** The line's MPFS row in force on its date of service (undefined when the date is unreadable or not covered). */
export function mpfsOf(context: RuleContext, line: LineView): MpfsEntry | undefined {
  if (line.dateUnreadable) return undefined;
  return context.data.mpfs(line.code, line.date);
}

/** A modifier rule on PC/TC indicator data: each line whose code has `indicator` in its year and carries one of `modifiers`. */
export function componentLines(context: RuleContext, indicator: number, modifiers: ReadonlySet<string>): { line: LineView; entry: MpfsEntry; found: string[] }[] {
  const out: { line: LineView; entry: MpfsEntry; found: string[] }[] = [];
  for (const line of context.lines) {
    if (!line.modifiers.some((modifier) => modifiers.has(modifier))) continue;
    const entry = mpfsOf(context, line);
    if (entry?.pctc !== indicator) continue;
    out.push({ line, entry, found: [...new Set(line.modifiers.filter((modifier) => modifiers.has(modifier)))] });
  }
  return out;
}

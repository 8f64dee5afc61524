import type { Claim, RawClaim } from './claim';
import { buildContext } from './context';
import { cmsData } from './data/cms-data';
import type { CmsDataBundle } from './data/types';
import { isIsoDate } from './dates';
import type { Finding, LineSeverity, Severity } from './finding';
import { normalizeClaim } from './normalize';
import type { PayerProfile, RuleSetting } from './profile';
import { RULES } from './registry';
import type { RuleModule } from './rule';

export interface EvaluateOptions {
  /** Today's date (YYYY-MM-DD) in the coder's time zone: the date of service of undated lines. */
  today: string;
  /** Language of profile notes given per language (default 'en'). */
  language?: 'en' | 'es';
  /** Tests only: rethrow a rule's internal error instead of skipping that rule. */
  strict?: boolean;
  /** The dated CMS data to evaluate against (default: the shipped data, rules/data/cms/). */
  data?: CmsDataBundle;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The severity a rule has under a profile before any finding: 'off', a fixed one, or its default. */
export function ruleSettingFor(rule: RuleModule, profile: PayerProfile): RuleSetting {
  const override = profile.rules?.[rule.meta.id];
  if (override === 'off') return 'off';
  if (rule.meta.enabledBy && !rule.meta.enabledBy(profile)) return 'off';
  return override ?? rule.meta.defaultSeverity;
}

interface Sortable {
  finding: Finding;
  first: number;
  rank: number;
  key: string;
}

/** Claim-level findings first, then by first line, severity, rule id, lines, message. */
function sortFindings(findings: Finding[]): Finding[] {
  const rows: Sortable[] = findings.map((finding) => ({
    finding,
    first: finding.lines.length ? finding.lines[0]! : -1, // lines are sorted
    rank: RANK[finding.severity],
    key: `${finding.ruleId}\u0000${finding.lines.join(',')}\u0000${finding.message.key}\u0000${finding.message.args.join('\u0001')}`,
  }));
  rows.sort((a, b) => a.first - b.first || a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((row) => row.finding);
}

function notesFor(profile: PayerProfile, ruleId: string, language: 'en' | 'es'): string[] | undefined {
  const note = profile.notes?.[ruleId];
  if (note === undefined) return undefined;
  return [typeof note === 'string' ? note : note[language]];
}

/** Runs every rule the profile enables on a normalized claim. Findings are sorted deterministically. */
export function evaluate(claim: Claim, profile: PayerProfile, options: EvaluateOptions): Finding[] {
  const today = typeof options?.today === 'string' && isIsoDate(options.today) ? options.today : '1970-01-01';
  const language = options?.language === 'es' ? 'es' : 'en';
  const context = buildContext(claim, profile, today, cmsData(options?.data));
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = ruleSettingFor(rule, profile);
    if (setting === 'off') continue;
    const override = profile.rules?.[rule.meta.id];
    let reports;
    try {
      reports = rule.check(context);
    } catch (error) {
      if (options?.strict) throw error;
      continue;
    }
    const notes = notesFor(profile, rule.meta.id, language);
    for (const report of reports) {
      const finding: Finding = {
        ruleId: rule.meta.id,
        severity: override && override !== 'off' ? override : (report.severity ?? rule.meta.defaultSeverity),
        lines: [...new Set(report.lines)].sort((a, b) => a - b),
        message: { key: report.key, args: [...report.args] },
        sources: (report.sources ?? rule.meta.sources).map((source) => ({ ...source })),
      };
      if (notes) finding.notes = notes;
      if (report.fix) finding.fix = report.fix;
      findings.push(finding);
    }
  }
  return sortFindings(findings);
}

/** normalizeClaim + evaluate, for the content script. */
export function evaluateRaw(raw: RawClaim, profile: PayerProfile, options: EvaluateOptions): { claim: Claim; findings: Finding[] } {
  const claim = normalizeClaim(raw);
  return { claim, findings: evaluate(claim, profile, options) };
}

/** A line's summary for the testing contract: its worst error/warning; info-only or nothing → 'ok'. */
export function lineSeverity(findings: readonly Finding[], lineIndex: number): LineSeverity {
  let worst: LineSeverity = 'ok';
  for (const finding of findings) {
    if (!finding.lines.includes(lineIndex)) continue;
    if (finding.severity === 'error') return 'error';
    if (finding.severity === 'warning') worst = 'warning';
  }
  return worst;
}

export interface LineVerdict {
  severity: LineSeverity;
  /** Rules that fired for the line (info included), sorted and unique. */
  ruleIds: string[];
}

const OK_VERDICT: LineVerdict = Object.freeze({ severity: 'ok', ruleIds: Object.freeze([]) as unknown as string[] });

/**
 * `lineSeverity` and `lineRuleIds` for every line at once, in one pass over the findings
 * (a long claim asks for all its lines on every keystroke). Lines without findings are 'ok'.
 */
export function lineVerdicts(findings: readonly Finding[]): (lineIndex: number) => LineVerdict {
  const byLine = new Map<number, { severity: LineSeverity; ruleIds: Set<string> }>();
  for (const finding of findings) {
    for (const line of finding.lines) {
      let entry = byLine.get(line);
      if (!entry) byLine.set(line, (entry = { severity: 'ok', ruleIds: new Set() }));
      entry.ruleIds.add(finding.ruleId);
      if (finding.severity === 'error') entry.severity = 'error';
      else if (finding.severity === 'warning' && entry.severity === 'ok') entry.severity = 'warning';
    }
  }
  const verdicts = new Map<number, LineVerdict>();
  for (const [line, entry] of byLine) verdicts.set(line, { severity: entry.severity, ruleIds: [...entry.ruleIds].sort() });
  return (lineIndex) => verdicts.get(lineIndex) ?? OK_VERDICT;
}

/** Ids of the rules that fired for a line (info included), sorted and unique. */
export function lineRuleIds(findings: readonly Finding[], lineIndex: number): string[] {
  return [...new Set(findings.filter((finding) => finding.lines.includes(lineIndex)).map((finding) => finding.ruleId))].sort();
}

import type { Claim, ServiceLine } from './claim';
import type { PtpEdit } from './data/ncci';
import type { NcciFile } from './data/types';
import type { Fix, Severity, Source } from './finding';
import type { PayerProfile } from './profile';

/** One service line as the rules see it: normalized, with its effective date of service. */
export interface LineView {
  line: ServiceLine;
  /** Page index (ServiceLine.index). */
  index: number;
  code: string;
  modifiers: readonly string[];
  mods: ReadonlySet<string>;
  /** Units counted for limits: the typed number, or 1 when blank/unreadable. */
  units: number;
  /** Date of service used for versioned data: the line's from-date, else options.today. */
  date: string;
  /** False when the line has no readable date (then `date` is today and messages say so). */
  dated: boolean;
}

/** Lines of one date of service. Undated lines form one group of their own ("on this claim"). */
export interface DateGroup {
  key: string;
  date: string;
  dated: boolean;
  lines: readonly LineView[];
}

/** An active NCCI PTP edit between two lines of the same date group. */
export interface PairConflict {
  group: DateGroup;
  col1: LineView;
  col2: LineView;
  edit: PtpEdit;
  /** The NCCI-associated modifier (59/XE/XS/XP/XU) on either line, if any. */
  bypass?: string;
}

/** Units of one code on one date above its MUE. */
export interface MueExcess {
  group: DateGroup;
  code: string;
  lines: readonly LineView[];
  units: number;
  value: number;
  mai: 1 | 2 | 3;
}

export interface RuleContext {
  claim: Claim;
  profile: PayerProfile;
  today: string;
  ncciFile: NcciFile;
  /** Lines with a code, in page order. */
  lines: readonly LineView[];
  groups: readonly DateGroup[];
  /** All active PTP edits between lines of the same date (computed once per evaluation). */
  pairs(): readonly PairConflict[];
  /** All MUE excesses (MAI 2/3: per date summed across lines; MAI 1: per line). */
  mueExcesses(): readonly MueExcess[];
}

/** What a rule reports; the engine adds the rule id, profile severity and notes. */
export interface Report {
  /** Defaults to the rule's default severity (source-driven rules may pass their own). */
  severity?: Severity;
  lines: readonly number[];
  key: string;
  args: readonly string[];
  fix?: Fix;
  /** Defaults to the rule's meta.sources. */
  sources?: readonly Source[];
}

export interface RuleMeta {
  /** Public id ("srs/modifier-26-technical-only"); the file path under rules/checks mirrors it. */
  id: string;
  /** What the rule checks (English; docs/rules.md is generated from it). */
  description: { en: string };
  defaultSeverity: Severity;
  /** When the severity depends on the source (e.g. NCCI indicator), how. */
  severityNote?: { en: string };
  sources: readonly Source[];
  /** Every i18n message key the rule may emit. */
  messages: readonly string[];
  /** Profile preference the rule depends on; a profile where it is false gets no finding. */
  enabledBy?: (profile: PayerProfile) => boolean;
  /** Path of the rule's documentation section in docs/rules.md. */
  docs?: string;
}

export interface RuleModule {
  meta: RuleMeta;
  check(context: RuleContext): Report[];
}

export function defineRule(rule: RuleModule): RuleModule {
  return rule;
}

/** NCCI-associated modifiers that may bypass an indicator-1 PTP edit (CMS MLN1783722). */
export const BYPASS_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);
export const X_MODIFIERS: ReadonlySet<string> = new Set(['XE', 'XS', 'XP', 'XU']);
/** Repeat-procedure modifiers. */
export const REPEAT_MODIFIERS: ReadonlySet<string> = new Set(['76', '77']);

/** The message key: its `_undated` variant when the group has no date of service. */
export const dated = (key: string, isDated: boolean) => (isDated ? key : `${key}_undated`);

/** 1-based line numbers as the coder reads them, e.g. "1, 3". */
export const lineNumbers = (lines: readonly LineView[]) => lines.map((line) => String(line.index + 1)).join(', ');

/** First modifier of the line that is in the set (in typed order). */
export function firstOf(line: LineView, set: ReadonlySet<string>): string | undefined {
  return line.modifiers.find((modifier) => set.has(modifier));
}

/** The lines of a date group grouped by code (page order kept), optionally only those `codes`. */
export function linesByCode(group: DateGroup, codes?: ReadonlySet<string>): Map<string, LineView[]> {
  const byCode = new Map<string, LineView[]>();
  for (const line of group.lines) {
    if (codes && !codes.has(line.code)) continue;
    const list = byCode.get(line.code);
    if (list) list.push(line);
    else byCode.set(line.code, [line]);
  }
  return byCode;
}

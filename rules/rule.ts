import type { Claim, ServiceLine } from './claim';
import type { CmsData, PtpEdit } from './data/cms-data';
import type { MueDataset, NcciFile } from './data/types';
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
  /** True when units were typed but are not a number (the line counts as 1 unit and says so). */
  unitsUnreadable: boolean;
  /** Date of service used for versioned data: the line's from-date, else options.today; '' when the typed date is unreadable. */
  date: string;
  /** False when the line has no date typed (then `date` is today and messages say so). */
  dated: boolean;
  /**
   * True when a date was typed but cannot be read: the line is in no date group, and nothing dated
   * (edits, limits, code validity, MPFS) is checked for it; `claim/date-unreadable` says so.
   */
  dateUnreadable: boolean;
}

/** Lines of one date of service. Undated lines form one group of their own ("on this claim"). */
export interface DateGroup {
  key: string;
  date: string;
  dated: boolean;
  lines: readonly LineView[];
}

/**
 * An NCCI PTP edit in force between two codes of the same date group: one per pair of codes and
 * date, naming every line of each code.
 */
export interface PairConflict {
  group: DateGroup;
  /** The lines of the column-one code, in page order. */
  col1: readonly LineView[];
  /** The lines of the column-two code, in page order. */
  col2: readonly LineView[];
  edit: PtpEdit;
  /**
   * The NCCI-associated modifier that bypasses an indicator-1 edit, when every column-two line
   * carries one (59/XE/XS/XP/XU; 25/57 on an E/M code): NCCI has it appended to the column-two code.
   */
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
  dataset: MueDataset;
}

export interface RuleContext {
  claim: Claim;
  profile: PayerProfile;
  today: string;
  ncciFile: NcciFile;
  /** The dated CMS data of this evaluation (the shipped data unless `evaluate` was given another). */
  data: CmsData;
  /** Lines with a code, in page order. */
  lines: readonly LineView[];
  /** Lines by date of service; lines whose typed date cannot be read are in none. */
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

const byCodeCache = new WeakMap<DateGroup, Map<string, LineView[]>>();

/**
 * The lines of a date group grouped by code (page order kept), optionally only those `codes`.
 * Grouped once per group and evaluation; a filtered call picks from that grouping.
 */
export function linesByCode(group: DateGroup, codes?: ReadonlySet<string>): Map<string, LineView[]> {
  let byCode = byCodeCache.get(group);
  if (!byCode) {
    byCode = new Map();
    for (const line of group.lines) {
      const list = byCode.get(line.code);
      if (list) list.push(line);
      else byCode.set(line.code, [line]);
    }
    byCodeCache.set(group, byCode);
  }
  if (!codes) return byCode;
  const picked = new Map<string, LineView[]>();
  for (const [code, lines] of byCode) if (codes.has(code)) picked.set(code, lines);
  return picked;
}

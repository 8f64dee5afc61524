import type { Source } from '../finding';

/** NCCI file a profile reads: practitioner services or outpatient hospital services. */
export type NcciFile = 'practitioner' | 'outpatient';

/**
 * One group of PTP edit rows as CMS publishes them, column-two codes merged:
 * [column one, effective date, deletion date ('' = none), modifier indicator, rationale index, column-two codes].
 * Dates are ISO YYYY-MM-DD. An edit is in force on a date D when effective <= D and (no deletion or D < deletion).
 */
export type PtpRow = readonly [col1: string, effective: string, deleted: string, modifier: 0 | 1 | 9, rationale: number, col2s: string];

/** One quarter of NCCI procedure-to-procedure edits (written by `npm run data:import`). */
export interface PtpDataset {
  kind: 'ptp';
  /** e.g. "2024Q3". */
  quarter: string;
  /** e.g. "NCCI PTP 2024 Q3": what findings and the side panel name. */
  label: string;
  /** First and last date of service the quarter's files apply to. */
  from: string;
  to: string;
  rationales: readonly string[];
  practitioner: readonly PtpRow[];
  outpatient: readonly PtpRow[];
}

/** One quarter of MUE values: each entry "code MUE-value MAI". */
export interface MueDataset {
  kind: 'mue';
  quarter: string;
  label: string;
  from: string;
  to: string;
  practitioner: readonly string[];
  outpatient: readonly string[];
}

/**
 * One calendar year of the Medicare Physician Fee Schedule relative value file, the columns the
 * rules read: each code → "status PC/TC-indicator global-days" (e.g. "C 3 XXX"; '?' = not known).
 */
export interface MpfsDataset {
  kind: 'mpfs';
  year: number;
  label: string;
  from: string;
  to: string;
  codes: Readonly<Record<string, string>>;
  /** Set when the year is not a CMS file but facts from another source (then only `codes` is covered). */
  sources?: readonly Source[];
}

/** A code's validity window (ISO dates; absent = open): valid from validFrom, deleted on deletedOn. */
export interface CodeValidity {
  code: string;
  validFrom?: string;
  /** First date of service on which the code is no longer valid. */
  deletedOn?: string;
  /** How the service is reported after the code's deletion. */
  after: { kind: 'replaced' | 'included'; codes: readonly string[] };
  sources: readonly Source[];
}

/** Everything dated the rules read; `evaluate` takes the shipped bundle unless given another. */
export interface CmsDataBundle {
  ptp: readonly PtpDataset[];
  mue: readonly MueDataset[];
  mpfs: readonly MpfsDataset[];
}

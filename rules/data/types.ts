import type { Source } from '../finding';

/** NCCI file a profile reads: practitioner services or outpatient hospital services. */
export type NcciFile = 'practitioner' | 'outpatient';

/** One group of PTP edits: [column one, modifier indicator, rationale index, column-two codes]. */
export type PtpRow = readonly [col1: string, indicator: 0 | 1 | 9, rationale: number, col2s: string];

/**
 * A quarter's NCCI procedure-to-procedure edits. The rules look pairs up here, never in code:
 * replace the dataset (same shape) when CMS publishes a newer quarter.
 */
export interface PtpDataset {
  /** e.g. "2024Q3" (the file effective 2024-07-01). */
  quarter: string;
  effectiveFrom: string;
  source: Source;
  rationales: readonly string[];
  practitioner: readonly PtpRow[];
  outpatient: readonly PtpRow[];
}

/** A quarter's MUE values: each entry "code MUE-value MAI". */
export interface MueDataset {
  quarter: string;
  effectiveFrom: string;
  source: Source;
  practitioner: readonly string[];
  outpatient: readonly string[];
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

/** Medicare Physician Fee Schedule status indicators of one calendar year (only the status-I codes). */
export interface MpfsStatusYear {
  year: number;
  from: string;
  to: string;
  source: Source;
  /** Status I: not valid for Medicare purposes; Medicare uses another code. Value: the codes used instead. */
  statusI: Readonly<Record<string, string>>;
}

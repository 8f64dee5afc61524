/** The claim-field roles detection assigns (the public testing contract's `data-claimguide-role`). */
export type FieldRole = 'cpt' | 'modifier' | 'units' | 'dos' | 'pos' | 'dx' | 'pointer' | 'revenue' | 'charge';

export const FIELD_ROLES: readonly FieldRole[] = ['cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge'];

/** Roles that belong to the claim, not to one service line. */
export const CLAIM_LEVEL_ROLES: ReadonlySet<FieldRole> = new Set<FieldRole>(['dx']);

/** Which part of a date a box holds, when a portal splits dates into month, day and year boxes. */
export type DatePart = 'month' | 'day' | 'year';

export type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface DetectedField {
  element: FieldElement;
  role: FieldRole;
  /** 0-based service-line index within its claim; `null` for claim-level fields (dx). */
  line: number | null;
  /** Modifier slot 1..4; date of service from = 0, to = 1. */
  slot?: number;
  /** For a date box holding one part of a date: which part (the claim assembles the date). */
  part?: DatePart;
}

export type FormType = 'professional' | 'institutional' | 'unknown';

/**
 * What changed since the previous report, when the watcher knows it exactly: only these fields
 * arrived (new service lines); every other field, and every value, is as it was reported.
 */
export interface ClaimChange {
  appended: readonly DetectedField[];
}

/** Detected fields' values as read (see readValue), by element. */
export type FieldValues = ReadonlyMap<Element, string>;

export interface DetectedClaim {
  container: Element;
  formType: FormType;
  fields: DetectedField[];
}

import * as z from 'zod/mini';

/**
 * What detection reads off a portal page: every value exactly as the coder typed it.
 * This is the boundary between the page and the rules; `normalizeClaim` turns it into
 * a `Claim`. Nothing here is trusted: any string, any length.
 */
export const RawServiceLineSchema = z.object({
  /** 0-based index of the service line in its form on the page. */
  index: z.number(),
  /** The CPT/HCPCS field as typed (may hold "77372-59" or "77372 59"). */
  code: z.string(),
  /** Each modifier field's text as typed; one field may hold several ("26,59"). */
  modifiers: z.array(z.string()),
  units: z.optional(z.string()),
  dateFrom: z.optional(z.string()),
  dateTo: z.optional(z.string()),
  placeOfService: z.optional(z.string()),
  revenueCode: z.optional(z.string()),
  /** Diagnosis pointer field(s) as typed, e.g. "AB", "1,2". */
  diagnosisPointers: z.optional(z.string()),
  charge: z.optional(z.string()),
});
export type RawServiceLine = z.infer<typeof RawServiceLineSchema>;

export const FormTypeSchema = z.enum(['professional', 'institutional', 'unknown']);
export type FormType = z.infer<typeof FormTypeSchema>;

export const RawClaimSchema = z.object({
  formType: FormTypeSchema,
  /** Claim-level ICD-10-CM fields as typed (CMS-1500 box 21 A–L, UB-04 FL 67…). */
  diagnosisCodes: z.array(z.string()),
  lines: z.array(RawServiceLineSchema),
});
export type RawClaim = z.infer<typeof RawClaimSchema>;

/** A service line after normalization: what the rules read. */
export const ServiceLineSchema = z.object({
  /** Page index of the line (RawServiceLine.index). */
  index: z.number(),
  /** Upper-case code with no spaces; '' when the field is blank. Modifiers typed into it are split off. */
  code: z.string(),
  /** Upper-case modifiers in the order typed (from the code field first, then the modifier fields). */
  modifiers: z.array(z.string()),
  /** Units as a number ("1.0" → 1); absent when blank or not a number. */
  units: z.optional(z.number()),
  /** The units text as typed, when it was not blank. */
  unitsText: z.optional(z.string()),
  /** ISO YYYY-MM-DD; absent when blank or not a date. */
  dateFrom: z.optional(z.string()),
  dateTo: z.optional(z.string()),
  /** True when a date was typed but could not be read as a date. */
  dateUnreadable: z.optional(z.boolean()),
  /** The from / to date text as typed, kept only when it could not be read (e.g. "2025-13-45", "07//2024"). */
  dateFromText: z.optional(z.string()),
  dateToText: z.optional(z.string()),
  placeOfService: z.optional(z.string()),
  revenueCode: z.optional(z.string()),
  /** Diagnosis pointers as letters A–L or numbers 1–12, normalized to upper case tokens. */
  diagnosisPointers: z.array(z.string()),
  charge: z.optional(z.number()),
});
export type ServiceLine = z.infer<typeof ServiceLineSchema>;

export const ClaimSchema = z.object({
  formType: FormTypeSchema,
  /** ICD-10-CM codes, upper case, dotted after the third character ("c7931" → "C79.31"); blanks dropped. */
  diagnosisCodes: z.array(z.string()),
  /** Lines in page order (by index); lines with nothing typed at all are dropped. */
  lines: z.array(ServiceLineSchema),
});
export type Claim = z.infer<typeof ClaimSchema>;

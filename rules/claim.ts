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

import * as z from 'zod/mini';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A line's summary severity, as the public testing contract exposes it. */
export type LineSeverity = 'error' | 'warning' | 'ok';

export const SourceSchema = z.object({
  /** Human title of the source, e.g. "CMS NCCI PTP edits, practitioner, 2024-07". */
  title: z.string(),
  url: z.optional(z.string()),
});
export type Source = z.infer<typeof SourceSchema>;

/** A fix the coder may apply with one click; only ones that are safe in every case. */
export const FixSchema = z.union([
  z.object({ kind: z.literal('remove-modifier'), line: z.number(), modifier: z.string() }),
  z.object({ kind: z.literal('set-units'), line: z.number(), units: z.number() }),
]);
export type Fix = z.infer<typeof FixSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  /** Page line indices (RawServiceLine.index) the finding concerns; empty = claim level. */
  lines: z.array(z.number()),
  /** browser.i18n message key and its positional substitutions ($1, $2…). */
  message: z.object({ key: z.string(), args: z.array(z.string()) }),
  /** Why: the sources the rule cites. */
  sources: z.array(SourceSchema),
  /** Notes a payer profile attaches to this rule. */
  notes: z.optional(z.array(z.string())),
  fix: z.optional(FixSchema),
});
export type Finding = z.infer<typeof FindingSchema>;

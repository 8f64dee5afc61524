import * as z from 'zod/mini';
import { FindingSchema, FormTypeSchema } from '../rules';

/**
 * Messages between the content script, the background and the extension pages.
 * Everything crossing a context boundary is parsed with these schemas; types derive from them.
 * Only code-level state travels: codes, modifiers, units, findings. Never patient identifiers,
 * dates of service or diagnosis values.
 */

export const LineStateSchema = z.object({
  index: z.number(),
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.optional(z.number()),
  severity: z.enum(['error', 'warning', 'ok']),
  ruleIds: z.array(z.string()),
});
export type LineState = z.infer<typeof LineStateSchema>;

export const ClaimStateSchema = z.object({
  /** Index of the claim (form) within its frame, in document order. */
  claimIndex: z.number(),
  formType: FormTypeSchema,
  lines: z.array(LineStateSchema),
  findings: z.array(FindingSchema),
});
export type ClaimState = z.infer<typeof ClaimStateSchema>;

export const FrameStateSchema = z.object({
  profileId: z.string(),
  paused: z.boolean(),
  claims: z.array(ClaimStateSchema),
});
export type FrameState = z.infer<typeof FrameStateSchema>;

/**
 * Content script → background: the frame's state as its JSON text (`frameStateMessage`). The
 * engine has just written that text to tell whether the state changed; handed over as one string,
 * it is not converted again, field by field, into the browser's message format on the page's main
 * thread (profiled on a 500-line claim: the native send took 1.27 ms with the object, 0.97 with the text).
 */
export const ContentMessageSchema = z.object({ type: z.literal('frame-state'), state: z.string() });
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

export const frameStateMessage = (json: string): ContentMessage => ({ type: 'frame-state', state: json });

/** The state a frame-state message carries; undefined when its text is not a valid frame state. */
export function frameStateIn(message: ContentMessage): FrameState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(message.state);
  } catch {
    return undefined;
  }
  return parseMessage(FrameStateSchema, value);
}

/** Sensor → background: this frame has a claim (or a described code under the pointer); load the engine into it. */
export const LoadEngineRequestSchema = z.object({ type: z.literal('load-engine') });
export type LoadEngineRequest = z.infer<typeof LoadEngineRequestSchema>;

/** Background → content script (to one frame). `line-fields` comes from the side panel (tabs.sendMessage): see LineFieldsSchema. */
export const ToContentMessageSchema = z.union([
  z.object({ type: z.literal('request-state') }),
  z.object({ type: z.literal('focus-line'), claimIndex: z.number(), line: z.number() }),
  z.object({ type: z.literal('line-fields'), claimIndex: z.number(), line: z.number() }),
]);
export type ToContentMessage = z.infer<typeof ToContentMessageSchema>;

export const TabStateSchema = z.object({
  tabId: z.number(),
  frames: z.array(z.object({ frameId: z.number(), state: FrameStateSchema })),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** Background → side panel (over its port). */
export const ToPanelMessageSchema = z.union([
  z.object({ type: z.literal('tab-state'), tab: z.nullable(TabStateSchema) }),
]);
export type ToPanelMessage = z.infer<typeof ToPanelMessageSchema>;

/** Side panel → background (over its port). */
export const FromPanelMessageSchema = z.union([
  z.object({ type: z.literal('watch-tab'), tabId: z.optional(z.number()) }),
  z.object({
    type: z.literal('focus-line'),
    tabId: z.number(),
    frameId: z.number(),
    claimIndex: z.number(),
    line: z.number(),
  }),
]);
export type FromPanelMessage = z.infer<typeof FromPanelMessageSchema>;

/** Popup → background: the counts for the popup's tab. */
export const TabSummaryRequestSchema = z.object({ type: z.literal('tab-summary'), tabId: z.number() });
export const TabSummarySchema = z.object({ error: z.number(), warning: z.number(), info: z.number() });
export type TabSummary = z.infer<typeof TabSummarySchema>;

/**
 * Where a field is, for a correction (settings/corrections.ts): the frame's origin, the field's
 * selector in its own tree and its shadow hosts. Never its value.
 */
export const FieldAddressSchema = z.object({
  origin: z.string(),
  selector: z.string(),
  hosts: z.array(z.string()),
});
export type FieldAddressMessage = z.infer<typeof FieldAddressSchema>;

/** Background → sensor: the address of the field the context menu opened on (see content/corrections.ts). */
export const ContextFieldRequestSchema = z.object({ type: z.literal('context-field-address') });
/** The sensor's answer: null when the menu did not open on a field. */
export const ContextFieldAnswerSchema = z.nullable(FieldAddressSchema);

/** Engine → side panel, answering `line-fields`: each detected field of the line, in page order, and where it is. */
export const LineFieldsSchema = z.array(
  z.object({
    role: z.enum(['cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge']),
    slot: z.optional(z.number()),
    address: FieldAddressSchema,
    /** A recipe named this field (the coder's or the organization's). */
    corrected: z.boolean(),
    /** Why detection read it so: the strongest evidence (captions and names of the page's markup, never a value). */
    reasons: z.optional(z.array(z.object({ kind: z.string(), text: z.string() }))),
  }),
);
export type LineFields = z.infer<typeof LineFieldsSchema>;

export const PANEL_PORT_NAME = 'claimguide-panel';

/** Parses an incoming message; undefined when it is not one of ours. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  const result = z.safeParse(schema, message);
  return result.success ? result.data : undefined;
}

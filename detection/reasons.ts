import { explainField } from './qualify';
import type { FieldElement } from './types';

/** One piece of evidence behind a field's role, as shown to the coder ("column 'Modifier'"). */
export interface FieldReason {
  /** Where it was read: label, header, name, section… (see SourceKind in collect.ts). */
  kind: string;
  /** The text read there, shortened (a caption, a name: page markup, never the field's value). */
  text: string;
}

/** Longest text of a reason shown. */
const MAX_REASON_TEXT = 60;

/**
 * Why detection gave a field its role: the two or three strongest pieces of evidence, read afresh
 * for this one field. For the card and the side panel, on request (never part of a scan).
 */
export function reasonsFor(element: FieldElement): FieldReason[] {
  return explainField(element).reasons.map(({ kind, text }) => ({
    kind,
    // The value's shape is named by its kind only ("what was typed looks like a date").
    text: kind === 'shape' || kind === 'options' ? '' : text.length > MAX_REASON_TEXT ? `${text.slice(0, MAX_REASON_TEXT - 1)}…` : text,
  }));
}

import type { DetectedClaim, FieldElement } from '../detection';
import type { Fix } from '../rules';

/** One portal field change a fix makes, kept so the coder can undo it. */
export interface FieldEdit {
  element: FieldElement;
  before: string;
  after: string;
}

const MODIFIER_SEPARATOR = /[\s,;/|]+/;

/** The text of a modifier field with one modifier taken out, keeping the coder's separator. */
export function withoutModifier(text: string, modifier: string): string | null {
  const tokens = text.trim().split(MODIFIER_SEPARATOR).filter(Boolean);
  const at = tokens.findIndex((token) => token.toUpperCase() === modifier.toUpperCase());
  if (at < 0) return null;
  const separator = text.match(/[,;/|]\s*/)?.[0] ?? ' ';
  tokens.splice(at, 1);
  return tokens.join(separator);
}

/**
 * Works out the one field edit a fix needs on this claim, or null when the page no longer
 * matches (the coder changed it meanwhile): then nothing is written.
 */
export function planFix(fix: Fix, claim: DetectedClaim): FieldEdit | null {
  const onLine = claim.fields.filter((field) => field.line === fix.line);
  if (fix.kind === 'set-units') {
    const units = onLine.find((field) => field.role === 'units')?.element;
    return units ? { element: units, before: units.value, after: String(fix.units) } : null;
  }
  for (const field of onLine) {
    if (field.role !== 'modifier' && field.role !== 'cpt') continue;
    if (field.role === 'cpt') {
      // "77372-26" typed into the code field: take the modifier off the code's text.
      const [code, ...rest] = field.element.value.trim().split(/[\s-]+/);
      const remaining = withoutModifier(rest.join(' '), fix.modifier);
      if (remaining !== null) {
        const after = remaining ? `${code}-${remaining.split(' ').join('-')}` : (code ?? '');
        return { element: field.element, before: field.element.value, after };
      }
      continue;
    }
    const after = withoutModifier(field.element.value, fix.modifier);
    if (after !== null) return { element: field.element, before: field.element.value, after };
  }
  return null;
}

/**
 * Writes a value the way typing would, so the portal's framework notices: the native value
 * setter (frameworks such as React shadow the instance's setter), then `input` and `change`.
 */
export function writeFieldValue(element: FieldElement, value: string): void {
  const prototype = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

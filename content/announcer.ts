import type { Finding } from '../rules';
import type { EvaluatedClaim } from './claim-session';
import { CONTRACT_ATTRIBUTES } from './contract';

/** The element that has focus, looking inside open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Decides what to announce politely: a new error on the line the coder is editing, once.
 * Errors on other lines stay silent (the marker shows them), so typing is not interrupted.
 */
export function createErrorAnnouncer() {
  let known = new Map<string, Set<string>>();
  return {
    next(evaluated: readonly EvaluatedClaim[], focused: Element | null): Finding | null {
      const seen = new Map<string, Set<string>>();
      let fresh: Finding | null = null;
      // Focus on anything but a detected field (the "Add line" button just clicked) needs no search.
      const focusedDetected = focused !== null && focused.hasAttribute(CONTRACT_ATTRIBUTES.role);
      evaluated.forEach(({ detected, findings }, claimIndex) => {
        const focusedField = focusedDetected ? detected.fields.find((field) => field.element === focused) : undefined;
        for (const finding of findings) {
          if (finding.severity !== 'error') continue;
          for (const line of finding.lines) {
            const key = `${claimIndex}:${line}`;
            const ids = seen.get(key) ?? new Set<string>();
            ids.add(finding.ruleId);
            seen.set(key, ids);
            const isNew = !known.get(key)?.has(finding.ruleId);
            if (isNew && !fresh && focusedField?.line === line) fresh = finding;
          }
        }
      });
      known = seen;
      return fresh;
    },
  };
}

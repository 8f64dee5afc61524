/**
 * ClaimGuide detection: finds the claim fields on a portal page it has never seen.
 *
 * collectFields (deep through open shadow roots) → collect (one evidence record per field: labels,
 * ARIA, names, table and grid headers, section headings, options, shape) → score (a pure function
 * of that record and the per-language vocabularies: role, slot, reasons) → group (claims per form
 * or line group; service lines from rows, repeated containers, stated line numbers or order) →
 * read (values, split dates assembled). See README.md. It never writes to the page.
 */
import { collectFields, findShadowRoots, type ScanRoot } from './dom';
import { buildClaims, type Candidate } from './group';
import { createScanContext, qualifyField } from './qualify';
import type { DetectedClaim } from './types';
import type { PageCorrections } from './corrections';

export type { ClaimChange, DetectedClaim, DetectedField, FieldElement, FieldRole, FieldValues, FormType } from './types';
export { FIELD_ROLES } from './types';
export { readRawClaim, readValue } from './read';
export { reasonsFor, type FieldReason } from './reasons';
export { watchClaims, createWatchCounters, type ClaimWatcher, type WatchCounters, type WatchOptions } from './watch';
export { composedParent, safeDom, UI_ATTRIBUTE } from './dom';
export { addressOf, correctionFor, correctionsForSite, type FieldAddress, type FieldCorrection, type PageCorrections } from './corrections';

/**
 * Every claim at or below `root` (a document, a shadow root or an element), looking through open
 * shadow roots at any depth. Same document only: each frame runs its own content script.
 * Never throws; a page it cannot read gives []. `corrections`: the coder's recipes for this page,
 * applied before the heuristics (detection/corrections.ts).
 */
export function detectClaims(root: Document | ShadowRoot | Element, options: { corrections?: PageCorrections } = {}): DetectedClaim[] {
  try {
    const shadowRoots = findShadowRoots(root as ScanRoot);
    const fields = collectFields(root as ScanRoot, shadowRoots);
    const context = createScanContext({ corrections: options.corrections });
    const candidates: Candidate[] = [];
    fields.forEach((element, order) => {
      const q = qualifyField(element, context);
      if (q.role) candidates.push({ element, q: q as Candidate['q'], order });
    });
    return buildClaims(root, candidates);
  } catch {
    return [];
  }
}

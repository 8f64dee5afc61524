/**
 * ClaimGuide detection: finds the claim fields on a portal page it has never seen.
 *
 * collect (deep through open shadow roots) → qualify (weighted evidence from labels, ARIA,
 * names, table and grid headers, form-locator numbers, options, shape; per-language vocabulary
 * as data; negative evidence) → group (claims per form or line group; service lines from rows,
 * repeated containers, name indices or order). It never writes to the page.
 */
import { collectFields, findShadowRoots, type ScanRoot } from './dom';
import { buildClaims, type Candidate } from './group';
import { createScanContext, qualifyField } from './qualify';
import type { DetectedClaim } from './types';

export type { ClaimChange, DetectedClaim, DetectedField, FieldElement, FieldRole, FieldValues, FormType } from './types';
export { FIELD_ROLES } from './types';
export { readRawClaim, readValue } from './read';
export { watchClaims, createWatchCounters, type ClaimWatcher, type WatchCounters, type WatchOptions } from './watch';
export { composedParent, safeDom, UI_ATTRIBUTE } from './dom';

/**
 * Every claim at or below `root` (a document, a shadow root or an element), looking through open
 * shadow roots at any depth. Same document only: each frame runs its own content script.
 * Never throws; a page it cannot read gives [].
 */
export function detectClaims(root: Document | ShadowRoot | Element): DetectedClaim[] {
  try {
    const shadowRoots = findShadowRoots(root as ScanRoot);
    const fields = collectFields(root as ScanRoot, shadowRoots);
    const context = createScanContext();
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

import { FIELD_SELECTOR, fieldsIn, isFieldElement, safeDom, UI_ATTRIBUTE } from './dom';
import { MAX_ROWSPAN } from './headers';
import type { FieldElement } from './types';
import { GRID, type VerdictCache } from './watch-verdicts';

/** Attributes whose change can change what a field is. Never our own contract attributes. */
export const WATCHED_ATTRIBUTES = [
  'name', 'id', 'type', 'for', 'aria-label', 'aria-labelledby', 'placeholder', 'title', 'autocomplete', 'role',
  'hidden', 'style', 'class', 'aria-hidden', 'inert', 'colspan', 'rowspan', 'aria-colindex', 'aria-colspan', 'headers',
];
const VISIBILITY_ATTRIBUTES = new Set(['hidden', 'style', 'class', 'aria-hidden', 'inert']);
const TABLE_ATTRIBUTES = new Set(['colspan', 'rowspan', 'aria-colindex', 'aria-colspan', 'headers', 'role']);
const ID_REFERENCES = '[id], label[for]';
/** Elements whose child rows are laid out together (a rowspan reaches down across them). */
const ROW_GROUPS = new Set(['table', 'thead', 'tbody', 'tfoot']);

/**
 * What the mutation records of one batch did, beyond invalidating verdicts: whether a field we
 * had qualified was touched or removed (then the page is scanned again), and which new fields
 * arrived inside which inserted subtrees (then, if that is all, only those are qualified and grouped).
 */
export interface RecordBatch {
  removedFields: boolean;
  newRoots: boolean;
  addedFields: Set<FieldElement>;
  addedRoots: Set<Element>;
}

export function createRecordBatch(): RecordBatch {
  return { removedFields: false, newRoots: false, addedFields: new Set(), addedRoots: new Set() };
}

export function resetRecordBatch(batch: RecordBatch): void {
  batch.removedFields = batch.newRoots = false;
  batch.addedFields.clear();
  batch.addedRoots.clear();
}

/** What one batch of records means for the watcher. */
export interface RecordsRead {
  /** False when none can affect a field (only our own UI changed). */
  relevant: boolean;
  /** An id or label[for] changed: every verdict may have read it (the next scan judges every field again). */
  invalidateAll: boolean;
}

/**
 * Invalidates in `verdicts` what the records can affect, and notes in `batch` what they added and
 * removed. `discover(element)`: looks for shadow roots inside an added element, true when a new one
 * was found (and is now watched).
 */
export function readRecords(records: readonly MutationRecord[], verdicts: VerdictCache, batch: RecordBatch, discover: (scope: Element) => boolean): RecordsRead {
  let relevant = false;
  let invalidateAll = false;
  for (const record of records) {
    const target = record.target;
    const targetType = safeDom.nodeType(target);
    if (targetType === 1 && safeDom.hasAttribute(target as Element, UI_ATTRIBUTE)) continue;
    if (record.type === 'attributes') {
      const element = target as Element;
      const name = record.attributeName ?? '';
      if (isFieldElement(element)) {
        verdicts.forget(element);
      } else if (name === 'for' || name === 'id') {
        invalidateAll = true;
      } else if (VISIBILITY_ATTRIBUTES.has(name)) {
        if (name === 'style') {
          const before = record.oldValue ?? '';
          const after = safeDom.getAttribute(element, 'style') ?? '';
          if (!/display|visibility|content-visibility/.test(before + after)) continue;
        }
        verdicts.invalidateWithin(element);
      } else if (TABLE_ATTRIBUTES.has(name)) {
        verdicts.invalidateWithin(safeDom.closest(element, GRID) ?? element);
      } else {
        // aria-label etc. on a group or label: fields inside may read it.
        verdicts.invalidateWithin(element);
        if (safeDom.localName(element) === 'label') verdicts.textChanged(element);
      }
      relevant = true; // (a style change that cannot hide or show anything has continued above)
    } else if (record.type === 'characterData') {
      relevant = true;
      const parent = safeDom.parentNode(target);
      if (parent && safeDom.nodeType(parent) === 1) verdicts.textChanged(parent as Element);
    } else {
      const element = targetType === 1 ? (target as Element) : null;
      let textTouched = false;
      /** A row holding a cell that spans rows came or went (the rows below it move columns). */
      let spanningRowMoved = false;
      record.addedNodes.forEach((node) => {
        const type = safeDom.nodeType(node);
        if (type === 1) {
          const added = node as Element;
          if (safeDom.hasAttribute(added, UI_ATTRIBUTE)) return;
          relevant = true;
          batch.addedRoots.add(added);
          for (const field of fieldsIn(added, added)) {
            if (!verdicts.forget(field)) batch.addedFields.add(field); // (one that had a verdict was moved, not new)
          }
          if (discover(added)) batch.newRoots = true;
          // An inserted label[for] or id'd element may be what an existing field's verdict named.
          if (safeDom.matches(added, ID_REFERENCES)) verdicts.referenced(added);
          const references = safeDom.queryAll(added, ID_REFERENCES);
          for (let i = 0; i < references.length; i++) verdicts.referenced(references[i]!);
          if (!isFieldElement(added)) textTouched = true;
          if (holdsRowspan(added)) spanningRowMoved = true;
        } else if (type === 3) {
          textTouched = relevant = true;
        }
      });
      record.removedNodes.forEach((node) => {
        const type = safeDom.nodeType(node);
        if (type === 1 && safeDom.hasAttribute(node as Element, UI_ATTRIBUTE)) return;
        relevant = true;
        if (type === 1 && (isFieldElement(node) || safeDom.query(node as Element, FIELD_SELECTOR))) batch.removedFields = true;
        if (type === 3 || (type === 1 && !isFieldElement(node))) textTouched = true;
        if (type === 1 && holdsRowspan(node as Element)) spanningRowMoved = true;
      });
      if (element) {
        if (safeDom.localName(element) === 'tr' || safeDom.getAttribute(element, 'role') === 'row') verdicts.invalidateWithin(element);
        // Rows added to or removed from a table section where a cell spans rows: the rows below
        // may sit under other columns now (see layOutRows in headers.ts).
        else if (ROW_GROUPS.has(safeDom.localName(element) ?? '') && (spanningRowMoved || rowspanJustAbove(record.previousSibling))) verdicts.invalidateWithin(element);
        if (textTouched) verdicts.textChanged(element);
      }
    }
  }
  return { relevant, invalidateAll };
}

/** True when the element is or holds a cell spanning rows. */
function holdsRowspan(element: Element): boolean {
  return safeDom.hasAttribute(element, 'rowspan') || safeDom.query(element, '[rowspan]') !== null;
}

/**
 * True when one of the rows just above a change in a table section (`before`: the node before the
 * added or removed ones) holds a cell spanning rows: only such a cell (at most MAX_ROWSPAN rows
 * long), or one in the rows added or removed, can reach the rows below the change.
 */
function rowspanJustAbove(before: Node | null): boolean {
  let node: Element | null =
    !before ? null : safeDom.nodeType(before) === 1 ? (before as Element) : ((before as ChildNode & { previousElementSibling: Element | null }).previousElementSibling ?? null);
  for (let rows = 0; node && rows < MAX_ROWSPAN - 1; node = safeDom.previousElementSibling(node) ?? null) {
    if (safeDom.localName(node) !== 'tr') continue;
    rows++;
    if (holdsRowspan(node)) return true;
  }
  return false;
}

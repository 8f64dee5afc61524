import { FIELD_SELECTOR, isFieldElement, safeDom } from './dom';
import type { Qualification } from './qualify';

/** Table-like containers: a header's text speaks for every field under it. */
export const GRID = 'table, [role="grid"], [role="table"], [role="treegrid"]';

/**
 * The watcher's verdicts (what each field is), kept between scans, and what invalidates them: a
 * verdict holds until something it read changes (its own attributes, a label naming it, a header
 * above it, text beside it, an element it read by id). See watch-records.ts for which mutation
 * calls what.
 */
export interface VerdictCache {
  get(element: Element): Qualification | undefined;
  has(element: Element): boolean;
  remember(element: Element, q: Qualification): void;
  /** Drops a field's verdict; true when it had one. */
  forget(element: Element): boolean;
  /** Drops the verdicts of `element` and the fields inside it. */
  invalidateWithin(element: Element | null | undefined): void;
  /** Drops the verdicts of the fields that read the element this label[for] or id names. */
  referenced(element: Element): void;
  /** Text changed inside `element`: drops the verdicts of the fields that read it. */
  textChanged(element: Element | null): void;
  /** Forgets fields no longer in the page (re-rendered rows), every 50th call. */
  prune(): void;
  /** True when a verdict was dropped since `touched` was last set to false (the watcher does, per batch). */
  touched: boolean;
}

/**
 * `onProcedureField`: called once, when the first field is remembered as a procedure code (whoever
 * needs the claim's evaluation starts getting ready while the scan goes on).
 */
export function createVerdictCache(onProcedureField: () => void): VerdictCache {
  const verdicts = new WeakMap<Element, Qualification>();
  /** Fields whose verdict read the text of an element by id (aria-labelledby, label[for]). */
  const dependents = new Map<string, Set<Element>>();
  let procedureFieldSeen = false;
  let callsSincePrune = 0;

  const forget = (element: Element): boolean => {
    const had = verdicts.delete(element);
    if (had) cache.touched = true;
    return had;
  };
  const invalidateWithin = (element: Element | null | undefined) => {
    if (!element) return;
    if (isFieldElement(element)) forget(element);
    const list = safeDom.queryAll(element, FIELD_SELECTOR);
    for (let i = 0; i < list.length; i++) forget(list[i]!);
  };
  const invalidateDependents = (id: string) => {
    const set = dependents.get(id);
    if (!set) return;
    for (const field of set) forget(field);
    dependents.delete(id); // re-qualifying adds them back
  };

  const cache: VerdictCache = {
    touched: false,
    get: (element) => verdicts.get(element),
    has: (element) => verdicts.has(element),
    remember(element, q) {
      verdicts.set(element, q);
      if (q.role === 'cpt' && !procedureFieldSeen) {
        procedureFieldSeen = true;
        onProcedureField();
      }
      for (let i = 0; i < q.dependsOnIds.length; i++) {
        const id = q.dependsOnIds[i]!;
        let set = dependents.get(id);
        if (!set) dependents.set(id, (set = new Set()));
        set.add(element);
      }
    },
    forget,
    invalidateWithin,
    referenced(element) {
      const id = safeDom.id(element);
      if (id) invalidateDependents(id);
      if (safeDom.localName(element) === 'label') {
        const target = safeDom.getAttribute(element, 'for');
        if (target) invalidateDependents(target);
      }
    },
    // (Mutation targets and their ancestors may be a <form>: everything here reads through safeDom.)
    textChanged(element) {
      if (!element) return;
      const label = safeDom.closest(element, 'label');
      if (label) {
        invalidateWithin(label);
        const target = label.getAttribute('for');
        if (target) {
          const root = label.getRootNode() as Document | ShadowRoot;
          invalidateWithin(root.getElementById?.(target));
        }
      }
      const header = safeDom.closest(element, 'th, thead, [role="columnheader"], caption');
      if (header) invalidateWithin(safeDom.closest(header, GRID));
      const legend = safeDom.closest(element, 'legend');
      if (legend) invalidateWithin(legend.parentElement);
      let node: Element | null = element;
      for (let depth = 0; node && depth < 5; depth++, node = safeDom.parentElement(node)) {
        const id = safeDom.id(node);
        if (id) invalidateDependents(id);
      }
      // Text beside a field (<td>CPT:</td><td><input></td>): only small containers, counted without a full query.
      const parent = safeDom.parentElement(element);
      if (parent && hasFewFields(parent, 4)) invalidateWithin(parent);
    },
    prune() {
      if (++callsSincePrune < 50) return;
      callsSincePrune = 0;
      for (const [id, set] of dependents) {
        for (const field of set) if (!field.isConnected) set.delete(field);
        if (set.size === 0) dependents.delete(id);
      }
    },
  };
  return cache;
}

/** True when `container` holds at most `limit` fields (stops counting early: containers can be huge). */
function hasFewFields(container: Element, limit: number): boolean {
  let found = 0;
  let visited = 0;
  const walker = safeDom.ownerDocument(container)!.createTreeWalker(container, 1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isFieldElement(node) && ++found > limit) return false;
    if (++visited > 64) return false; // a big container is a table or a form, not a label's neighbourhood
  }
  return true;
}

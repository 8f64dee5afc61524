import { extendGrouping, groupCandidates, type Candidate, type Grouping, type GroupingCounters } from './group';
import { collectFields, FIELD_SELECTOR, fieldsIn, findShadowRoots, isFieldElement, isShadowRoot, safeDom, UI_ATTRIBUTE } from './dom';
import { MAX_ROWSPAN } from './headers';
import { createQualifyCounters, createScanContext, qualifyField, type Qualification, type QualifyCounters, type ScanContext } from './qualify';
import { readValue } from './read';
import type { ClaimChange, DetectedClaim, FieldElement, FieldValues } from './types';
import type { PageCorrections } from './corrections';

export interface WatchOptions {
  signal: AbortSignal;
  /**
   * The claims after a change; `change` says exactly what changed, when that is known. `values`:
   * every detected field's value, when all were read in this same task (valid during the call only).
   */
  onChange: (claims: DetectedClaim[], change?: ClaimChange, values?: FieldValues) => void;
  /** Errors inside detection (never rethrown into the page). */
  onError?: (error: unknown) => void;
  /** How often custom elements without a shadow root yet are checked for a late one (ms). */
  shadowPollMs?: number;
  /**
   * Pages with more fields than this not yet qualified (a first scan of a long claim) are
   * qualified in slices of a few milliseconds, giving the page the main thread in between.
   */
  sliceAbove?: number;
  /** Length of one slice of that work (ms). */
  sliceMs?: number;
  /**
   * Called once, as soon as a field qualifies as a procedure code, before the scan that found it
   * ends: whoever needs a claim's evaluation can start getting ready meanwhile.
   */
  onProcedureField?: () => void;
  /** The coder's corrections for this page, applied before the heuristics (fixed for the watcher's life). */
  corrections?: PageCorrections;
  /**
   * Counts of the work this watcher does, added to as it goes (see WatchCounters): tests pass one
   * to check that idle batches cost nothing and new lines little. Nothing else reads them.
   */
  counters?: WatchCounters;
}

/**
 * One watcher's work: full scans (collect, group, snapshot), extensions (only new fields qualified
 * and grouped), what qualification did (QualifyCounters) and how extensions grouped (GroupingCounters).
 */
export interface WatchCounters extends QualifyCounters, GroupingCounters {
  scans: number;
  extensions: number;
}

export function createWatchCounters(): WatchCounters {
  return { ...createQualifyCounters(), linesAppended: 0, scopesRegrouped: 0, scans: 0, extensions: 0 };
}

/** Longest stretch of qualification work before the page gets the main thread back (ms). */
const SLICE_MS = 40;

export interface ClaimWatcher {
  /** Re-reads the whole page now (new shadow roots included) and reports the claims. */
  rescan(): void;
}

/** Attributes whose change can change what a field is. Never our own contract attributes. */
const WATCHED_ATTRIBUTES = [
  'name', 'id', 'type', 'for', 'aria-label', 'aria-labelledby', 'placeholder', 'title', 'autocomplete', 'role',
  'hidden', 'style', 'class', 'aria-hidden', 'inert', 'colspan', 'rowspan', 'aria-colindex', 'aria-colspan', 'headers',
];
const VISIBILITY_ATTRIBUTES = new Set(['hidden', 'style', 'class', 'aria-hidden', 'inert']);
const TABLE_ATTRIBUTES = new Set(['colspan', 'rowspan', 'aria-colindex', 'aria-colspan', 'headers', 'role']);
const GRID = 'table, [role="grid"], [role="table"], [role="treegrid"]';
const ID_REFERENCES = '[id], label[for]';
/** Elements whose child rows are laid out together (a rowspan reaches down across them). */
const ROW_GROUPS = new Set(['table', 'thead', 'tbody', 'tfoot']);
/** True when the element is or holds a cell spanning rows. */
const holdsRowspan = (element: Element): boolean =>
  safeDom.hasAttribute(element, 'rowspan') || safeDom.query(element, '[rowspan]') !== null;
/**
 * True when one of the rows just above a change in a table section (`before`: the node before the
 * added or removed ones) holds a cell spanning rows: only such a cell (at most MAX_ROWSPAN rows
 * long), or one in the rows added or removed, can reach the rows below the change.
 */
const rowspanJustAbove = (before: Node | null): boolean => {
  let node: Element | null =
    !before ? null : safeDom.nodeType(before) === 1 ? (before as Element) : ((before as ChildNode & { previousElementSibling: Element | null }).previousElementSibling ?? null);
  for (let rows = 0; node && rows < MAX_ROWSPAN - 1; node = safeDom.previousElementSibling(node) ?? null) {
    if (safeDom.localName(node) !== 'tr') continue;
    rows++;
    if (holdsRowspan(node)) return true;
  }
  return false;
};

/**
 * Watches a document for claims: a first scan, then a MutationObserver on the document and every
 * open shadow root (late ones included), batched to one rescan per frame, re-qualifying only the
 * fields a change can affect. Values are read on `input`/`change` at the document (capture phase;
 * `input` is composed, so fields in shadow roots are seen). Everything stops when `signal` aborts.
 */
export function watchClaims(doc: Document, opts: WatchOptions): ClaimWatcher {
  const { signal } = opts;
  if (signal.aborted) return { rescan() {} };
  const win = doc.defaultView;
  const report = (error: unknown) => {
    try {
      opts.onError?.(error);
    } catch {
      // The error handler failing is not the page's problem either.
    }
  };
  const guard = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A): void => {
    if (stopped) return;
    try {
      fn(...args);
    } catch (error) {
      report(error);
    }
  };

  let stopped = false;
  const counters = opts.counters ?? createWatchCounters();
  const cache = new WeakMap<Element, Qualification>();
  const roots = new Set<ShadowRoot>();
  const pendingHosts = new Set<Element>();
  let claims: DetectedClaim[] = [];
  /** The latest grouping and its candidates in document order (what a new line is added to). */
  let grouping: Grouping | undefined;
  let candidates: Candidate[] = [];
  /** Every detected field, with its value as last read (undefined until it is read). */
  let snapshot = new Map<Element, string | undefined>();
  let fullInvalidate = false;
  /**
   * The context of the scan that qualified the current verdicts' repeated rows: a batch that only
   * inserts new rows qualifies them against its templates (see extend).
   */
  let rowContext: ScanContext | undefined;

  const observer = new MutationObserver(guard((records: MutationRecord[]) => {
    pending.push(...records);
    scheduleDom();
  }));
  const pending: MutationRecord[] = [];
  const observe = (target: Node) => {
    observer.observe(target, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
      attributeOldValue: true,
    });
  };
  /** True when `root` is one we did not watch yet. */
  const addRoot = (root: ShadowRoot): boolean => {
    if (roots.has(root)) return false;
    if (root.host.closest(`[${UI_ATTRIBUTE}]`) || root.host.hasAttribute(UI_ATTRIBUTE)) return false;
    roots.add(root);
    observe(root);
    return true;
  };
  /** True when a shadow root we did not watch yet was found. */
  const discover = (scope: Document | ShadowRoot | Element): boolean => {
    let found = false;
    for (const root of findShadowRoots(scope, [], pendingHosts)) if (addRoot(root)) found = true;
    return found;
  };

  /**
   * What the mutation records of one batch did, beyond invalidating verdicts: whether a field we
   * had qualified was touched or removed (then the page is scanned again), and which new fields
   * arrived inside which inserted subtrees (then, if that is all, only those are qualified and grouped).
   */
  const batch = {
    touchedQualified: false,
    removedFields: false,
    newRoots: false,
    addedFields: new Set<FieldElement>(),
    addedRoots: new Set<Element>(),
  };
  const resetBatch = () => {
    batch.touchedQualified = batch.removedFields = batch.newRoots = false;
    batch.addedFields.clear();
    batch.addedRoots.clear();
  };
  /** Drops a field's verdict, noting when it had one; true when it had. */
  const forget = (element: Element): boolean => {
    const had = cache.delete(element);
    if (had) batch.touchedQualified = true;
    return had;
  };

  // ---- scheduling -------------------------------------------------------------------------
  let domScheduled = false;
  let valueScheduled = false;
  /** A value changed while a DOM batch was pending. */
  let valuesDirty = false;
  let frame: number | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  function scheduleDom(): void {
    if (domScheduled || stopped) return;
    domScheduled = true;
    const run = guard(() => {
      if (!domScheduled) return;
      domScheduled = false;
      if (frame !== undefined) win?.cancelAnimationFrame?.(frame);
      if (fallback !== undefined) clearTimeout(fallback);
      frame = fallback = undefined;
      flushDom();
    });
    if (win && typeof win.requestAnimationFrame === 'function') frame = win.requestAnimationFrame(run);
    // Background tabs get no frames: a timer makes sure the work still happens.
    fallback = setTimeout(run, 100);
  }

  /** A scan on the next batch even if no mutation record calls for one (a new shadow root, an unseen field). */
  let scanRequested = false;
  function requestScan(): void {
    scanRequested = true;
    scheduleDom();
  }

  function scheduleValue(): void {
    if (domScheduled) valuesDirty = true; // the DOM batch reads them
    if (valueScheduled || domScheduled || stopped) return;
    valueScheduled = true;
    queueMicrotask(guard(() => {
      if (!valueScheduled) return;
      valueScheduled = false;
      readValues();
      emit(undefined, true);
    }));
  }

  function schedulePoll(): void {
    if (pollTimer !== undefined || pendingHosts.size === 0 || stopped) return;
    pollTimer = setTimeout(guard(() => {
      pollTimer = undefined;
      if (checkPendingHosts()) requestScan();
      schedulePoll();
    }), opts.shadowPollMs ?? 1000);
  }

  /** Custom elements seen without a shadow root: attach one later and we pick it up. */
  function checkPendingHosts(): boolean {
    let found = false;
    for (const host of pendingHosts) {
      if (!host.isConnected) {
        pendingHosts.delete(host);
      } else if (host.shadowRoot) {
        pendingHosts.delete(host);
        addRoot(host.shadowRoot);
        discover(host.shadowRoot);
        found = true;
      }
    }
    return found;
  }

  // ---- invalidation -------------------------------------------------------------------------
  const invalidateWithin = (element: Element | null | undefined) => {
    if (!element) return;
    if (isFieldElement(element)) forget(element);
    const list = safeDom.queryAll(element, FIELD_SELECTOR);
    for (let i = 0; i < list.length; i++) forget(list[i]!);
  };

  /** Fields whose verdict read the text of an element by id (aria-labelledby, label[for]). */
  const dependents = new Map<string, Set<Element>>();
  let procedureFieldSeen = false;
  const remember = (element: Element, q: Qualification) => {
    cache.set(element, q);
    if (q.role === 'cpt' && !procedureFieldSeen) {
      procedureFieldSeen = true;
      try {
        opts.onProcedureField?.();
      } catch (error) {
        report(error);
      }
    }
    for (let i = 0; i < q.dependsOnIds.length; i++) {
      const id = q.dependsOnIds[i]!;
      let set = dependents.get(id);
      if (!set) dependents.set(id, (set = new Set()));
      set.add(element);
    }
  };
  /** Forgets fields no longer in the page (re-rendered rows), now and then. */
  let scansSincePrune = 0;
  const pruneDependents = () => {
    if (++scansSincePrune < 50) return;
    scansSincePrune = 0;
    for (const [id, set] of dependents) {
      for (const field of set) if (!field.isConnected) set.delete(field);
      if (set.size === 0) dependents.delete(id);
    }
  };
  const invalidateDependents = (id: string) => {
    const set = dependents.get(id);
    if (!set) return;
    for (const field of set) forget(field);
    dependents.delete(id); // re-qualifying adds them back
  };

  /** Fields whose verdict read the element this label[for] or id names. */
  const referenced = (element: Element) => {
    const id = safeDom.id(element);
    if (id) invalidateDependents(id);
    if (safeDom.localName(element) === 'label') {
      const target = safeDom.getAttribute(element, 'for');
      if (target) invalidateDependents(target);
    }
  };

  /**
   * Text changed inside `element`: re-qualify the fields that read it. (Mutation targets and their
   * ancestors may be a <form>: everything here reads through safeDom.)
   */
  const textChanged = (element: Element | null) => {
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
  };

  /** Invalidates what the records can affect; false when none can affect a field (only our own UI changed). */
  function processRecords(records: MutationRecord[]): boolean {
    let relevant = false;
    for (const record of records) {
      const target = record.target;
      const targetType = safeDom.nodeType(target);
      if (targetType === 1 && safeDom.hasAttribute(target as Element, UI_ATTRIBUTE)) continue;
      if (record.type === 'attributes') {
        const element = target as Element;
        const name = record.attributeName ?? '';
        if (isFieldElement(element)) {
          forget(element);
        } else if (name === 'for' || name === 'id') {
          fullInvalidate = true;
        } else if (VISIBILITY_ATTRIBUTES.has(name)) {
          if (name === 'style') {
            const before = record.oldValue ?? '';
            const after = safeDom.getAttribute(element, 'style') ?? '';
            if (!/display|visibility|content-visibility/.test(before + after)) continue;
          }
          invalidateWithin(element);
        } else if (TABLE_ATTRIBUTES.has(name)) {
          invalidateWithin(safeDom.closest(element, GRID) ?? element);
        } else {
          // aria-label etc. on a group or label: fields inside may read it.
          invalidateWithin(element);
          if (safeDom.localName(element) === 'label') textChanged(element);
        }
        relevant = true; // (a style change that cannot hide or show anything has continued above)
      } else if (record.type === 'characterData') {
        relevant = true;
        const parent = safeDom.parentNode(target);
        if (parent && safeDom.nodeType(parent) === 1) textChanged(parent as Element);
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
              if (!forget(field)) batch.addedFields.add(field); // (one that had a verdict was moved, not new)
            }
            if (discover(added)) batch.newRoots = true;
            // An inserted label[for] or id'd element may be what an existing field's verdict named.
            if (safeDom.matches(added, ID_REFERENCES)) referenced(added);
            const references = safeDom.queryAll(added, ID_REFERENCES);
            for (let i = 0; i < references.length; i++) referenced(references[i]!);
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
          if (safeDom.localName(element) === 'tr' || safeDom.getAttribute(element, 'role') === 'row') invalidateWithin(element);
          // Rows added to or removed from a table section where a cell spans rows: the rows below
          // may sit under other columns now (see layOutRows in headers.ts).
          else if (ROW_GROUPS.has(safeDom.localName(element) ?? '') && (spanningRowMoved || rowspanJustAbove(record.previousSibling))) invalidateWithin(element);
          if (textTouched) textChanged(element);
        }
      }
    }
    return relevant;
  }

  // ---- scanning ----------------------------------------------------------------------------
  /**
   * A full scan; `collected`: the page's fields listed just before, and `qualifiedIn`: the context
   * they were qualified in, when no mutation came since.
   */
  function scan(collected?: FieldElement[], qualifiedIn?: ScanContext): DetectedClaim[] {
    counters.scans++;
    let rootsChanged = false;
    for (const root of roots) {
      if (root.host.isConnected) continue;
      roots.delete(root);
      rootsChanged = true;
    }
    if (checkPendingHosts()) rootsChanged = true;
    const fields = collected && !rootsChanged ? collected : collectFields(doc, [...roots]);
    const context = createScanContext({ rowsFrom: collected && !rootsChanged && !fullInvalidate ? qualifiedIn : undefined, counters, corrections: opts.corrections });
    rowContext = context;
    const found: Candidate[] = [];
    for (let i = 0; i < fields.length; i++) {
      const element = fields[i]!;
      let q = fullInvalidate ? undefined : cache.get(element);
      if (!q) {
        q = qualifyField(element, context);
        remember(element, q);
      }
      if (q.role) found.push({ element, q: q as Candidate['q'], order: i });
    }
    fullInvalidate = false;
    pruneDependents();
    schedulePoll();
    candidates = found;
    grouping = groupCandidates(doc, found);
    return grouping.claims;
  }

  /**
   * The claims after a batch that only inserted new fields into the page (a service line added):
   * those are qualified and grouped onto the previous grouping, which equals a full scan
   * (see extendGrouping). Undefined when the batch did anything else: then the page is scanned.
   */
  function extend(): Grouping | undefined {
    // (Roots are only ever dropped by a scan: none now means none at the last scan, and candidates
    // are ordered by one tree's positions.)
    if (!grouping || roots.size > 0 || fullInvalidate || scanRequested) return undefined;
    if (batch.touchedQualified || batch.removedFields || batch.newRoots) return undefined;
    // Only fields were added since the last scan: the rows and templates it qualified still hold.
    const context = createScanContext({ rowsFrom: rowContext, counters, corrections: opts.corrections });
    const added: Candidate[] = [];
    for (const element of batch.addedFields) {
      if (!element.isConnected || element.getRootNode() !== doc) return undefined;
      const q = qualifyField(element, context);
      remember(element, q);
      if (q.role) added.push({ element, q: q as Candidate['q'], order: 0 });
    }
    counters.extensions++;
    if (added.length === 0) return { ...grouping, appended: [] };
    added.sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */ ? -1 : 1));
    candidates = insertInOrder(candidates, added);
    grouping = extendGrouping(grouping, doc, added, (element) => batch.addedRoots.has(element), counters);
    return grouping;
  }

  function flushDom(): void {
    if (warming) {
      // Records stay queued: the scan that ends the warm-up reads the page as it is then.
      void warming.then(() => {
        if (pending.length) scheduleDom();
      });
      return;
    }
    const records = pending.splice(0, pending.length);
    records.push(...observer.takeRecords());
    resetBatch();
    // Our own layer being added or moved changes nothing the page's claims depend on.
    if (!processRecords(records) && !scanRequested) return;
    const extension = extend();
    scanRequested = false;
    resetBatch();
    if (extension?.appended) {
      // Only new lines: every other field is as it was (values included: they change by events).
      const next = extension.claims;
      const changed = next.length !== claims.length || next.some((claim, i) => claim !== claims[i]);
      claims = next;
      for (const { element } of extension.appended) snapshot.set(element, readValue(element));
      const typed = valuesDirty && readValues();
      valuesDirty = false;
      if (typed) emit(undefined, true);
      else if (changed) emit({ appended: extension.appended });
      return;
    }
    valuesDirty = false;
    const next = extension?.claims ?? scan();
    const structureChanged = !sameStructure(claims, next);
    setClaims(next);
    const valuesChanged = readValues();
    if (structureChanged || valuesChanged) emit(undefined, true);
  }

  /** The claims of a full scan: the detected fields follow, keeping the values read of those detected before. */
  function setClaims(next: DetectedClaim[]): void {
    claims = next;
    const before = snapshot;
    snapshot = new Map();
    // (Indexed loops and forEach: run once on 5,500 fields, for-of in cold code allocates per step.)
    for (let c = 0; c < claims.length; c++) {
      const { fields } = claims[c]!;
      for (let i = 0; i < fields.length; i++) snapshot.set(fields[i]!.element, before.get(fields[i]!.element));
    }
  }

  /** Reads every detected field's value into the snapshot; true when one differs from it. */
  function readValues(): boolean {
    let changed = false;
    snapshot.forEach((last, element) => {
      const value = readValue(element as FieldElement);
      if (last !== value) {
        changed = true;
        snapshot.set(element, value);
      }
    });
    return changed;
  }

  /** Reports the claims; `valuesRead`: every detected field's value was read just before, in this task. */
  function emit(change?: ClaimChange, valuesRead = false): void {
    valueScheduled = false;
    try {
      // (Once every value was just read, none is undefined.)
      opts.onChange(claims, change, valuesRead ? (snapshot as FieldValues) : undefined);
    } catch (error) {
      report(error);
    }
  }

  /**
   * Qualifies fields not in the cache yet, a few milliseconds at a time, so that a first scan of
   * a long claim never holds the main thread for long (the page keeps loading and responding).
   * Resolves false when stopped; DOM batches wait meanwhile (see flushDom).
   */
  let warming: Promise<boolean> | undefined;
  let warmContext: ScanContext | undefined;
  async function qualifyInSlices(fields: readonly FieldElement[]): Promise<boolean> {
    const context = (warmContext = createScanContext({ counters, corrections: opts.corrections }));
    let sliceStart = performance.now();
    for (let i = 0; i < fields.length; i++) {
      if (stopped) return false;
      const element = fields[i]!;
      if (!cache.has(element)) remember(element, qualifyField(element, context));
      if ((i & 63) === 63 && performance.now() - sliceStart >= (opts.sliceMs ?? SLICE_MS)) {
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    return !stopped;
  }

  /** A full scan; on a page with many unqualified fields, after qualifying them in slices. */
  function fullScan(): void {
    discover(doc);
    if (warming) return; // the warm-up ends with a full scan
    if (fullInvalidate) {
      fullScanNow();
      return;
    }
    const fields = collectFields(doc, [...roots]);
    let unqualified = 0;
    for (let i = 0; i < fields.length; i++) if (!cache.has(fields[i]!)) unqualified++;
    if (unqualified <= (opts.sliceAbove ?? 1000)) {
      fullScanNow(fields);
      return;
    }
    warming = qualifyInSlices(fields);
    void warming.then(guard((ready: boolean) => {
      warming = undefined;
      // Shadow roots were just looked for; what the page added meanwhile arrives as mutation records.
      if (ready) fullScanNow(fields, warmContext);
      warmContext = undefined;
    }));
  }

  /** Scans now; `collected`: the page's fields as listed before any mutation still queued (and the context they were qualified in). */
  function fullScanNow(collected?: FieldElement[], qualifiedIn?: ScanContext): void {
    // Changes seen while fields were being qualified make those verdicts stale: drop them first.
    const records = pending.splice(0, pending.length);
    records.push(...observer.takeRecords());
    processRecords(records);
    resetBatch();
    setClaims(scan(records.length ? undefined : collected, records.length ? undefined : qualifiedIn));
    readValues();
    emit(undefined, true);
  }

  // ---- events ------------------------------------------------------------------------------
  const onValue = guard((event: Event) => {
    const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
    const target = (path[0] ?? event.target) as Node | null;
    for (const node of path) {
      // The path runs through the <form>: safeDom.
      if (safeDom.nodeType(node as Node) === 1 && safeDom.hasAttribute(node as Element, UI_ATTRIBUTE)) return;
    }
    if (!target || !isFieldElement(target)) return;
    if (snapshot.has(target)) {
      scheduleValue();
      return;
    }
    if (cache.has(target)) return; // qualified, not a claim field
    // A field we have never seen: maybe in a shadow root attached after we looked.
    for (const node of path) if (isShadowRoot(node as Node)) addRoot(node as ShadowRoot);
    requestScan();
  });

  try {
    observe(doc);
    doc.addEventListener('input', onValue, { capture: true, signal });
    doc.addEventListener('change', onValue, { capture: true, signal });
    signal.addEventListener(
      'abort',
      () => {
        stopped = true;
        observer.disconnect();
        if (frame !== undefined) win?.cancelAnimationFrame?.(frame);
        if (fallback !== undefined) clearTimeout(fallback);
        if (pollTimer !== undefined) clearTimeout(pollTimer);
        pending.length = 0;
        roots.clear();
        pendingHosts.clear();
        snapshot.clear();
      },
      { once: true },
    );
    fullScan();
  } catch (error) {
    report(error);
  }

  return {
    rescan: guard(() => {
      domScheduled = false;
      fullScan();
    }),
  };
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

/** A macrotask boundary without timer clamping: the page's own tasks (and `load`) run in between. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Same claims, same fields, same roles, lines and slots, in the same order. */
function sameStructure(a: readonly DetectedClaim[], b: readonly DetectedClaim[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.container !== y.container || x.formType !== y.formType || x.fields.length !== y.fields.length) return false;
    for (let j = 0; j < x.fields.length; j++) {
      const f = x.fields[j]!;
      const g = y.fields[j]!;
      if (f.element !== g.element || f.role !== g.role || f.line !== g.line || f.slot !== g.slot) return false;
    }
  }
  return true;
}

/**
 * `existing` (in document order) with `added` (in document order, all in the same tree) merged
 * in where they stand in the page; every candidate's `order` renumbered to its new position.
 */
function insertInOrder(existing: readonly Candidate[], added: readonly Candidate[]): Candidate[] {
  const last = existing[existing.length - 1];
  if (!last || last.element.compareDocumentPosition(added[0]!.element) & 4 /* FOLLOWING */) {
    // All after the last one (a line appended at the end): nothing else moves.
    added.forEach((candidate, i) => (candidate.order = (last?.order ?? -1) + 1 + i));
    return existing.concat(added);
  }
  const out: Candidate[] = [];
  let from = 0;
  for (const candidate of added) {
    // The first existing candidate that follows the new one (binary search over positions).
    let low = from;
    let high = existing.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (existing[mid]!.element.compareDocumentPosition(candidate.element) & 4 /* FOLLOWING */) low = mid + 1;
      else high = mid;
    }
    for (; from < low; from++) out.push(existing[from]!);
    out.push(candidate);
  }
  for (; from < existing.length; from++) out.push(existing[from]!);
  for (let i = 0; i < out.length; i++) out[i]!.order = i;
  return out;
}

import { extendGrouping, groupCandidates, type Candidate, type Grouping, type GroupingCounters } from './group';
import { collectFields, findShadowRoots, isFieldElement, isShadowRoot, safeDom, UI_ATTRIBUTE } from './dom';
import { createQualifyCounters, createScanContext, qualifyField, type QualifyCounters, type ScanContext } from './qualify';
import { readValue } from './read';
import type { ClaimChange, DetectedClaim, FieldElement, FieldValues } from './types';
import type { PageCorrections } from './corrections';
import { createRecordBatch, readRecords, resetRecordBatch, WATCHED_ATTRIBUTES } from './watch-records';
import { createVerdictCache } from './watch-verdicts';

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
  const verdicts = createVerdictCache(() => {
    try {
      opts.onProcedureField?.();
    } catch (error) {
      report(error);
    }
  });
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
  /** A recipe puts a field on a stated line: a new line may be that line, so every change is a full scan. */
  const lineRulesStated = (opts.corrections ?? []).some((recipe) => recipe.line.kind !== 'auto');

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

  /** What the current batch of mutation records added and removed (see watch-records.ts). */
  const batch = createRecordBatch();
  const resetBatch = () => {
    resetRecordBatch(batch);
    verdicts.touched = false;
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

  /** Invalidates what the records can affect; false when none can affect a field (only our own UI changed). */
  function processRecords(records: MutationRecord[]): boolean {
    const read = readRecords(records, verdicts, batch, discover);
    if (read.invalidateAll) fullInvalidate = true;
    return read.relevant;
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
      let q = fullInvalidate ? undefined : verdicts.get(element);
      if (!q) {
        q = qualifyField(element, context);
        verdicts.remember(element, q);
      }
      if (q.role) found.push({ element, q: q as Candidate['q'], order: i });
    }
    fullInvalidate = false;
    verdicts.prune();
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
    if (!grouping || roots.size > 0 || fullInvalidate || scanRequested || lineRulesStated) return undefined;
    if (verdicts.touched || batch.removedFields || batch.newRoots) return undefined;
    // Only fields were added since the last scan: the rows and templates it qualified still hold.
    const context = createScanContext({ rowsFrom: rowContext, counters, corrections: opts.corrections });
    const added: Candidate[] = [];
    for (const element of batch.addedFields) {
      if (!element.isConnected || element.getRootNode() !== doc) return undefined;
      const q = qualifyField(element, context);
      verdicts.remember(element, q);
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
      if (!verdicts.has(element)) verdicts.remember(element, qualifyField(element, context));
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
    for (let i = 0; i < fields.length; i++) if (!verdicts.has(fields[i]!)) unqualified++;
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
    if (verdicts.has(target)) return; // qualified, not a claim field
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

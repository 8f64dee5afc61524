import { statedLineOf } from './collect';
import { CLAIM_SCOPE, composedParent, isShadowRoot, safeDom } from './dom';
import { applyLineRules, bitOf, CLAIM_WIDE_BITS, claimWideFields, NONE, outputOf, resolveLines } from './line-fields';
import type { Qualification } from './qualify';
import { FIELD_ROLES, type DetectedClaim, type DetectedField, type FieldElement, type FieldRole, type FormType } from './types';

/** A field that qualified for a role, with its position in composed document order. */
export interface Candidate {
  element: FieldElement;
  q: Qualification & { role: FieldRole };
  order: number;
}

const LINE_ANCHOR_PREFERENCE: readonly FieldRole[] = ['cpt', 'revenue', 'units', 'charge', 'pos', 'modifier', 'dos', 'pointer'];

/** The <form> (or role=form) holding a field, across shadow boundaries; null for none. */
function scopeOf(element: Element): Element | null {
  const direct = safeDom.closest(element, CLAIM_SCOPE);
  if (direct) return direct;
  let root = safeDom.getRootNode(element);
  for (let guard = 0; guard < 64 && isShadowRoot(root); guard++) {
    const found = safeDom.closest(root.host, CLAIM_SCOPE);
    if (found) return found;
    root = safeDom.getRootNode(root.host);
  }
  return null;
}

/**
 * Turns qualified fields into claims: one per form (or per group of service lines found in the
 * same form or page), with 0-based line indices from the page's structure (table rows, ARIA rows,
 * repeated containers), else from indices in field names, else from document order.
 */
export function buildClaims(root: Document | ShadowRoot | Element, candidates: readonly Candidate[]): DetectedClaim[] {
  return groupCandidates(root, candidates).claims;
}

/**
 * What grouping decided, per claim scope, kept so that fields added later (a new service line)
 * can be grouped without regrouping the whole page: see `extendGrouping`.
 */
export interface Grouping {
  claims: DetectedClaim[];
  scopes: Map<Element | null, ScopeGrouping>;
  /**
   * After `extendGrouping`: the detected fields the new lines added, when that is all that changed
   * (every other field kept its claim, line and slot); null when a scope was regrouped.
   */
  appended: DetectedField[] | null;
}

interface ScopeGrouping {
  /** Every candidate in the scope, in document order. */
  candidates: Candidate[];
  /** The role whose fields start lines; undefined when the scope holds no claim. */
  anchorRole: FieldRole | undefined;
  strongRoles: Set<FieldRole>;
  /** How many anchors each ancestor (below the scope) holds. */
  counts: Map<Element, number>;
  /** The elements holding each group of line containers (null: the scope's top). */
  lists: Array<Element | null>;
  claims: ClaimGrouping[];
}

interface ClaimGrouping {
  claim: DetectedClaim;
  /** The claim's first field in the page (claims are reported in page order; `order`s change as fields arrive). */
  first: Candidate;
  /** Anchors in document order. */
  anchors: Candidate[];
  /** How lines were told apart. */
  mode: 'single' | 'structural' | 'names' | 'order';
  /** Structural mode: each line container's line index. */
  lineIndex: Map<Element, number>;
  /** Structural mode: non-anchor line fields, and how many of them sit inside a line container. */
  others: number;
  othersInside: number;
  /** Structural mode: strong diagnoses outside every line (then diagnoses inside a line are its pointers). */
  diagnosesOutside: number;
  /** The candidate behind each of `claim.fields`. */
  sources: Candidate[];
  /** Roles in `claim.fields`, and whether any candidate cited a CMS-1500 box (for the form type). */
  roles: Set<FieldRole>;
  professionalBox: boolean;
}

/** Groups candidates (in document order) into claims, keeping what `extendGrouping` needs. */
export function groupCandidates(root: Document | ShadowRoot | Element, candidates: readonly Candidate[]): Grouping {
  const scopes = new Map<Element | null, ScopeGrouping>();
  for (const [scope, list] of byScope(candidates)) scopes.set(scope, claimsInScope(root, scope, list));
  return { claims: orderedClaims(scopes), scopes, appended: null };
}

/** How extensions went: lines appended on their own, or scopes regrouped (tests check which ran). */
export interface GroupingCounters {
  linesAppended: number;
  scopesRegrouped: number;
}

/**
 * The grouping after `added` candidates (new fields, each inside a subtree the page just
 * inserted: `isAdded` tells those subtrees' roots) joined the candidates of `previous`, whose
 * elements, verdicts and places in the page have not changed. Every candidate's `order` must
 * already be its position among all of them. The result equals `groupCandidates` over all of
 * them: a new service line appended to a claim's lines is grouped on its own; anything else
 * regroups the scopes it touches. `previous` is taken over (its state is updated, not copied):
 * use only the result afterwards. `counters`, when given, counts which way each scope went.
 */
export function extendGrouping(
  previous: Grouping,
  root: Document | ShadowRoot | Element,
  added: readonly Candidate[],
  isAdded: (element: Element) => boolean,
  counters?: GroupingCounters,
): Grouping {
  const scopes = new Map(previous.scopes);
  let appended: DetectedField[] | null = [];
  for (const [scope, news] of byScope(added)) {
    const before = scopes.get(scope);
    const extended = before && appendLines(before, scope, news, isAdded);
    if (extended) {
      if (counters) counters.linesAppended++;
      appended?.push(...extended.appended);
      scopes.set(scope, extended.grouping);
    } else {
      if (counters) counters.scopesRegrouped++;
      appended = null;
      scopes.set(scope, claimsInScope(root, scope, before ? mergeByOrder(before.candidates, news) : news));
    }
  }
  return { claims: orderedClaims(scopes), scopes, appended };
}

/** Candidates by the form (or role=form) holding them, each list in the given order. */
function byScope(candidates: readonly Candidate[]): Map<Element | null, Candidate[]> {
  const groups = new Map<Element | null, Candidate[]>();
  // A row's fields come one after another, and share its scope (no scope stands between them and it).
  let lastRow: Element | undefined;
  let rowScope: Element | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const { row } = candidate.q;
    let scope: Element | null;
    if (!row) scope = scopeOf(candidate.element);
    else if (row === lastRow) scope = rowScope;
    else {
      lastRow = row;
      scope = rowScope = scopeOf(row);
    }
    const list = groups.get(scope);
    if (list) list.push(candidate);
    else groups.set(scope, [candidate]);
  }
  return groups;
}

function orderedClaims(scopes: Map<Element | null, ScopeGrouping>): DetectedClaim[] {
  const claims: ClaimGrouping[] = [];
  for (const scope of scopes.values()) claims.push(...scope.claims);
  claims.sort((a, b) => a.first.order - b.first.order);
  return claims.map((c) => c.claim);
}

function mergeByOrder(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  if (a.length === 0 || b.length === 0 || b[0]!.order > a[a.length - 1]!.order) return a.concat(b);
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.order <= b[j]!.order ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function claimsInScope(root: Document | ShadowRoot | Element, scope: Element | null, list: Candidate[]): ScopeGrouping {
  // (Gathered as bits first: one Set insertion per candidate costs more, cold, than the rest of this loop.)
  let strongBits = 0;
  for (let i = 0; i < list.length; i++) if (!list[i]!.q.weak) strongBits |= bitOf(list[i]!.q.role);
  const strongRoles = new Set<FieldRole>(FIELD_ROLES.filter((role) => strongBits & bitOf(role)));
  const grouping: ScopeGrouping = { candidates: list, anchorRole: undefined, strongRoles, counts: new Map(), lists: [], claims: [] };
  // A claim has codes: dates, places or amounts alone (a booking form, a receipt) are not one.
  if (!strongRoles.has('cpt') && !strongRoles.has('revenue')) return grouping;
  const anchorRole = LINE_ANCHOR_PREFERENCE.find((role) => strongRoles.has(role));
  if (!anchorRole) return grouping;
  grouping.anchorRole = anchorRole;
  const anchors = list.filter((c) => !c.q.weak && c.q.role === anchorRole);

  // How many anchors each ancestor holds (below the scope).
  const counts = grouping.counts;
  for (const anchor of anchors) countAnchor(anchor.element, scope, counts);
  const scopeTop = (element: Element): Element => {
    let top = element;
    for (let node: Element | null = element; node && node !== scope; node = composedParent(node)) top = node;
    return top;
  };

  // Each anchor's line container: its highest ancestor holding no other anchor.
  const lineContainerOf = new Map<Candidate, Element>();
  const groups = new Map<Element | null, Candidate[]>();
  for (const anchor of anchors) {
    let container: Element = anchor.element;
    let list: Element | null = scope;
    for (let node: Element | null = anchor.element; node && node !== scope; node = composedParent(node)) {
      if ((counts.get(node) ?? 0) > 1) {
        list = node;
        break;
      }
      container = node;
    }
    lineContainerOf.set(anchor, container);
    const group = groups.get(list) ?? [];
    group.push(anchor);
    groups.set(list, group);
  }
  grouping.lists = [...groups.keys()];

  // Claim containers: each group of lines, widened while it holds no other group's anchors.
  const claimGroups: Array<{ container: Element; anchors: Candidate[]; fields: readonly Candidate[] }> = [];
  for (const [holder, groupAnchors] of groups) {
    let container: Element | null = holder;
    if (groups.size === 1) {
      container = scope ?? topElement(root, groupAnchors[0]!.element);
    } else if (container) {
      for (let node: Element | null = composedParent(container); node && node !== scope; node = composedParent(node)) {
        if ((counts.get(node) ?? 0) !== groupAnchors.length) break;
        container = node;
      }
    } else {
      container = scope ?? scopeTop(groupAnchors[0]!.element);
    }
    claimGroups.push({ container: container!, anchors: groupAnchors, fields: list });
  }

  // Every field to the claim whose container holds it; claim-level strays to the nearest claim before them.
  // (One claim: all of them, as listed.)
  if (claimGroups.length > 1) {
    const fieldsIn = new Map<Element, Candidate[]>();
    for (const group of claimGroups) {
      const fields: Candidate[] = [];
      group.fields = fields;
      fieldsIn.set(group.container, fields);
    }
    for (let i = 0; i < list.length; i++) {
      const candidate = list[i]!;
      let owned: Candidate[] | undefined;
      for (let node: Element | null = candidate.element; node; node = composedParent(node)) {
        owned = fieldsIn.get(node);
        if (owned || node === scope) break;
      }
      if (!owned && candidate.q.role === 'dx' && !candidate.q.weak) {
        const nearest = nearestBefore(claimGroups, candidate.order);
        owned = nearest && fieldsIn.get(nearest.container);
      }
      owned?.push(candidate);
    }
  }

  grouping.claims = claimGroups.map((group) => assignLines(group.container, group.anchors, group.fields, lineContainerOf, anchorRole, counts));
  return grouping;
}

/**
 * `grouping` with new service lines appended to its only claim, when that is all `added` is:
 * the same line anchor role, each new anchor in a new line container (inside a subtree just
 * added) beside the claim's existing lines and after them, lines still told apart by structure,
 * and every other new field inside a new line or claim-level. Undefined when it is not.
 */
function appendLines(
  grouping: ScopeGrouping,
  scope: Element | null,
  added: readonly Candidate[],
  isAdded: (element: Element) => boolean,
): { grouping: ScopeGrouping; appended: DetectedField[] } | undefined {
  const { anchorRole, claims, counts } = grouping;
  if (!anchorRole || claims.length !== 1 || grouping.lists.length !== 1) return undefined;
  const previous = claims[0]!;
  if (previous.mode !== 'structural') return undefined;
  const strongRoles = new Set(grouping.strongRoles);
  for (const candidate of added) if (!candidate.q.weak) strongRoles.add(candidate.q.role);
  if (LINE_ANCHOR_PREFERENCE.find((role) => strongRoles.has(role)) !== anchorRole) return undefined;

  // Checked first, written last: the previous state is only updated once the lines are accepted.
  const list = grouping.lists[0]!;
  const container = previous.claim.container;
  const firstNewLine = previous.anchors.length;
  const newAnchors: Candidate[] = [];
  const newLineIndex = new Map<Element, number>();
  const newCounts = new Map<Element, number>();
  const countOf = (node: Element) => (counts.get(node) ?? 0) + (newCounts.get(node) ?? 0);
  let lastAnchor = previous.anchors[firstNewLine - 1]!;
  for (const candidate of added) {
    if (candidate.q.weak || candidate.q.role !== anchorRole) continue;
    // After every existing line (earlier line indices stay as they are).
    if (candidate.order < lastAnchor.order) return undefined;
    let lineContainer: Element = candidate.element;
    let reached: Element | null = scope;
    for (let node: Element | null = candidate.element; node && node !== scope; node = composedParent(node)) {
      if (countOf(node) > 0) {
        reached = node;
        break;
      }
      lineContainer = node;
    }
    // It must join the existing lines' list, in a container the page has just inserted (so holding
    // only new fields: no existing field changes line).
    if (reached !== list || (reached !== scope && countOf(reached) < 2) || !isAdded(lineContainer)) return undefined;
    countAnchor(candidate.element, scope, newCounts);
    newLineIndex.set(lineContainer, firstNewLine + newAnchors.length);
    newAnchors.push(candidate);
    lastAnchor = candidate;
  }

  // The new fields' lines, by structure, as assignLines finds them.
  const lineOf = new Int32Array(added.length).fill(NONE);
  const lineOfContainer = (node: Element) => newLineIndex.get(node) ?? previous.lineIndex.get(node);
  let others = previous.others;
  let othersInside = previous.othersInside;
  for (let i = 0; i < added.length; i++) {
    const field = added[i]!;
    if (field.q.role === 'dx') continue;
    const line = lineInside(field.element, container, lineOfContainer);
    if (field.q.role !== anchorRole) {
      others++;
      if (line !== undefined) othersInside++;
    }
    if (line !== undefined) {
      if (line < firstNewLine) return undefined; // a field added to an existing line: that line is regrouped
      lineOf[i] = line;
    } else if (!field.q.weak && CLAIM_WIDE_BITS & bitOf(field.q.role)) {
      return undefined; // it may hold a value for the whole claim: the claim is regrouped
    }
  }
  if (!structureTellsLines(others, othersInside)) return undefined;
  // Diagnoses inside the new lines are their pointers when the claim lists its diagnoses outside
  // every line, as assignLines decides; a new one outside every line may change that for the
  // existing lines: the claim is regrouped.
  const diagnoses = diagnosesInLinesArePointers(added, lineOf, container, lineOfContainer, previous.diagnosesOutside);
  if (diagnoses.outside !== previous.diagnosesOutside) return undefined;
  const fields = diagnoses.fields;

  // Accepted: the previous state becomes the new one.
  for (const [node, count] of newCounts) counts.set(node, (counts.get(node) ?? 0) + count);
  for (const [node, line] of newLineIndex) previous.lineIndex.set(node, line);
  previous.anchors.push(...newAnchors);
  const slotOf = resolveLines(fields, lineOf);
  const fresh = outputOf(fields, lineOf, slotOf);
  const roles = new Set(previous.roles);
  for (const field of fresh.fields) roles.add(field.role);
  const professionalBox = previous.professionalBox || added.some((c) => c.q.professionalBox);
  const merged = mergeFields(previous.claim.fields, previous.sources, fresh.fields, fresh.sources);
  const extended: ClaimGrouping = {
    ...previous,
    claim: { container, formType: formTypeFrom(roles, professionalBox), fields: merged.fields },
    first: added.reduce((first, c) => (c.order < first.order ? c : first), previous.first),
    others,
    othersInside,
    diagnosesOutside: diagnoses.outside,
    sources: merged.sources,
    roles,
    professionalBox,
  };
  return {
    grouping: { ...grouping, candidates: mergeByOrder(grouping.candidates, added), strongRoles, claims: [extended] },
    appended: fresh.fields,
  };
}

/** Two detected-field lists (each with its candidates) merged in page order: new arrays, the inputs stay as they are. */
function mergeFields(
  fields: readonly DetectedField[],
  sources: readonly Candidate[],
  freshFields: readonly DetectedField[],
  freshSources: readonly Candidate[],
): { fields: DetectedField[]; sources: Candidate[] } {
  // Usually the new fields come after every other one (a line appended at the end).
  if (freshSources.length === 0 || sources.length === 0 || freshSources[0]!.order > sources[sources.length - 1]!.order) {
    return { fields: fields.concat(freshFields), sources: sources.concat(freshSources) };
  }
  const out: DetectedField[] = [];
  const outSources: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < fields.length || j < freshFields.length) {
    if (j >= freshFields.length || (i < fields.length && sources[i]!.order <= freshSources[j]!.order)) {
      out.push(fields[i]!);
      outSources.push(sources[i++]!);
    } else {
      out.push(freshFields[j]!);
      outSources.push(freshSources[j++]!);
    }
  }
  return { fields: out, sources: outSources };
}

/** Adds one anchor to the count of each of its ancestors below the scope. */
function countAnchor(anchor: Element, scope: Element | null, counts: Map<Element, number>): void {
  for (let node: Element | null = anchor; node && node !== scope; node = composedParent(node)) {
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
}

/** The line of the nearest line container holding `element` (below the claim's container). */
function lineInside(element: Element, container: Element, lineOf: (node: Element) => number | undefined): number | undefined {
  for (let node: Element | null = element; node && node !== container; node = composedParent(node)) {
    const line = lineOf(node);
    if (line !== undefined) return line;
  }
  return undefined;
}

/** Structure tells lines apart when no field but anchors has a line, or at least half of them sit in a line container. */
function structureTellsLines(others: number, othersInside: number): boolean {
  return others === 0 || othersInside >= others * 0.5;
}

function topElement(root: Document | ShadowRoot | Element, fallback: Element): Element {
  if (root.nodeType === 1) return root as Element;
  if (isShadowRoot(root)) return (root.firstElementChild as Element | null) ?? root.host;
  return (root as Document).body ?? (root as Document).documentElement ?? fallback;
}

function nearestBefore<T extends { anchors: Candidate[] }>(groups: T[], order: number): T | undefined {
  let best: T | undefined;
  let bestOrder = -Infinity;
  for (const group of groups) {
    const first = group.anchors.reduce((min, a) => Math.min(min, a.order), Infinity);
    if (first <= order && first > bestOrder) {
      best = group;
      bestOrder = first;
    }
  }
  return best ?? groups[0];
}


/**
 * Diagnosis fields inside a service line, on a claim that lists its diagnoses outside the lines,
 * point to those diagnoses ("Diagnosis 1..4" under each procedure): they are the line's pointers.
 * Returns `fields` with those candidates turned into pointers (and their lines set in `lineOf`).
 */
function diagnosesInLinesArePointers(
  fields: readonly Candidate[],
  lineOf: Int32Array,
  container: Element,
  lineOfContainer: (node: Element) => number | undefined,
  outsideBefore = 0,
): { fields: readonly Candidate[]; outside: number } {
  let inLines: Array<[number, number]> | undefined;
  let outside = outsideBefore;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.q.role !== 'dx') continue;
    const line = lineInside(field.element, container, lineOfContainer);
    if (line === undefined) {
      if (!field.q.weak) outside++;
    } else (inLines ??= []).push([i, line]);
  }
  if (!inLines || outside === 0) return { fields, outside };
  const out = fields.slice();
  for (const [i, line] of inLines) {
    const field = fields[i]!;
    out[i] = { ...field, q: { ...field.q, role: 'pointer' } };
    lineOf[i] = line;
  }
  return { fields: out, outside };
}

function assignLines(
  container: Element,
  anchors: Candidate[],
  listed: readonly Candidate[],
  lineContainerOf: Map<Candidate, Element>,
  anchorRole: FieldRole,
  counts: ReadonlyMap<Element, number>,
): ClaimGrouping {
  let fields = listed;
  const count = fields.length;
  const lineOf = new Int32Array(count).fill(NONE);
  const isLineField = (field: Candidate) => field.q.role !== 'dx';
  const sortedAnchors = [...anchors].sort((a, b) => a.order - b.order);
  let mode: ClaimGrouping['mode'] | undefined;
  const lineIndex = new Map<Element, number>();
  let others = 0;
  let othersInside = 0;
  let diagnosesOutside = 0;

  if (sortedAnchors.length === 1) {
    const anchor = sortedAnchors[0]!;
    const row = anchor.element.closest('tr, [role="row"]');
    const rowHasOthers = row !== null && fields.some((f) => isLineField(f) && f !== anchor && row.contains(f.element));
    for (let i = 0; i < count; i++) {
      const field = fields[i]!;
      if (!isLineField(field)) continue;
      // The container may be a <form>: safeDom.
      if (rowHasOthers ? row!.contains(field.element) : !field.q.weak || safeDom.contains(container, field.element)) lineOf[i] = 0;
    }
    mode = 'single';
  } else {
    // Structure: fields inside an anchor's line container belong to that line.
    sortedAnchors.forEach((anchor, index) => lineIndex.set(lineContainerOf.get(anchor) ?? anchor.element, index));
    const structural = new Int32Array(count).fill(NONE);
    const lineOfContainer = (node: Element) => lineIndex.get(node);
    for (let i = 0; i < count; i++) {
      const field = fields[i]!;
      if (!isLineField(field)) continue;
      // A row holding at most one anchor has no line container inside it: the search starts there.
      const { row } = field.q;
      const line = lineInside(row && (counts.get(row) ?? 0) <= 1 ? row : field.element, container, lineOfContainer);
      if (field.q.role !== anchorRole) {
        others++;
        if (line !== undefined) othersInside++;
      }
      if (line !== undefined) structural[i] = line;
    }
    if (structureTellsLines(others, othersInside)) {
      lineOf.set(structural);
      mode = 'structural';
      ({ fields, outside: diagnosesOutside } = diagnosesInLinesArePointers(fields, lineOf, container, lineOfContainer));
    }
  }

  if (!mode) {
    // Line numbers the fields state: "Line 3" in a title or label, else indices in names
    // (line_3_mod1, svc[2].proc, lines.0.cptCode). A stated line outranks a name's number, which
    // may only count fields (ub04Block_24).
    const strongLine: number[] = [];
    for (let i = 0; i < count; i++) if (isLineField(fields[i]!) && !fields[i]!.q.weak) strongLine.push(i);
    const stated = new Map<Candidate, number | undefined>();
    const keyOf = (field: Candidate) => {
      if (!stated.has(field)) stated.set(field, statedLineOf(field.element));
      return stated.get(field) ?? field.q.nameLine;
    };
    const keyed = strongLine.filter((i) => keyOf(fields[i]!) !== undefined);
    const anchorKeys = new Set(sortedAnchors.map((a) => keyOf(a)));
    if (keyed.length >= strongLine.length * 0.8 && !anchorKeys.has(undefined) && anchorKeys.size === sortedAnchors.length) {
      // Only the anchors' numbers are lines: a number without a code is a totals row, not a service line.
      const keys = [...anchorKeys].map(Number).sort((a, b) => a - b);
      const rank = new Map(keys.map((key, index) => [key, index]));
      for (const i of keyed) lineOf[i] = rank.get(keyOf(fields[i]!)!) ?? NONE;
      mode = 'names';
    }
  }

  if (!mode) {
    // Document order: the fields between anchors repeat the pattern before the first anchor.
    const strongLine: number[] = [];
    for (let i = 0; i < count; i++) if (isLineField(fields[i]!) && !fields[i]!.q.weak) strongLine.push(i);
    strongLine.sort((a, b) => fields[a]!.order - fields[b]!.order);
    const positionOf = new Map<Candidate, number>();
    strongLine.forEach((i, position) => positionOf.set(fields[i]!, position));
    const firstAnchorAt = positionOf.get(sortedAnchors[0]!) ?? -1;
    const lead = Math.max(0, firstAnchorAt);
    const boundaries = sortedAnchors.map((anchor) => Math.max(0, (positionOf.get(anchor) ?? -1) - lead));
    strongLine.forEach((i, position) => {
      let line = 0;
      for (let b = 0; b < boundaries.length; b++) if (position >= boundaries[b]!) line = b;
      lineOf[i] = line;
    });
    mode = 'order';
  }

  applyLineRules(fields, lineOf, sortedAnchors.length);
  const slotOf = resolveLines(fields, lineOf);
  const claimWide = new Uint8Array(count);
  claimWideFields(fields, lineOf, slotOf, claimWide);
  const { fields: out, sources } = outputOf(fields, lineOf, slotOf, claimWide);
  const roles = new Set<FieldRole>();
  for (let i = 0; i < out.length; i++) roles.add(out[i]!.role);
  const professionalBox = fields.some((c) => c.q.professionalBox);
  return {
    claim: { container, formType: formTypeFrom(roles, professionalBox), fields: out },
    first: fields.reduce((first, f) => (f.order < first.order ? f : first)),
    anchors: sortedAnchors,
    mode,
    lineIndex,
    others,
    othersInside,
    diagnosesOutside,
    sources,
    roles,
    professionalBox,
  };
}

function formTypeFrom(roles: ReadonlySet<FieldRole>, professionalBox: boolean): FormType {
  if (roles.has('revenue')) return 'institutional';
  if (roles.has('modifier') || roles.has('pos') || roles.has('pointer')) return 'professional';
  return professionalBox ? 'professional' : 'unknown';
}

import { composedParent, isShadowRoot, safeDom } from './dom';
import type { Qualification } from './qualify';
import type { DetectedClaim, DetectedField, FieldElement, FieldRole, FormType } from './types';

/** A field that qualified for a role, with its position in composed document order. */
export interface Candidate {
  element: FieldElement;
  q: Qualification & { role: FieldRole };
  order: number;
}

/** Roles a service line holds at most one of; the strongest field wins. */
const SINGLE_PER_LINE: ReadonlySet<FieldRole> = new Set<FieldRole>(['cpt', 'units', 'pos', 'revenue', 'charge']);
const LINE_ANCHOR_PREFERENCE: readonly FieldRole[] = ['cpt', 'revenue', 'units', 'charge', 'pos', 'modifier', 'dos', 'pointer'];

const CLAIM_SCOPE = 'form, [role="form"]';

/**
 * The <form> (or role=form) holding an element, across shadow boundaries; null for none.
 * Fields of one row share it: the lookup above the field's cell is kept in `memo`.
 */
function scopeOf(element: Element, memo: Map<Element, Element | null>): Element | null {
  // The parent and above may be the <form> itself: read through safeDom.
  const parent = element.parentElement;
  const above = parent && safeDom.parentElement(parent);
  let direct: Element | null;
  if (parent && above && !safeDom.matches(parent, CLAIM_SCOPE)) {
    let found = memo.get(above);
    // (Asked of the cell, not of `above`: the same answer, and the same object a field's own lookup gives.)
    if (found === undefined) memo.set(above, (found = safeDom.closest(parent, CLAIM_SCOPE)));
    direct = found;
  } else {
    direct = element.closest(CLAIM_SCOPE);
  }
  if (direct) return direct;
  let root = element.getRootNode();
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
  const scopes = new Map<Element | null, Candidate[]>();
  const memo = new Map<Element, Element | null>();
  for (const candidate of candidates) {
    const scope = scopeOf(candidate.element, memo);
    const list = scopes.get(scope) ?? [];
    list.push(candidate);
    scopes.set(scope, list);
  }
  const claims: Array<{ claim: DetectedClaim; order: number }> = [];
  for (const [scope, list] of scopes) {
    for (const claim of claimsInScope(root, scope, list)) claims.push(claim);
  }
  claims.sort((a, b) => a.order - b.order);
  return claims.map((c) => c.claim);
}

function claimsInScope(
  root: Document | ShadowRoot | Element,
  scope: Element | null,
  list: Candidate[],
): Array<{ claim: DetectedClaim; order: number }> {
  const strong = list.filter((c) => !c.q.weak);
  const strongRoles = new Set(strong.map((c) => c.q.role));
  if (!strongRoles.has('cpt') && !strongRoles.has('revenue') && strongRoles.size < 2) return [];
  const anchorRole = LINE_ANCHOR_PREFERENCE.find((role) => strongRoles.has(role));
  if (!anchorRole) return [];
  const anchors = strong.filter((c) => c.q.role === anchorRole);

  // How many anchors each ancestor holds (below the scope).
  const counts = new Map<Element, number>();
  for (const anchor of anchors) {
    for (let node: Element | null = anchor.element; node && node !== scope; node = composedParent(node)) {
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
  }
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

  // Claim containers: each group of lines, widened while it holds no other group's anchors.
  const claimGroups: Array<{ container: Element; anchors: Candidate[]; fields: Candidate[] }> = [];
  for (const [list, groupAnchors] of groups) {
    let container: Element | null = list;
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
    claimGroups.push({ container: container!, anchors: groupAnchors, fields: [] });
  }

  // Every field to the claim whose container holds it; claim-level strays to the nearest claim before them.
  const byContainer = new Map<Element, (typeof claimGroups)[number]>();
  for (const group of claimGroups) byContainer.set(group.container, group);
  for (const candidate of list) {
    let owner: (typeof claimGroups)[number] | undefined;
    if (claimGroups.length === 1) owner = claimGroups[0];
    else {
      for (let node: Element | null = candidate.element; node; node = composedParent(node)) {
        owner = byContainer.get(node);
        if (owner || node === scope) break;
      }
      if (!owner && candidate.q.role === 'dx' && !candidate.q.weak) {
        owner = nearestBefore(claimGroups, candidate.order);
      }
    }
    owner?.fields.push(candidate);
  }

  return claimGroups.map((group) => ({
    claim: assignLines(group.container, group.anchors, group.fields, lineContainerOf, anchorRole),
    order: group.fields.reduce((first, f) => Math.min(first, f.order), Infinity),
  }));
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

/** No line, no slot (typed arrays hold them per field index: no per-scan maps keyed by new objects). */
const NONE = -1;

function assignLines(
  container: Element,
  anchors: Candidate[],
  fields: Candidate[],
  lineContainerOf: Map<Candidate, Element>,
  anchorRole: FieldRole,
): DetectedClaim {
  const count = fields.length;
  const lineOf = new Int32Array(count).fill(NONE);
  const isLineField = (field: Candidate) => field.q.role !== 'dx';
  const sortedAnchors = [...anchors].sort((a, b) => a.order - b.order);

  let assigned = false;
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
    assigned = true;
  } else {
    // Structure: fields inside an anchor's line container belong to that line.
    const lineIndex = new Map<Element, number>();
    sortedAnchors.forEach((anchor, index) => lineIndex.set(lineContainerOf.get(anchor) ?? anchor.element, index));
    const structural = new Int32Array(count).fill(NONE);
    let others = 0;
    let othersInside = 0;
    for (let i = 0; i < count; i++) {
      const field = fields[i]!;
      if (!isLineField(field)) continue;
      let line: number | undefined;
      for (let node: Element | null = field.element; node && node !== container; node = composedParent(node)) {
        line = lineIndex.get(node);
        if (line !== undefined) break;
      }
      if (field.q.role !== anchorRole) {
        others++;
        if (line !== undefined) othersInside++;
      }
      if (line !== undefined) structural[i] = line;
    }
    if (others === 0 || othersInside >= others * 0.5) {
      lineOf.set(structural);
      assigned = true;
    }
  }

  if (!assigned) {
    // Indices in names: line_3_mod1, svc[2].proc, lines.0.cptCode.
    const strongLine: number[] = [];
    for (let i = 0; i < count; i++) if (isLineField(fields[i]!) && !fields[i]!.q.weak) strongLine.push(i);
    const keyed = strongLine.filter((i) => fields[i]!.q.nameLine !== undefined);
    const anchorKeys = new Set(sortedAnchors.map((a) => a.q.nameLine));
    if (keyed.length >= strongLine.length * 0.8 && !anchorKeys.has(undefined) && anchorKeys.size === sortedAnchors.length) {
      const keys = [...new Set(keyed.map((i) => fields[i]!.q.nameLine!))].sort((a, b) => a - b);
      const rank = new Map(keys.map((key, index) => [key, index]));
      for (const i of keyed) lineOf[i] = rank.get(fields[i]!.q.nameLine!)!;
      assigned = true;
    }
  }

  if (!assigned) {
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
  }

  // Per line, in document order: one field per single-valued role (strong beats weak, then the
  // higher score), slots numbered.
  const perLine: number[][] = [];
  const byOrder = Array.from({ length: count }, (_, i) => i);
  if (!fields.every((f, i) => i === 0 || fields[i - 1]!.order <= f.order)) byOrder.sort((a, b) => fields[a]!.order - fields[b]!.order);
  for (const i of byOrder) {
    const line = lineOf[i]!;
    if (line !== NONE) (perLine[line] ??= []).push(i);
  }
  const slotOf = new Int32Array(count).fill(NONE);
  for (const members of perLine) {
    if (!members) continue;
    // One pass: the strongest field of each single-valued role (the first of equals), and the roles with strong evidence.
    const kept = new Map<FieldRole, number>();
    const strongRoles = new Set<FieldRole>();
    for (const i of members) {
      const q = fields[i]!.q;
      if (!q.weak) strongRoles.add(q.role);
      if (!SINGLE_PER_LINE.has(q.role)) continue;
      const best = kept.get(q.role);
      if (best === undefined || rank(fields[i]!) > rank(fields[best]!)) kept.set(q.role, i);
    }
    const modifiers: number[] = [];
    const dates: number[] = [];
    for (const i of members) {
      const q = fields[i]!.q;
      const role = q.role;
      if (SINGLE_PER_LINE.has(role) && kept.get(role) !== i) lineOf[i] = NONE;
      // Weak evidence gives way to strong evidence for the same role (several dates and modifiers are normal).
      else if (q.weak && strongRoles.has(role) && role !== 'dos' && role !== 'modifier') lineOf[i] = NONE;
      else if (role === 'modifier') modifiers.push(i);
      else if (role === 'dos') dates.push(i);
      else if (role === 'pointer' && q.slot !== undefined) slotOf[i] = q.slot;
    }
    numberSlots(modifiers, slotOf, 1, (i) => fields[i]!.q.slot);
    numberSlots(dates, slotOf, 0, (i) => fields[i]!.q.range);
  }

  const out: DetectedField[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields[i]!;
    if (field.q.role === 'dx') {
      if (!field.q.weak) out.push({ element: field.element, role: 'dx', line: null });
      continue;
    }
    const line = lineOf[i]!;
    if (line === NONE) continue;
    const detected: DetectedField = { element: field.element, role: field.q.role, line };
    if (slotOf[i] !== NONE) detected.slot = slotOf[i];
    out.push(detected);
  }
  return { container, formType: formTypeOf(fields, out), fields: out };
}

function rank(candidate: Candidate): number {
  return (candidate.q.weak ? 0 : 10) + candidate.q.score;
}

/** Explicit slots first where they are free, then the rest in document order. */
function numberSlots(members: number[], slotOf: Int32Array, first: number, explicit: (i: number) => number | undefined): void {
  const used = new Set<number>();
  const rest: number[] = [];
  for (const i of members) {
    const slot = explicit(i);
    if (slot !== undefined && !used.has(slot)) {
      used.add(slot);
      slotOf[i] = slot;
    } else rest.push(i);
  }
  let next = first;
  for (const i of rest) {
    while (used.has(next)) next++;
    used.add(next);
    slotOf[i] = next;
  }
}

function formTypeOf(all: Candidate[], fields: DetectedField[]): FormType {
  const roles = new Set(fields.map((f) => f.role));
  if (roles.has('revenue')) return 'institutional';
  if (roles.has('modifier') || roles.has('pos') || roles.has('pointer')) return 'professional';
  if (all.some((c) => c.q.professionalBox)) return 'professional';
  return 'unknown';
}

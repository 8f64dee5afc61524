/**
 * Within one claim whose fields have their lines: per line, one field per single-valued role,
 * modifier and date slots numbered; the values a field holds for the whole claim; and the detected
 * fields out. Pure functions over candidates and typed arrays (see group.ts for how lines are found).
 */
import { groupByLine } from './by-line';
import type { Candidate } from './group';
import { FIELD_ROLES, type DetectedField, type FieldRole } from './types';

/** No line, no slot (typed arrays hold them per field index: no per-scan maps keyed by new objects). */
export const NONE = -1;

/** Roles a service line holds at most one of; the strongest field wins. */
const SINGLE_PER_LINE: readonly FieldRole[] = ['cpt', 'units', 'pos', 'revenue', 'charge'];
/** Each role's index in FIELD_ROLES (per-line bookkeeping in typed arrays and bits). */
const ROLE_INDEX = Object.fromEntries(FIELD_ROLES.map((role, index) => [role, index])) as Record<FieldRole, number>;
export const bitOf = (role: FieldRole) => 1 << ROLE_INDEX[role];
/** SINGLE_PER_LINE, and the roles that may come several to a line even when some are weak, as bits by role index. */
const SINGLE_BITS = SINGLE_PER_LINE.reduce((bits, role) => bits | bitOf(role), 0);
const SEVERAL_WEAK_BITS = bitOf('dos') | bitOf('modifier');

/**
 * Per line, in document order: one field per single-valued role (strong beats weak, then the
 * higher score), slots numbered. Drops the losers from `lineOf`; returns each field's slot.
 */
export function resolveLines(fields: readonly Candidate[], lineOf: Int32Array): Int32Array {
  const count = fields.length;
  // (Typed arrays and bits, no per-line arrays or sets: a first marking runs this once over 5,500
  // fields in cold code.) The fields in document order (candidates usually come in it already)…
  let inOrder = true;
  for (let i = 1; i < count && inOrder; i++) inOrder = fields[i - 1]!.order <= fields[i]!.order;
  const byOrder = inOrder ? null : Array.from({ length: count }, (_, i) => i).sort((a, b) => fields[a]!.order - fields[b]!.order);
  // …then by line, each line's members kept in document order.
  const { start, members } = groupByLine(lineOf, byOrder ?? undefined);
  const lines = start.length - 1;
  const slotOf = new Int32Array(count).fill(NONE);
  const roleOf = new Int32Array(count);
  for (let i = 0; i < count; i++) roleOf[i] = ROLE_INDEX[fields[i]!.q.role];
  // Per line, reused: the kept field of each single-valued role (by role index), and a line's modifiers and dates.
  const kept = new Int32Array(FIELD_ROLES.length);
  const modifiers = new Int32Array(members.length);
  const dates = new Int32Array(members.length);
  for (let line = 0; line < lines; line++) {
    const from = start[line]!;
    const to = start[line + 1]!;
    if (from === to) continue;
    // One pass: the strongest field of each single-valued role (the first of equals), and the roles with strong evidence.
    kept.fill(NONE);
    let strongRoles = 0;
    for (let m = from; m < to; m++) {
      const i = members[m]!;
      const bit = 1 << roleOf[i]!;
      if (!fields[i]!.q.weak) strongRoles |= bit;
      if (!(SINGLE_BITS & bit)) continue;
      const best = kept[roleOf[i]!]!;
      if (best === NONE || rank(fields[i]!) > rank(fields[best]!)) kept[roleOf[i]!] = i;
    }
    let modifierCount = 0;
    let dateCount = 0;
    for (let m = from; m < to; m++) {
      const i = members[m]!;
      const q = fields[i]!.q;
      const bit = 1 << roleOf[i]!;
      if (SINGLE_BITS & bit && kept[roleOf[i]!] !== i) lineOf[i] = NONE;
      // Weak evidence gives way to strong evidence for the same role (several dates and modifiers are normal).
      else if (q.weak && strongRoles & bit && !(SEVERAL_WEAK_BITS & bit)) lineOf[i] = NONE;
      else if (q.role === 'modifier') modifiers[modifierCount++] = i;
      else if (q.role === 'dos' && q.part) slotOf[i] = q.range ?? partsBefore(members, from, m, fields, q.part);
      else if (q.role === 'dos') dates[dateCount++] = i;
      else if (q.role === 'pointer' && q.slot !== undefined) slotOf[i] = q.slot;
    }
    numberSlots(modifiers, modifierCount, slotOf, 1, fields, false, sharedSlot(modifiers, modifierCount, fields));
    numberSlots(dates, dateCount, slotOf, 0, fields, true);
  }
  return slotOf;
}

/**
 * For a date box holding one part of a date, with no from/to word: how many boxes of the same part
 * come before it on its line (the first "MM" is the start date's, the second the end date's).
 */
function partsBefore(members: Int32Array, from: number, at: number, fields: readonly Candidate[], part: NonNullable<Candidate['q']['part']>): number {
  let before = 0;
  for (let m = from; m < at; m++) {
    const q = fields[members[m]!]!.q;
    if (q.role === 'dos' && q.part === part && q.range === undefined) before++;
  }
  return Math.min(before, 1);
}

/**
 * The coder's line rules (recipes: detection/corrections.ts), over what the page's structure said:
 * a field goes on the service line its recipe names (on none when the claim has fewer lines), or
 * off every line when its recipe says it holds for the whole claim (see claimWideFields).
 */
export function applyLineRules(fields: readonly Candidate[], lineOf: Int32Array, lineCount: number): void {
  for (let i = 0; i < fields.length; i++) {
    const rule = fields[i]!.q.lineRule;
    if (rule) lineOf[i] = rule.kind === 'line' && rule.line <= lineCount ? rule.line - 1 : NONE;
  }
}

/** Roles one field may hold for a whole claim: an encounter date, a place of service. */
export const CLAIM_WIDE_BITS = bitOf('dos') | bitOf('pos');

/**
 * Fields that hold one value for every line of the claim: strong dates of service or places of
 * service outside every line, on a claim whose lines have none of their own (at most one place of
 * service, and one date range: two dates, or two sets of month/day/year boxes). Marks them in
 * `claimWide` and numbers their slots; leaves everything else as it is.
 */
export function claimWideFields(fields: readonly Candidate[], lineOf: Int32Array, slotOf: Int32Array, claimWide: Uint8Array): void {
  let lineRoles = 0;
  let firstInLine = Infinity;
  // One pass: the lines' roles and first field, and the strong dates and places outside every line (few).
  const outsideLines: number[] = [];
  for (let i = 0; i < fields.length; i++) {
    const { q, order } = fields[i]!;
    if (lineOf[i] === NONE) {
      if (!q.weak && (q.role === 'dos' || q.role === 'pos')) outsideLines.push(i);
      continue;
    }
    lineRoles |= bitOf(q.role);
    if (order < firstInLine) firstInLine = order;
  }
  if (firstInLine === Infinity) return;
  for (const role of ['dos', 'pos'] as const) {
    // Lines with their own values take a claim's value only as a default, written before them.
    const linesHaveIt = (lineRoles & bitOf(role)) !== 0;
    // A field whose recipe says it holds for the whole claim is one, wherever it stands.
    const stated = (i: number) => fields[i]!.q.lineRule?.kind === 'claim';
    let outside = outsideLines.filter((i) => fields[i]!.q.role === role && (stated(i) || !linesHaveIt || fields[i]!.order < firstInLine));
    const limit = role === 'pos' ? 1 : outside.some((i) => fields[i]!.q.part) ? 6 : 2;
    if (outside.length > limit) outside = outside.filter(stated);
    if (outside.length === 0 || outside.length > limit) continue;
    const members = Int32Array.from(outside);
    if (role === 'dos') {
      const whole = new Int32Array(members.length);
      let count = 0;
      for (let m = 0; m < members.length; m++) {
        const q = fields[members[m]!]!.q;
        if (q.part) slotOf[members[m]!] = q.range ?? partsBefore(members, 0, m, fields, q.part);
        else whole[count++] = members[m]!;
      }
      numberSlots(whole, count, slotOf, 0, fields, true);
    }
    for (const i of outside) claimWide[i] = 1;
  }
}

/** The detected fields, in the candidates' order: strong claim-level ones, and line fields with a line. */
export function outputOf(fields: readonly Candidate[], lineOf: Int32Array, slotOf: Int32Array, claimWide?: Uint8Array): { fields: DetectedField[]; sources: Candidate[] } {
  const out: DetectedField[] = [];
  const sources: Candidate[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.q.role === 'dx') {
      if (!field.q.weak) {
        out.push({ element: field.element, role: 'dx', line: null });
        sources.push(field);
      }
      continue;
    }
    const line = lineOf[i]!;
    if (line === NONE && !claimWide?.[i]) continue;
    // (Made whole, with or without a slot: adding it afterwards would give each such field a second object.)
    const slot = slotOf[i]!;
    const { role, part } = field.q;
    const lineOrClaim = line === NONE ? null : line;
    out.push(
      part ? { element: field.element, role, line: lineOrClaim, slot, part }
      : slot === NONE ? { element: field.element, role, line: lineOrClaim }
      : { element: field.element, role, line: lineOrClaim, slot },
    );
    sources.push(field);
  }
  return { fields: out, sources };
}

function rank(candidate: Candidate): number {
  return (candidate.q.weak ? 0 : 10) + candidate.q.score;
}

/**
 * A slot number every modifier of a line states alike (`mod2`, `mod2a`, `mod2b` on line 2): a
 * number of the line, not of each slot. Undefined otherwise.
 */
function sharedSlot(members: Int32Array, length: number, fields: readonly Candidate[]): number | undefined {
  if (length < 2) return undefined;
  const first = fields[members[0]!]!.q.slot;
  if (first === undefined) return undefined;
  for (let m = 1; m < length; m++) if (fields[members[m]!]!.q.slot !== first) return undefined;
  return first;
}

/**
 * Explicit slots first where they are free, then the rest in document order: the first `length`
 * of `members`, their explicit slots in each one's verdict (modifier slots, or date ranges).
 */
function numberSlots(members: Int32Array, length: number, slotOf: Int32Array, first: number, fields: readonly Candidate[], ranges: boolean, ignored?: number): void {
  if (length === 0) return;
  // The slots in use on this line: bits for 0–30 (all a line has), a set beyond (a local, allocated only when needed).
  let bits = 0;
  let beyond: Set<number> | undefined;
  const inUse = (slot: number) => (slot >= 0 && slot < 31 ? (bits & (1 << slot)) !== 0 : (beyond?.has(slot) ?? false));
  const use = (slot: number) => {
    if (slot >= 0 && slot < 31) bits |= 1 << slot;
    else (beyond ??= new Set()).add(slot);
  };
  let rest = 0;
  for (let m = 0; m < length; m++) {
    const i = members[m]!;
    const { q } = fields[i]!;
    const slot = ranges ? q.range : q.slot;
    if (slot !== undefined && slot !== ignored && !inUse(slot)) {
      use(slot);
      slotOf[i] = slot;
    } else members[rest++] = i; // (the rest, in order, where the explicit ones were)
  }
  let next = first;
  for (let r = 0; r < rest; r++) {
    while (inUse(next)) next++;
    use(next);
    slotOf[members[r]!] = next;
  }
}

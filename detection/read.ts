import type { RawClaim, RawServiceLine } from '../rules/claim';
import { groupByLine } from './by-line';
import type { DatePart, DetectedClaim, DetectedField, FieldElement, FieldValues } from './types';

/** Longest value handed to the rules; a field holding more is not a claim value anyway. */
const MAX_VALUE = 10_000;

/** The field's current value exactly as typed (for a <select>, the chosen option's value or text). */
export function readValue(element: FieldElement): string {
  try {
    let value: unknown;
    if (element.localName === 'select') {
      const select = element as HTMLSelectElement;
      const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
      // (An option without a value attribute has its text as value; value="" is the "choose one" option.)
      value = option ? option.value : select.value;
    } else {
      value = element.value;
    }
    const text = typeof value === 'string' ? value : value == null ? '' : String(value);
    return text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) : text;
  } catch {
    return '';
  }
}

/**
 * Reads a detected claim's current values, without normalizing them (that is the rules'
 * `normalizeClaim`). Never throws: an unreadable field reads as "". `values`: the fields' values
 * just read by the watcher, in this same task (read from the page for a field it lacks).
 */
export function readRawClaim(claim: DetectedClaim, values?: FieldValues): RawClaim {
  const diagnosisCodes: string[] = [];
  const fields = claim?.fields ?? [];
  let claimWide: ReadField[] | undefined;
  const count = fields.length;
  // (Typed arrays and one reading pass: a first marking runs this once over 5,500 fields, cold;
  // per line only the line and its modifiers are made.) Each line field's value and line, the
  // lines numbered in the order first seen (fields come line by line: usually sorted).
  const texts: string[] = new Array(count);
  const lineOf = new Int32Array(count).fill(-1);
  const lineIndices: number[] = [];
  const numbered = new Map<number, number>();
  let lastIndex: number | undefined;
  let lastLine = -1;
  for (let i = 0; i < count; i++) {
    const field = fields[i]!;
    let value: string;
    try {
      value = values?.get(field.element) ?? readValue(field.element);
    } catch {
      continue; // one unreadable field never costs the claim
    }
    texts[i] = value;
    if (field.role === 'dx') {
      diagnosisCodes.push(value);
      continue;
    }
    const index = field.line;
    if (index === null || index === undefined) {
      if (field.role === 'dos' || field.role === 'pos') (claimWide ??= []).push({ field, value }); // one value for every line
      continue;
    }
    if (index !== lastIndex) {
      let line = numbered.get(index);
      if (line === undefined) {
        numbered.set(index, (line = lineIndices.length));
        lineIndices.push(index);
      }
      lastIndex = index;
      lastLine = line;
    }
    lineOf[i] = lastLine;
  }
  // Each line's fields, in field order, and the lines by index.
  const lines = lineIndices.length;
  const { start, members } = groupByLine(lineOf);
  let widest = 0;
  for (let line = 0; line < lines; line++) widest = Math.max(widest, start[line + 1]! - start[line]!);
  const byIndex = lineIndices.map((_, line) => line);
  if (!isAscending(lineIndices)) byIndex.sort((a, b) => lineIndices[a]! - lineIndices[b]!);
  // Per line, reused: its modifier and date fields and their slots, its pointers.
  const modifierAt = new Int32Array(widest);
  const modifierSlots = new Int32Array(widest);
  const dateAt = new Int32Array(widest);
  const dateSlots = new Int32Array(widest);
  const pointers: string[] = [];
  const out: RawServiceLine[] = [];
  for (let k = 0; k < lines; k++) {
    const dense = byIndex[k]!;
    const line: RawServiceLine = { index: lineIndices[dense]!, code: '', modifiers: [] };
    let modifierCount = 0;
    let dateCount = 0;
    let dateParts: DatePartValue[] | undefined;
    pointers.length = 0;
    for (let m = start[dense]!; m < start[dense + 1]!; m++) {
      const i = members[m]!;
      const field = fields[i]!;
      const value = texts[i]!;
      switch (field.role) {
        case 'cpt':
          line.code = line.code ? `${line.code} ${value}` : value;
          break;
        case 'modifier':
          modifierAt[modifierCount] = i;
          modifierSlots[modifierCount++] = field.slot ?? 101 + i;
          break;
        case 'units':
          line.units = value;
          break;
        case 'dos':
          if (field.part) {
            (dateParts ??= []).push({ part: field.part, slot: field.slot ?? 0, value });
            break;
          }
          dateAt[dateCount] = i;
          dateSlots[dateCount] = field.slot ?? dateCount;
          dateCount++;
          break;
        case 'pos':
          line.placeOfService = value;
          break;
        case 'pointer':
          pointers.push(value);
          break;
        case 'revenue':
          line.revenueCode = value;
          break;
        case 'charge':
          line.charge = value;
          break;
      }
    }
    const modifierOrder = bySlotOrder(modifierSlots, modifierCount);
    for (let r = 0; r < modifierCount; r++) line.modifiers.push(texts[modifierAt[modifierOrder ? modifierOrder[r]! : r]!]!);
    if (pointers.length === 1) line.diagnosisPointers = pointers[0]!;
    else if (pointers.length > 1) line.diagnosisPointers = pointers.filter((p) => p.trim() !== '').join(',');
    if (dateCount) {
      // From: the date in slot 0, else the first unless it is in slot 1; to: the one in slot 1, else the next other.
      const order = bySlotOrder(dateSlots, dateCount);
      const at = (r: number) => (order ? order[r]! : r);
      let fromAt = -1;
      for (let r = 0; r < dateCount && fromAt < 0; r++) if (dateSlots[at(r)] === 0) fromAt = at(r);
      if (fromAt < 0 && dateSlots[at(0)] !== 1) fromAt = at(0);
      let toAt = -1;
      for (let r = 0; r < dateCount && toAt < 0; r++) if (dateSlots[at(r)] === 1 && at(r) !== fromAt) toAt = at(r);
      for (let r = 0; r < dateCount && toAt < 0; r++) if (at(r) !== fromAt) toAt = at(r);
      if (fromAt >= 0) line.dateFrom = texts[dateAt[fromAt]!];
      if (toAt >= 0) line.dateTo = texts[dateAt[toAt]!];
    }
    if (dateParts) setDatesFromParts(line, dateParts);
    out.push(line);
  }
  if (claimWide) applyClaimWide(out, claimWide);
  return { formType: claim?.formType ?? 'unknown', diagnosisCodes, lines: out };
}

/** True when no one of the first `count` numbers is smaller than the one before it. */
function isAscending(numbers: ArrayLike<number>, count = numbers.length): boolean {
  for (let i = 1; i < count; i++) if (numbers[i]! < numbers[i - 1]!) return false;
  return true;
}

/**
 * The first `count` slots' positions ordered by slot, ties in field order (a stable sort); null
 * when they are in that order already (fields usually are).
 */
function bySlotOrder(slots: Int32Array, count: number): number[] | null {
  if (isAscending(slots, count)) return null;
  return Array.from({ length: count }, (_, i) => i).sort((a, b) => slots[a]! - slots[b]! || a - b);
}

/** One box of a date split into month, day and year boxes, as read. */
interface DatePartValue {
  part: DatePart;
  /** 0 = from, 1 = to. */
  slot: number;
  value: string;
}

/**
 * A date typed into month, day and year boxes, as one text the rules read ("03/15/2025"). Blank
 * when every box is; when only some are filled, a text that says which part is missing
 * ("03/?/2025"), which the rules report as a date they cannot read: never a guess.
 */
export function assembleDate(parts: readonly DatePartValue[]): string | undefined {
  const of = (part: DatePart) => parts.find((p) => p.part === part)?.value.trim() ?? '';
  const month = of('month');
  const day = of('day');
  const year = of('year');
  if (!month && !day && !year) return undefined;
  return `${month || '?'}/${day || '?'}/${year || '?'}`;
}

/** The line's from and to dates, from its month/day/year boxes (slot 0 from, 1 to). */
function setDatesFromParts(line: RawServiceLine, parts: readonly DatePartValue[]): void {
  const from = assembleDate(parts.filter((p) => p.slot === 0));
  const to = assembleDate(parts.filter((p) => p.slot === 1));
  if (from !== undefined) line.dateFrom = from;
  if (to !== undefined) line.dateTo = to;
}

/** A field of a claim with the value the claim's reading pass read. */
interface ReadField {
  field: DetectedField;
  value: string;
}

/**
 * Values one field holds for the whole claim (an encounter date, a place of service), as read in
 * the claim's reading pass: each line that has none of its own takes them.
 */
function applyClaimWide(lines: RawServiceLine[], claimWide: readonly ReadField[]): void {
  const dates = claimWide.filter(({ field }) => field.role === 'dos');
  const pos = claimWide.find(({ field }) => field.role === 'pos');
  const shared: RawServiceLine = { index: 0, code: '', modifiers: [] };
  if (dates.some(({ field }) => field.part)) {
    setDatesFromParts(shared, dates.filter(({ field }) => field.part).map(({ field, value }) => ({ part: field.part!, slot: field.slot ?? 0, value })));
  } else {
    const from = dates.find(({ field }) => field.slot !== 1) ?? dates[0];
    const to = dates.find((date) => date !== from);
    if (from) shared.dateFrom = from.value;
    if (to) shared.dateTo = to.value;
  }
  const placeOfService = pos?.value;
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  for (const line of lines) {
    if (blank(line.dateFrom) && shared.dateFrom !== undefined) line.dateFrom = shared.dateFrom;
    if (blank(line.dateTo) && shared.dateTo !== undefined) line.dateTo = shared.dateTo;
    if (blank(line.placeOfService) && placeOfService !== undefined) line.placeOfService = placeOfService;
  }
}

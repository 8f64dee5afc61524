import type { RawClaim, RawServiceLine } from '../rules/claim';
import type { DetectedClaim, FieldElement, FieldValues } from './types';

/** Longest value handed to the rules; a field holding more is not a claim value anyway. */
const MAX_VALUE = 10_000;

/** The field's current value exactly as typed (for a <select>, the chosen option's value or text). */
export function readValue(element: FieldElement): string {
  try {
    let value: unknown;
    if (element.localName === 'select') {
      const select = element as HTMLSelectElement;
      const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
      value = option ? (option.value !== '' ? option.value : option.text) : select.value;
    } else {
      value = element.value;
    }
    const text = typeof value === 'string' ? value : value == null ? '' : String(value);
    return text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) : text;
  } catch {
    return '';
  }
}

/** One service line's values while they are read (modifiers and dates in field order, with their slots). */
interface LineEntry {
  line: RawServiceLine;
  modifierSlots: number[];
  modifierValues: string[];
  pointers: string[];
  dateSlots: number[];
  dateValues: string[];
}

/**
 * Reads a detected claim's current values, without normalizing them (that is the rules'
 * `normalizeClaim`). Never throws: an unreadable field reads as "". `values`: the fields' values
 * just read by the watcher, in this same task (read from the page for a field it lacks).
 */
export function readRawClaim(claim: DetectedClaim, values?: FieldValues): RawClaim {
  const diagnosisCodes: string[] = [];
  // Lines by index, and the indices in the order first seen (fields come line by line: usually sorted).
  const entries = new Map<number, LineEntry>();
  const indices: number[] = [];
  let sorted = true;
  let entry: LineEntry | undefined;
  const fields = claim?.fields ?? [];
  // (Indexed loop, one line's entry kept between its fields: a first marking runs this once over 5,500 fields, cold.)
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    try {
      const value = values?.get(field.element) ?? readValue(field.element);
      if (field.role === 'dx') {
        diagnosisCodes.push(value);
        continue;
      }
      const index = field.line;
      if (index === null || index === undefined) continue;
      if (entry?.line.index !== index) {
        entry = entries.get(index);
        if (!entry) {
          entry = { line: { index, code: '', modifiers: [] }, modifierSlots: [], modifierValues: [], pointers: [], dateSlots: [], dateValues: [] };
          entries.set(index, entry);
          if (indices.length && index < indices[indices.length - 1]!) sorted = false;
          indices.push(index);
        }
      }
      switch (field.role) {
        case 'cpt':
          entry.line.code = entry.line.code ? `${entry.line.code} ${value}` : value;
          break;
        case 'modifier':
          entry.modifierSlots.push(field.slot ?? 101 + i);
          entry.modifierValues.push(value);
          break;
        case 'units':
          entry.line.units = value;
          break;
        case 'dos':
          entry.dateSlots.push(field.slot ?? entry.dateSlots.length);
          entry.dateValues.push(value);
          break;
        case 'pos':
          entry.line.placeOfService = value;
          break;
        case 'pointer':
          entry.pointers.push(value);
          break;
        case 'revenue':
          entry.line.revenueCode = value;
          break;
        case 'charge':
          entry.line.charge = value;
          break;
      }
    } catch {
      // One unreadable field never costs the claim.
    }
  }
  if (!sorted) indices.sort((a, b) => a - b);
  const out: RawServiceLine[] = [];
  for (let k = 0; k < indices.length; k++) {
    const { line, modifierSlots, modifierValues, pointers, dateSlots, dateValues } = entries.get(indices[k]!)!;
    line.modifiers = bySlot(modifierSlots, modifierValues);
    if (pointers.length === 1) line.diagnosisPointers = pointers[0]!;
    else if (pointers.length > 1) line.diagnosisPointers = pointers.filter((p) => p.trim() !== '').join(',');
    if (dateSlots.length) {
      const dates = bySlotOrder(dateSlots);
      const fromAt = dates.find((d) => dateSlots[d] === 0) ?? (dateSlots[dates[0]!] !== 1 ? dates[0] : undefined);
      const toAt = dates.find((d) => dateSlots[d] === 1 && d !== fromAt) ?? dates.find((d) => d !== fromAt);
      if (fromAt !== undefined) line.dateFrom = dateValues[fromAt];
      if (toAt !== undefined) line.dateTo = dateValues[toAt];
    }
    out.push(line);
  }
  return { formType: claim?.formType ?? 'unknown', diagnosisCodes, lines: out };
}

/** True when no slot comes before a smaller one (fields usually are in slot order). */
function inSlotOrder(slots: readonly number[]): boolean {
  for (let i = 1; i < slots.length; i++) if (slots[i]! < slots[i - 1]!) return false;
  return true;
}

/** The positions of `slots` ordered by slot, ties in field order (a stable sort, skipped when already in order). */
function bySlotOrder(slots: readonly number[]): number[] {
  const order = slots.map((_, i) => i);
  return inSlotOrder(slots) ? order : order.sort((a, b) => slots[a]! - slots[b]! || a - b);
}

/** `values` ordered by their slots (see bySlotOrder). */
function bySlot(slots: readonly number[], values: string[]): string[] {
  return inSlotOrder(slots) ? values : bySlotOrder(slots).map((k) => values[k]!);
}

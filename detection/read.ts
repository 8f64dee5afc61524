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

/**
 * Reads a detected claim's current values, without normalizing them (that is the rules'
 * `normalizeClaim`). Never throws: an unreadable field reads as "". `values`: the fields' values
 * just read by the watcher, in this same task (read from the page for a field it lacks).
 */
export function readRawClaim(claim: DetectedClaim, values?: FieldValues): RawClaim {
  const diagnosisCodes: string[] = [];
  const lines = new Map<number, { line: RawServiceLine; modifiers: Array<{ slot: number; value: string }>; pointers: string[]; dates: Array<{ slot: number; value: string }> }>();
  const lineFor = (index: number) => {
    let entry = lines.get(index);
    if (!entry) {
      entry = { line: { index, code: '', modifiers: [] }, modifiers: [], pointers: [], dates: [] };
      lines.set(index, entry);
    }
    return entry;
  };
  let order = 0;
  const fields = claim?.fields ?? [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    try {
      order++;
      const value = values?.get(field.element) ?? readValue(field.element);
      if (field.role === 'dx') {
        diagnosisCodes.push(value);
        continue;
      }
      if (field.line === null || field.line === undefined) continue;
      const entry = lineFor(field.line);
      switch (field.role) {
        case 'cpt':
          entry.line.code = entry.line.code ? `${entry.line.code} ${value}` : value;
          break;
        case 'modifier':
          entry.modifiers.push({ slot: field.slot ?? 100 + order, value });
          break;
        case 'units':
          entry.line.units = value;
          break;
        case 'dos':
          entry.dates.push({ slot: field.slot ?? entry.dates.length, value });
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
  const out: RawServiceLine[] = [];
  for (const index of [...lines.keys()].sort((a, b) => a - b)) {
    const { line, modifiers, pointers, dates } = lines.get(index)!;
    line.modifiers = modifiers.sort((a, b) => a.slot - b.slot).map((m) => m.value);
    if (pointers.length === 1) line.diagnosisPointers = pointers[0]!;
    else if (pointers.length > 1) line.diagnosisPointers = pointers.filter((p) => p.trim() !== '').join(',');
    dates.sort((a, b) => a.slot - b.slot);
    const from = dates.find((d) => d.slot === 0) ?? (dates[0]?.slot !== 1 ? dates[0] : undefined);
    const to = dates.find((d) => d.slot === 1 && d !== from) ?? dates.find((d) => d !== from);
    if (from) line.dateFrom = from.value;
    if (to) line.dateTo = to.value;
    out.push(line);
  }
  return { formType: claim?.formType ?? 'unknown', diagnosisCodes, lines: out };
}

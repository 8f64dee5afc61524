import type { Claim, RawClaim, RawServiceLine, ServiceLine } from './claim';
import { parseUsDate } from './dates';

/** Any text field, as typed: trimmed, inner whitespace (incl. NBSP and zero-width) collapsed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return ''; // most fields of a long claim are blank
  return value.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

const TOKEN_SEPARATOR = /[\s,;/|\-–—_+]+/;

/** Splits "26,59", "26 59", "26-59", "26/59" into upper-case tokens. */
export function splitModifiers(text: string): string[] {
  const clean = cleanText(text);
  if (!clean) return [];
  return clean
    .toUpperCase()
    .split(TOKEN_SEPARATOR)
    .filter(Boolean);
}

/** "77372-59", "77372 59", " 77372 " → { code: "77372", modifiers: ["59"] }. */
export function splitCodeField(text: string): { code: string; modifiers: string[] } {
  const tokens = splitModifiers(text);
  return { code: tokens[0] ?? '', modifiers: tokens.slice(1) };
}

/** "1", "1.0", "01", "2,0" → number; blank or anything else → undefined. */
export function parseUnits(text: string | undefined): number | undefined {
  const value = cleanText(text);
  if (!/^\d{1,6}(?:[.,]\d{1,4})?$/.test(value)) return undefined;
  return Number(value.replace(',', '.'));
}

/** "$1,250.00" → 1250. */
export function parseCharge(text: string | undefined): number | undefined {
  const value = cleanText(text).replace(/[$\s]/g, '').replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (!/^\d{1,9}(?:\.\d{1,2})?$/.test(value)) return undefined;
  return Number(value);
}

/** ICD-10-CM with or without the dot, any case: "c7931" → "C79.31"; odd shapes kept upper-cased. */
export function normalizeIcd10(text: string): string {
  const value = cleanText(text).toUpperCase().replace(/\s/g, '');
  const bare = value.replace(/\./g, '');
  if (/^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/.test(bare)) return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
  return value;
}

/** "AB", "A,B", "1,2", "1 2" → ["A","B"] / ["1","2"]; a lone number ≤ 12 stays one pointer. */
export function parsePointers(text: string | undefined): string[] {
  const value = cleanText(text).toUpperCase();
  if (!value) return [];
  const tokens = value.split(/[\s,;/|\-]+/).filter(Boolean);
  const out: string[] = [];
  for (const token of tokens) {
    if (/^[A-L]+$/.test(token)) out.push(...token.split(''));
    else if (/^\d{1,2}$/.test(token)) out.push(String(Number(token)));
    else out.push(token);
  }
  return out;
}

function normalizeDate(text: string | undefined): { iso?: string; unreadable: boolean; text: string } {
  const value = cleanText(text);
  if (!value) return { unreadable: false, text: value };
  const iso = parseUsDate(value);
  return iso ? { iso, unreadable: false, text: value } : { unreadable: true, text: value };
}

export function normalizeLine(raw: RawServiceLine): ServiceLine {
  const { code, modifiers: fromCode } = splitCodeField(raw.code);
  const modifiers = [...fromCode];
  for (const field of Array.isArray(raw.modifiers) ? raw.modifiers : []) modifiers.push(...splitModifiers(field));
  const unitsText = cleanText(raw.units);
  const from = normalizeDate(raw.dateFrom);
  const to = normalizeDate(raw.dateTo);
  const line: ServiceLine = {
    index: typeof raw.index === 'number' && Number.isFinite(raw.index) ? raw.index : 0,
    code,
    modifiers,
    diagnosisPointers: parsePointers(raw.diagnosisPointers),
  };
  const units = parseUnits(unitsText);
  if (units !== undefined) line.units = units;
  if (unitsText) line.unitsText = unitsText;
  if (from.iso) line.dateFrom = from.iso;
  if (to.iso) line.dateTo = to.iso;
  if (from.unreadable || to.unreadable) line.dateUnreadable = true;
  if (from.unreadable) line.dateFromText = from.text;
  if (to.unreadable) line.dateToText = to.text;
  const pos = cleanText(raw.placeOfService);
  if (pos) line.placeOfService = pos;
  const revenue = cleanText(raw.revenueCode);
  if (revenue) line.revenueCode = revenue;
  const charge = parseCharge(raw.charge);
  if (charge !== undefined) line.charge = charge;
  return line;
}

/** What coders really type → the claim model the rules read. Never throws on any strings. */
export function normalizeClaim(raw: RawClaim): Claim {
  const rawLines = Array.isArray(raw?.lines) ? raw.lines : [];
  const lines = rawLines
    .map((line, order) => ({ line: normalizeLine(line), order }))
    .sort((a, b) => a.line.index - b.line.index || a.order - b.order)
    .map(({ line }) => line);
  const diagnosisCodes = (Array.isArray(raw?.diagnosisCodes) ? raw.diagnosisCodes : []).map(normalizeIcd10).filter(Boolean);
  const formType = raw?.formType === 'professional' || raw?.formType === 'institutional' ? raw.formType : 'unknown';
  return { formType, diagnosisCodes, lines };
}

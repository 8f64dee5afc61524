/**
 * Text handling for evidence: normalization of labels and tokenization of field names.
 * Everything here is total: any string (empty, 10,000 characters, emoji, RTL) gives a result.
 */

/** Longest text we look at in one evidence source; labels longer than this are not labels. */
export const MAX_TEXT = 300;

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Splits words the way field names and labels glue them: camelCase, snake_case, kebab-case,
 * brackets, dots, letters next to digits. `svc[2].proc` → svc 2 proc; `lines.0.cptCode` →
 * lines 0 cpt code; `line_3_mod1` → line 3 mod 1; `CPTCode` → cpt code; `Date(s)` → dates.
 * (A scan tokenizes every field's name and labels: ASCII text takes a one-pass path.)
 */
export function tokenize(input: string): string[] {
  let text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  if (NON_ASCII.test(text)) return tokenizeByRules(text);
  if (text.includes('(')) text = text.replace(PLURAL_S, pluralS);
  if (text.includes('#')) text = text.replace(HASH, ' number ');
  const tokens: string[] = [];
  asciiTokens(text, (token) => tokens.push(token));
  return tokens;
}

/**
 * One pass over ASCII text: words are runs of letters and digits, split where lower case meets
 * upper case, where letters meet digits, and before the last capital of a run followed by lower
 * case (CPTCode → CPT Code). `attached` is true when a word follows the previous one directly.
 */
function asciiTokens(text: string, emit: (token: string, attached: boolean) => void): void {
  // Tokens are cut out of the text (start…i) rather than built a character at a time.
  let start = -1;
  let attached = false;
  let previous = OTHER;
  for (let i = 0; i < text.length; i++) {
    const kind = charKind(text.charCodeAt(i));
    if (kind === OTHER) {
      if (start >= 0) emit(text.slice(start, i).toLowerCase(), attached);
      start = -1;
      attached = false;
      previous = OTHER;
      continue;
    }
    if (start < 0) start = i;
    else if (
      (previous === LOWER && kind === UPPER) ||
      (previous === DIGIT) !== (kind === DIGIT) ||
      (previous === UPPER && kind === UPPER && charKind(text.charCodeAt(i + 1)) === LOWER)
    ) {
      emit(text.slice(start, i).toLowerCase(), attached);
      start = i;
      attached = true;
    }
    previous = kind;
  }
  if (start >= 0) emit(text.slice(start).toLowerCase(), attached);
}

const NON_ASCII = /[^\x00-\x7f]/;
const PLURAL_S = /([A-Za-z]?)\(s\)/gi;
/** "Date(s)" → "Dates", "DATE(S)" → "DATES": the s in the word's own case, so that case changes do not split it. */
const pluralS = (_match: string, before: string) => `${before}${before && before === before.toUpperCase() ? 'S' : 's'}`;
const HASH = /#/g;
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function charKind(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  return OTHER;
}

/** The general definition (any script): the ASCII path above gives the same tokens, faster. */
export function tokenizeByRules(text: string): string[] {
  const spaced = text
    .replace(PLURAL_S, pluralS)
    .replace(HASH, ' number ')
    .replace(/([a-z\u00e0-\u00ff])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z\u00c0-\u00ff])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z\u00c0-\u00ff])/g, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '');
  return spaced.split(/[^a-z0-9]+/).filter(Boolean);
}

/** Normalized text for display-free comparisons: tokens joined by single spaces. */
export function normalize(input: string): string {
  return tokenize(input).join(' ');
}

export interface NameToken {
  text: string;
  /** True when this token had no separator before it in the original (`mod1`: "1" is attached). */
  attached: boolean;
}

/** Tokenizes a name or id keeping whether digits were glued to the word before them. */
export function tokenizeName(input: string): NameToken[] {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const out: NameToken[] = [];
  if (NON_ASCII.test(text)) {
    for (const chunk of text.split(/[^A-Za-z0-9\u00c0-\u00ff]+/)) {
      if (!chunk) continue;
      const parts = tokenize(chunk);
      parts.forEach((part, index) => out.push({ text: part, attached: index > 0 }));
    }
    return out;
  }
  // ASCII: the chunks are runs of letters and digits, and no chunk holds "(s)" or "#".
  asciiTokens(text, (token, attached) => out.push({ text: token, attached }));
  return out;
}

/** Tokens before a number that make it something other than a line index (icd10, box24, ub04). */
const NOT_LINE_NUMBER = new Set(['icd', 'cie', 'box', 'fl', 'cms', 'ub', 'hcfa', 'x', 'page', 'step', 'v', 'tab']);
/** Short box prefixes: a number glued to one and to a letter after it is a form locator (`b24d_3`: box 24D, line 3). */
const BOX_PREFIX = new Set(['b', 'bx', 'loc']);
const LINE_WORDS = new Set(['line', 'lines', 'ln', 'svc', 'service', 'services', 'row', 'rows', 'item', 'items', 'detail',
  'details', 'sl', 'linea', 'lineas', 'renglon', 'fila', 'entry', 'entries']);
const SLOT_WORDS = new Set(['mod', 'modifier', 'modif', 'modificador', 'ptr', 'pointer', 'dx', 'diag']);

export interface NameIndices {
  /** The number that identifies the service line ("3" in line_3_mod1), as written. */
  line?: number;
  /** A number glued to a slot word ("1" in mod1). */
  slot?: number;
}

/**
 * Reads the line index and slot out of a field's name or id. Numbers glued to a modifier word
 * (`mod1`) are slots; numbers in brackets, after a line word, or otherwise free are the line.
 */
export function nameIndices(input: string): NameIndices {
  const tokens = tokenizeName(input);
  const numbers = new NumberReader();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (/^\d+$/.test(token.text)) numbers.read(readingOf(token, tokens[i - 1]?.text, tokens[i + 1]), Number(token.text));
  }
  return numbers.indices();
}

/**
 * How `nameIndices` reads one number of a name, from the word before it alone: not a line number
 * (`icd10`), a slot if it is 1–12 and no slot came before (`mod1`), the line if none came before
 * (`line_3`), or a free number (the first free one is the line when no line word names one).
 */
export type DigitRunReading = 'skip' | 'slot' | 'line' | 'free';

function readingOf(token: NameToken, previous: string | undefined, next: NameToken | undefined): DigitRunReading {
  if (token.text.length > 5) return 'skip';
  if (previous === undefined) return 'free';
  if (NOT_LINE_NUMBER.has(previous) && token.attached) return 'skip';
  if (BOX_PREFIX.has(previous) && token.attached && next?.attached && /^[a-q]$/.test(next.text)) return 'skip';
  if (SLOT_WORDS.has(previous) && token.attached) return 'slot';
  if (LINE_WORDS.has(previous)) return 'line';
  return 'free';
}

/** A name's numbers, read one after the other as their readings say, into a line and a slot. */
class NumberReader {
  // (One reader per name read: a small local object, no state shared between calls.)
  private slot: number | undefined = undefined;
  private explicitLine: number | undefined = undefined;
  private firstFree: number | undefined = undefined;

  read(reading: DigitRunReading, value: number): void {
    if (reading === 'skip') return;
    if (reading === 'slot' && this.slot === undefined && value >= 1 && value <= 12) this.slot = value;
    else if (reading === 'line' && this.explicitLine === undefined) this.explicitLine = value;
    else this.firstFree ??= value;
  }

  indices(): NameIndices {
    // (Both properties always: one object shape, no property added later. Absent ones are undefined.)
    return { line: this.explicitLine ?? this.firstFree, slot: this.slot };
  }
}

/**
 * The reading of each digit run of a name, in order. It depends only on the words around the
 * numbers, so it holds for every name that differs from this one only in its digits (the same
 * field in a repeated row): `nameIndicesAs` then reads such a name without tokenizing it. Null
 * for names tokenized otherwise (non-ASCII, longer than MAX_TEXT).
 */
export function digitRunReadings(input: string): DigitRunReading[] | null {
  if (input.length > MAX_TEXT || NON_ASCII.test(input)) return null;
  const tokens = tokenizeName(input);
  const readings: DigitRunReading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (charKind(tokens[i]!.text.charCodeAt(0)) === DIGIT) readings.push(readingOf(tokens[i]!, tokens[i - 1]?.text, tokens[i + 1]));
  }
  return readings;
}

/**
 * `nameIndices(name)` for a name whose digit runs read as `readings` say (see digitRunReadings);
 * null when the name has another number of digit runs. The name is `input` from `start` to `end`
 * (a repeated row's field names are read where they stand in the row's markup: see repeat.ts).
 */
export function nameIndicesAs(readings: readonly DigitRunReading[], input: string, start = 0, end = input.length): NameIndices | null {
  // Each run's value is read in place (called for every field of a repeated row); runs longer than
  // 5 digits read as 'skip', so their value, however large, does not matter.
  const numbers = new NumberReader();
  let run = 0;
  for (let i = start; i < end; i++) {
    let code = input.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    const reading = readings[run++];
    if (reading === undefined) return null;
    let value = 0;
    for (; i < end && (code = input.charCodeAt(i)) >= 48 && code <= 57; i++) value = value * 10 + (code - 48);
    numbers.read(reading, value);
  }
  return run === readings.length ? numbers.indices() : null;
}

/** Box or form-locator numbers written in a label: "24D. CPT", "FL 42", "(Box 24A)", "67A Other dx". */
export function boxNumbers(input: string): string[] {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const found: string[] = [];
  const leading = /^\s*(?:(?:box|fl|form\s+locator|item|casilla|campo)\s*)?(\d{1,2})\s?([a-q])?(?=$|[\s.:)\-–])/i.exec(text);
  if (leading) found.push(`${leading[1]}${leading[2] ?? ''}`.toLowerCase());
  const inner = /(?:\b(?:box|fl|form\s+locator|casilla)\s*|\()(\d{1,2})\s?([a-q])?(?=$|[\s.:)\-–])/gi;
  for (let match = inner.exec(text); match; match = inner.exec(text)) {
    found.push(`${match[1]}${match[2] ?? ''}`.toLowerCase());
  }
  return found;
}

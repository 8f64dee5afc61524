import { FIELD_ROLES, type FieldRole } from './types';
import { FORM_BOXES, VOCABULARIES } from './vocabulary';
import { boxNumbers, MAX_TEXT, tokenize } from './text';

// Module state in this file is memoization only: each `let`/`Map` below holds either an index
// built once from the static vocabularies (`compiled`, `wordIndex`, `vocabularyByLength`,
// `maskSafety`) or the answers of a pure function of its text argument (`cache` for matchText,
// `shapes` for the word match of a text's digit shape, `nameCache` for matchName), bounded by
// CACHE_LIMIT. No call leaves state another call can observe except a faster, identical answer;
// the matches handed out are shared, so callers never change them.

/** What one piece of text says about a field. */
export interface TextMatch {
  /** Strength per role (0..1), the strongest phrase of each role found in the text. */
  roles: Partial<Record<FieldRole, number>>;
  /** Strongest negative phrase (0..1). */
  negative: number;
  /** 0 = "from"/"desde", 1 = "to"/"hasta", when the text says so. */
  range?: 0 | 1;
  /** A slot number written after a modifier/pointer word ("Modifier 2", "Mod #3"). */
  slot?: number;
  /** The text has no letters apart from a slot number or letter ("1", "A.", "From"). */
  qualifierOnly: boolean;
  /** Form-locator numbers found (lower case, "24d"). */
  boxes: string[];
}

interface Phrase {
  tokens: string[];
  role: FieldRole | 'negative';
  strength: number;
}

interface Compiled {
  byFirst: Map<string, Phrase[]>;
  /** Digit tokens that appear in vocabulary phrases ("10" in "ICD 10"): kept as written in shapes. */
  vocabularyDigits: Set<string>;
  /** No vocabulary phrase uses a stand-in digit run ("0", "00", "000"). */
  shapesAreSafe: boolean;
  from: Set<string>;
  to: Set<string>;
  slotWords: Set<string>;
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const byFirst = new Map<string, Phrase[]>();
  const add = (text: string, role: Phrase['role'], strength: number) => {
    const tokens = tokenize(text);
    const first = tokens[0];
    if (!first) return;
    const list = byFirst.get(first) ?? [];
    list.push({ tokens, role, strength });
    byFirst.set(first, list);
  };
  const from = new Set<string>();
  const to = new Set<string>();
  for (const vocabulary of VOCABULARIES) {
    for (const role of FIELD_ROLES) {
      for (const [phrase, strength] of Object.entries(vocabulary.roles[role] ?? {})) add(phrase, role, strength);
    }
    for (const [phrase, strength] of Object.entries(vocabulary.negative)) add(phrase, 'negative', strength);
    for (const word of vocabulary.slotFrom) from.add(normalizeWord(word));
    for (const word of vocabulary.slotTo) to.add(normalizeWord(word));
  }
  // Longest phrases first, so the first match at a position is the one to keep.
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const vocabularyDigits = new Set<string>();
  for (const list of byFirst.values()) for (const phrase of list) for (const token of phrase.tokens) if (/^\d+$/.test(token)) vocabularyDigits.add(token);
  const slotWords = new Set(['modifier', 'modifiers', 'mod', 'modif', 'modificador', 'modificadores', 'pointer', 'ptr', 'puntero']);
  const shapesAreSafe = !CANONICAL_DIGITS.some((digits) => digits && vocabularyDigits.has(digits));
  compiled = { byFirst, vocabularyDigits, shapesAreSafe, from, to, slotWords };
  return compiled;
}

function normalizeWord(word: string): string {
  return tokenize(word).join(' ');
}

/** matchText's answers by text (a memo of a pure function; cleared when full). */
const cache = new Map<string, TextMatch>();
const CACHE_LIMIT = 5000;

/**
 * Matches one evidence text against every vocabulary. Phrases are whole token sequences; where
 * matches overlap, the longer phrase wins (so "zip code" never counts as "code").
 */
export function matchText(text: string): TextMatch {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = matchesByShape(text) ? matchByShape(text) : computeMatch(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** The same match, computed from scratch every time (the definition `matchText` must agree with). */
export function computeMatch(text: string): TextMatch {
  const words = matchWords(tokenize(text));
  return withNumbers(words, HAS_DIGIT.test(text) ? boxNumbers(text) : NO_BOXES, words.slot);
}

/**
 * What the words of a text say, apart from the numbers written in it. Digit values only matter
 * through vocabulary phrases that contain them ("ICD 10"), their length (a 1–2 digit token is a
 * qualifier) and the slot digit; a "shape" keeps exactly that, so "Line 37 modifier 2" and
 * "Line 38 modifier 3" share one word match and only the numbers are read per text.
 */
interface WordMatch {
  roles: Partial<Record<FieldRole, number>>;
  negative: number;
  qualifierOnly: boolean;
  range?: 0 | 1;
  slot?: number;
  /** Which digit run of the text (0-based) holds the slot number. */
  slotDigitRun?: number;
  /** Form-locator numbers appear in the shape, so they do in every text of that shape. */
  hasBoxes?: boolean;
}

/** The word match of each digit shape (a memo of a pure function; cleared when full). */
const shapes = new Map<string, WordMatch>();

function matchByShape(text: string): TextMatch {
  const shape = shapeOf(text);
  let words = shapes.get(shape);
  if (!words) {
    words = matchWords(tokenize(shape));
    // Box numbers are 1–2 digits (kept as long in the shape) beside fixed words: same hits, other digits.
    words.hasBoxes = boxNumbers(shape).length > 0;
    if (shapes.size >= CACHE_LIMIT) shapes.clear();
    shapes.set(shape, words);
  }
  const slot = words.slotDigitRun === undefined ? undefined : Number(text.match(DIGIT_RUNS)?.[words.slotDigitRun]);
  return withNumbers(words, words.hasBoxes ? boxNumbers(text) : NO_BOXES, slot);
}

/**
 * The text with each digit run written as that many zeros, except runs that are vocabulary words
 * ("10" of "ICD 10"). Two texts alike once masked match the same words, have the same lengths and
 * differ only in numbers a match reads as such (slot, form locator): see `repeat.ts`. Null when a
 * vocabulary phrase uses a run of zeros, which masking would then create.
 */
export function maskDigits(text: string): string | null {
  if (!maskIsSafe()) return null;
  return replaceDigitRuns(text, (length) => '0'.repeat(length));
}

/** No vocabulary phrase uses a run of zeros (masking would make one up). */
function maskIsSafe(): boolean {
  return (maskSafety ??= ![...compile().vocabularyDigits].some((run) => /^0+$/.test(run)));
}
let maskSafety: boolean | undefined;

/**
 * A text taken apart at its digit runs, so that other texts can be compared with it once masked
 * without masking them (`alikeOnceMasked`): a row's masked copy is the largest allocation of a
 * first scan (half a megabyte on a 500-line claim).
 */
export interface MaskShape {
  length: number;
  /** Start and end of each digit run, in order: [start0, end0, start1, end1, …]. */
  runs: number[];
  /** The text before the first run, between runs, and after the last (no digit in any). */
  gaps: string[];
  /** Each run as written when it is a vocabulary word (masking keeps it), else ''. */
  kept: string[];
}

/** The shape of a text, or null when masking is not safe (see `maskDigits`). */
export function maskShapeOf(text: string): MaskShape | null {
  if (!maskIsSafe()) return null;
  const { vocabularyDigits } = compile();
  const runs: number[] = [];
  const gaps: string[] = [];
  const kept: string[] = [];
  let last = 0;
  DIGIT_RUNS.lastIndex = 0;
  for (let found = DIGIT_RUNS.exec(text); found; found = DIGIT_RUNS.exec(text)) {
    const end = found.index + found[0].length;
    gaps.push(text.slice(last, found.index));
    runs.push(found.index, end);
    kept.push(vocabularyDigits.has(found[0]) ? found[0] : '');
    last = end;
  }
  DIGIT_RUNS.lastIndex = 0;
  gaps.push(text.slice(last));
  return { length: text.length, runs, gaps, kept };
}

/**
 * True exactly when `maskDigits(text) === maskDigits(textOf(shape))`, read in place: the same length,
 * the same text between the shape's digit runs, digits where it has them (so the same runs), and
 * the same vocabulary words among those runs.
 */
export function alikeOnceMasked(text: string, shape: MaskShape): boolean {
  if (text.length !== shape.length) return false;
  const { runs, gaps, kept } = shape;
  if (!text.startsWith(gaps[0]!, 0)) return false;
  for (let run = 0; run < kept.length; run++) {
    const start = runs[2 * run]!;
    const end = runs[2 * run + 1]!;
    if (!text.startsWith(gaps[run + 1]!, end)) return false;
    const word = kept[run]!;
    if (word) {
      if (!text.startsWith(word, start)) return false;
      continue;
    }
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code < 48 || code > 57) return false;
    }
    if (isVocabularyRun(text, start, end)) return false;
  }
  return true;
}

/** Whether the digit run from `start` to `end` of `text` is a vocabulary word (no substring made). */
function isVocabularyRun(text: string, start: number, end: number): boolean {
  const words = (vocabularyByLength ??= groupByLength(compile().vocabularyDigits))[end - start];
  if (!words) return false;
  for (let i = 0; i < words.length; i++) if (text.startsWith(words[i]!, start)) return true;
  return false;
}
let vocabularyByLength: (string[] | undefined)[] | undefined;

function groupByLength(words: Iterable<string>): (string[] | undefined)[] {
  const byLength: (string[] | undefined)[] = [];
  for (const word of words) (byLength[word.length] ??= []).push(word);
  return byLength;
}

/**
 * For a text whose match states a slot, which of its digit runs holds it, when the match was made
 * by shape: then any text of the same shape reads its slot from that run (`slotInRun`).
 */
export function slotRunOf(text: string): number | undefined {
  if (matchText(text).slot === undefined || !matchesByShape(text)) return undefined;
  return shapes.get(shapeOf(text))?.slotDigitRun;
}

/**
 * The slot a text of the same shape as the one `slotRunOf` read states (the number in that run).
 * The text is `text` from `start` to `end`.
 */
export function slotInRun(text: string, run: number, start = 0, end = text.length): number | undefined {
  // The run-th digit run, read in place (called for every field of a repeated row).
  let seen = 0;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    const first = i;
    while (i + 1 < end && (code = text.charCodeAt(i + 1)) >= 48 && code <= 57) i++;
    if (seen++ === run) return Number(text.slice(first, i + 1));
  }
  return undefined;
}

/** True when `matchText` matches the text by its shape (and reads only its numbers from the text itself). */
function matchesByShape(text: string): boolean {
  return text.length <= MAX_TEXT && compile().shapesAreSafe && HAS_DIGIT.test(text);
}

function shapeOf(text: string): string {
  return replaceDigitRuns(text, (length) => CANONICAL_DIGITS[Math.min(length, 3)]!);
}

/** The text with each digit run that is not a vocabulary word replaced by `standIn(its length)`. */
function replaceDigitRuns(text: string, standIn: (length: number) => string): string {
  const { vocabularyDigits } = compile();
  return text.replace(DIGIT_RUNS, (run) => (vocabularyDigits.has(run) ? run : standIn(run.length)));
}

const DIGIT_RUNS = /\d+/g;
/** Stand-ins for a digit run by length (1, 2, 3+), none of them a vocabulary token. */
const CANONICAL_DIGITS = ['', '0', '00', '000'];

function matchWords(tokens: string[]): WordMatch {
  const { byFirst, from, to, slotWords } = compile();
  const roles: Partial<Record<FieldRole, number>> = {};
  let negative = 0;
  let i = 0;
  while (i < tokens.length) {
    const candidates = byFirst.get(tokens[i]!);
    let matched: Phrase | undefined;
    if (candidates) {
      for (let p = 0; p < candidates.length && !matched; p++) {
        const phrase = candidates[p]!;
        let k = 1;
        while (k < phrase.tokens.length && tokens[i + k] === phrase.tokens[k]) k++;
        if (k === phrase.tokens.length) matched = phrase;
      }
    }
    if (matched) {
      if (matched.role === 'negative') negative = Math.max(negative, matched.strength);
      else roles[matched.role] = Math.max(roles[matched.role] ?? 0, matched.strength);
      i += matched.tokens.length;
    } else {
      i += 1;
    }
  }
  const words: WordMatch = { roles, negative, qualifierOnly: tokens.length > 0 };
  let digitRuns = 0;
  const digitRunAt: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    digitRunAt.push(isDigit(token.charCodeAt(0)) ? digitRuns++ : -1);
    const isFrom = from.has(token);
    const isTo = !isFrom && to.has(token);
    if (isFrom) words.range ??= 0;
    else if (isTo) words.range ??= 1;
    if (words.qualifierOnly && !isFrom && !isTo && !isQualifier(token)) words.qualifierOnly = false;
  }
  for (let k = 0; k < tokens.length && words.slot === undefined; k++) {
    if (!slotWords.has(tokens[k]!)) continue;
    const at = tokens[k + 1] === 'number' ? k + 2 : k + 1;
    const next = tokens[at];
    if (next && next.length === 1 && isDigit(next.charCodeAt(0))) {
      words.slot = Number(next);
      words.slotDigitRun = digitRunAt[at];
    }
  }
  return words;
}

/** The full match: the words' verdict, the slot number and the form-locator numbers of this text. */
function withNumbers(words: WordMatch, boxes: string[], slot: number | undefined): TextMatch {
  let roles = words.roles;
  // A form-locator number speaks unless the words name another role outright ("24D Mod 1" is a modifier).
  for (const box of boxes) {
    const known = FORM_BOXES[box];
    if (!known) continue;
    const overruled = FIELD_ROLES.some((r) => r !== known.role && (roles[r] ?? 0) >= 0.8);
    if (overruled) continue;
    if (roles === words.roles) roles = { ...roles };
    roles[known.role] = Math.max(roles[known.role] ?? 0, known.strength);
  }
  const result: TextMatch = { roles, negative: words.negative, qualifierOnly: words.qualifierOnly, boxes };
  if (words.range !== undefined) result.range = words.range;
  if (slot !== undefined) result.slot = slot;
  return result;
}

const HAS_DIGIT = /\d/;
const NO_BOXES: string[] = Object.freeze([]) as unknown as string[];

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A slot number or letter on its own: 1 or 2 digits, or a–l. */
function isQualifier(token: string): boolean {
  if (token.length === 1) {
    const c = token.charCodeAt(0);
    return (c >= 48 && c <= 57) || (c >= 97 && c <= 108);
  }
  if (token.length === 2) {
    const a = token.charCodeAt(0);
    const b = token.charCodeAt(1);
    return a >= 48 && a <= 57 && b >= 48 && b <= 57;
  }
  return false;
}

/**
 * Matches a field's name or id, which programmers write: besides what `matchText` reads, glued
 * words (`SVCDATE` → svc date), common misspellings of long vocabulary words (`procedre`, one
 * edit away), and form-locator numbers after a box prefix (`b24d_3`: box 24D).
 */
export function matchName(text: string): TextMatch {
  if (!text) return matchText(text);
  // Names of one column differ in their digits only ("line_3_mod1", "line_4_mod1"): whether a name
  // needs more than matchText is decided once per shape.
  const shape = text.replace(DIGIT_RUNS, '0');
  let tolerant = needsTolerance.get(shape);
  if (tolerant === undefined) {
    // (A box number's digits matter: "b24d" is box 24D, "b99d" nothing. Such shapes are always read whole.)
    tolerant = BOX_IN_NAME.test(shape) || computeNameMatch(text) !== matchText(text);
    if (needsTolerance.size >= CACHE_LIMIT) needsTolerance.clear();
    needsTolerance.set(shape, tolerant);
  }
  if (!tolerant) return matchText(text);
  const hit = nameCache.get(text);
  if (hit) return hit;
  const result = computeNameMatch(text);
  if (nameCache.size >= CACHE_LIMIT) nameCache.clear();
  nameCache.set(text, result);
  return result;
}
/** matchName's answers by name (a memo of a pure function; cleared when full). */
const nameCache = new Map<string, TextMatch>();
/** Per name shape (digits as 0): whether it reads differently from `matchText` (memo of a pure function). */
const needsTolerance = new Map<string, boolean>();

function computeNameMatch(text: string): TextMatch {
  const tokens = tokenize(text);
  const { words } = vocabularyWords();
  const out: string[] = [];
  const boxes: string[] = [];
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A box prefix, its number and letter: b24d, box_24_d, fl42.
    const digits = tokens[i + 1];
    if (BOX_PREFIXES.has(token) && digits && /^\d{1,2}$/.test(digits)) {
      const letter = tokens[i + 2];
      const withLetter = letter && /^[a-q]$/.test(letter) ? `${digits}${letter}` : undefined;
      const box = withLetter && FORM_BOXES[withLetter] ? withLetter : FORM_BOXES[digits] ? digits : undefined;
      if (box) {
        boxes.push(box);
        i += box === withLetter ? 2 : 1;
        changed = true;
        continue;
      }
    }
    const parts = words.has(token) || token.length < 4 || /\d/.test(token) ? undefined : readingOfWord(token, words);
    if (parts) {
      out.push(...parts);
      changed = true;
    } else out.push(token);
  }
  if (!changed) return matchText(text);
  const matched = matchWords(out);
  return withNumbers(matched, boxes, matched.slot);
}

/** How an unknown word of a name reads (glued words, or the vocabulary word it misspells), memoized per word. */
function readingOfWord(token: string, words: ReadonlySet<string>): string[] | undefined {
  let reading = wordReadings.get(token);
  if (reading === undefined) {
    reading = splitGlued(token, words, 3) ?? nearestWord(token) ?? null;
    if (wordReadings.size >= CACHE_LIMIT) wordReadings.clear();
    wordReadings.set(token, reading);
  }
  return reading ?? undefined;
}
/** A memo of a pure function of the word (and the fixed vocabularies). */
const wordReadings = new Map<string, string[] | null>();

/** A box prefix before a number, in a name whose digits are written as 0. */
const BOX_IN_NAME = /(?:^|[^a-z])(?:b|bx|box|fl|loc|item)[_\-.]?0/i;

/**
 * Whether a name has a box prefix before a number (`b24d_3`, `box_20`): its digits decide whether
 * it names a form locator, so a name differing only in digits may read otherwise.
 */
export function hasBoxPrefix(name: string): boolean {
  return BOX_IN_NAME.test(name.replace(DIGIT_RUNS, '0'));
}

/** Prefixes portals put before a form-locator number in a field name. */
const BOX_PREFIXES: ReadonlySet<string> = new Set(['b', 'bx', 'box', 'fl', 'loc', 'item']);

/** A word glued from up to `depth` vocabulary words, each of two letters or more ("svcdate" → svc, date). */
function splitGlued(token: string, words: ReadonlySet<string>, depth: number): string[] | undefined {
  if (depth <= 0) return undefined;
  for (let cut = token.length - 2; cut >= 2; cut--) {
    const head = token.slice(0, cut);
    if (!words.has(head)) continue;
    const tail = token.slice(cut);
    if (words.has(tail)) return [head, tail];
    const rest = splitGlued(tail, words, depth - 1);
    if (rest) return [head, ...rest];
  }
  return undefined;
}

/** The one vocabulary word of six letters or more one edit (or one swap of neighbours) away from `token`. */
function nearestWord(token: string): string[] | undefined {
  if (token.length < 6) return undefined;
  const { byLength } = vocabularyWords();
  let found: string | undefined;
  for (let length = token.length - 1; length <= token.length + 1; length++) {
    for (const word of byLength.get(length) ?? []) {
      if (!withinOneEdit(token, word)) continue;
      if (found && found !== word) return undefined; // two words as near: no guess
      found = word;
    }
  }
  return found ? [found] : undefined;
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Every word of every vocabulary phrase (roles and negatives), and the long ones by length. */
function vocabularyWords(): { words: ReadonlySet<string>; byLength: ReadonlyMap<number, string[]> } {
  if (wordIndex) return wordIndex;
  const words = new Set<string>();
  for (const list of compile().byFirst.values()) for (const phrase of list) for (const token of phrase.tokens) if (!/\d/.test(token)) words.add(token);
  const byLength = new Map<number, string[]>();
  for (const word of words) if (word.length >= 6) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);
  return (wordIndex = { words, byLength });
}
let wordIndex: { words: ReadonlySet<string>; byLength: ReadonlyMap<number, string[]> } | undefined;

/** The strongest role in a match, if any. */
export function topRole(match: TextMatch): FieldRole | undefined {
  let best: FieldRole | undefined;
  let bestScore = 0;
  for (const role of FIELD_ROLES) {
    const score = match.roles[role] ?? 0;
    if (score > bestScore) {
      best = role;
      bestScore = score;
    }
  }
  return best;
}

export function hasRole(match: TextMatch): boolean {
  for (const role of FIELD_ROLES) if ((match.roles[role] ?? 0) > 0) return true;
  return false;
}

import { FIELD_ROLES, type FieldRole } from './types';
import { FORM_BOXES, VOCABULARIES } from './vocabulary';
import { boxNumbers, tokenize } from './text';

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
  const slotWords = new Set(['modifier', 'modifiers', 'mod', 'modif', 'modificador', 'modificadores', 'pointer', 'ptr', 'puntero']);
  compiled = { byFirst, from, to, slotWords };
  return compiled;
}

function normalizeWord(word: string): string {
  return tokenize(word).join(' ');
}

const cache = new Map<string, TextMatch>();
const CACHE_LIMIT = 5000;

const QUALIFIER = /^(?:\d{1,2}|[a-l])$/;

/**
 * Matches one evidence text against every vocabulary. Phrases are whole token sequences; where
 * matches overlap, the longer phrase wins (so "zip code" never counts as "code").
 */
export function matchText(text: string): TextMatch {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = computeMatch(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function computeMatch(text: string): TextMatch {
  const { byFirst, from, to, slotWords } = compile();
  const tokens = tokenize(text);
  const roles: Partial<Record<FieldRole, number>> = {};
  let negative = 0;
  let range: 0 | 1 | undefined;
  let slot: number | undefined;
  let qualifierOnly = tokens.length > 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    let matched: Phrase | undefined;
    for (const phrase of byFirst.get(token) ?? []) {
      if (phrase.tokens.every((t, k) => tokens[i + k] === t)) {
        matched = phrase;
        break;
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
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (from.has(token)) range ??= 0;
    else if (to.has(token)) range ??= 1;
    if (!QUALIFIER.test(token) && !from.has(token) && !to.has(token)) qualifierOnly = false;
    if (slotWords.has(token)) {
      const next = tokens[k + 1] === 'number' ? tokens[k + 2] : tokens[k + 1];
      if (next && /^\d$/.test(next)) slot ??= Number(next);
    }
  }
  const boxes = boxNumbers(text);
  // A form-locator number speaks unless the words name another role outright ("24D Mod 1" is a modifier).
  for (const box of boxes) {
    const known = FORM_BOXES[box];
    if (!known) continue;
    const overruled = FIELD_ROLES.some((r) => r !== known.role && (roles[r] ?? 0) >= 0.8);
    if (!overruled) roles[known.role] = Math.max(roles[known.role] ?? 0, known.strength);
  }
  const result: TextMatch = { roles, negative, qualifierOnly, boxes };
  if (range !== undefined) result.range = range;
  if (slot !== undefined) result.slot = slot;
  return result;
}

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

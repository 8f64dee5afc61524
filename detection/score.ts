/**
 * score: what one field is, from its evidence record alone. A pure function of the record and the
 * vocabularies (no DOM): every decision about words and weights lives here.
 */
import type { FieldEvidence, SourceKind } from './collect';
import { hasRole, matchName, matchText, type TextMatch } from './match';
import { tokenize } from './text';
import { FIELD_ROLES, type DatePart, type FieldRole } from './types';
import { PROFESSIONAL_BOXES } from './vocabulary';

export type { SourceKind } from './collect';

/** A role needs at least this much combined evidence to be marked anywhere. */
export const QUALIFY = 0.55;
/** Weaker evidence ("Date", "Amount", a date-shaped placeholder) counts only inside a detected service line. */
export const WEAK = 0.3;

export const SOURCE_WEIGHT: Record<SourceKind, number> = {
  label: 1,
  labelledby: 1,
  'aria-label': 1,
  title: 0.7,
  placeholder: 0.6,
  name: 0.8,
  header: 0.9,
  'header-upper': 0.45,
  left: 0.8,
  context: 0.6,
  section: 0.6,
  options: 0.7,
  shape: 1,
  autocomplete: 1,
};

/**
 * A name or id is written for programs, a caption for people: where a column caption or a label
 * names a role outright, the name's words for other roles (and its negatives) count this much.
 * (`SVCDATE_REF` under "Diagnosis pointer" is a pointer, not a date and not a reference number.)
 */
const NAME_UNDER_CAPTION = 0.25;
/** A caption or label names a role outright from this strength. */
const OUTRIGHT = 0.8;
/** A section heading speaks for fields whose own words are no stronger than this ("Code"). */
const GENERIC = 0.5;
/** Roles holding codes of at least three characters (CPT/HCPCS five, ICD-10-CM three, revenue four). */
const CODE_ROLES: readonly FieldRole[] = ['cpt', 'dx', 'revenue'];
const MIN_CODE_LENGTH = 3;

/** One piece of evidence read from the page, as scored. */
export interface Seen {
  kind: SourceKind;
  text: string;
  match: TextMatch;
  /** Adds to the role scores (group context and section headings are added separately). */
  scored: boolean;
  /** Scale of this source's roles other than the caption's, and of its negatives (see NAME_UNDER_CAPTION). */
  discount?: number;
}

/** Why a field has its role: one source's contribution. */
export interface Reason {
  kind: SourceKind;
  text: string;
  /** What it added to the role's score. */
  weight: number;
}

export interface Scored {
  role: FieldRole | null;
  score: number;
  /** Evidence below QUALIFY: only marked inside a service line found from stronger fields. */
  weak: boolean;
  negative: number;
  /** Modifier slot (1..4) or pointer slot written in a label, header or name. */
  slot?: number;
  /** Which source gave the slot (a repeated row must read the slot where the template did). */
  slotFrom?: { kind: SourceKind; text: string; nameAttribute?: 'name' | 'id' };
  /** The slot came from a header qualifier ("2" under "Modifier"), the same for every row. */
  slotFromHeaderQualifier: boolean;
  range?: 0 | 1;
  /** For a date box that holds one part of a date (MM | DD | YY). */
  part?: DatePart;
  /** CMS-1500 box 24 numbers seen in the field's labels. */
  professionalBox: boolean;
  /** Form-locator numbers were read from a source other than the column headers. */
  boxesOutsideHeaders: boolean;
  /** The group context was read, and it holds form-locator numbers. */
  contextBoxes: boolean;
  /** Which of name and id was read for words. */
  nameAttribute?: 'name' | 'id';
  /** The strongest contributions to the role, strongest first (at most three). */
  reasons: Reason[];
  /** Every piece of evidence, as scored. */
  seen: Seen[];
}

const NEGATIVE_ONLY: TextMatch = Object.freeze({ roles: {}, negative: 1, qualifierOnly: false, boxes: [] });

function rolesOnly(roles: Partial<Record<FieldRole, number>>): TextMatch {
  return { roles, negative: 0, qualifierOnly: false, boxes: [] };
}

const NON_CLAIM_AUTOCOMPLETE = /\b(?:name|given-name|family-name|additional-name|honorific-\w+|nickname|username|email|tel(?:-\w+)?|street-address|address-line\d|address-level\d|postal-code|country(?:-name)?|bday(?:-\w+)?|cc-\w+|organization(?:-title)?|new-password|current-password|one-time-code|sex|url|photo|impp|language)\b/;

/**
 * Decides what the evidence says the field is. `withReasons`: also rank the evidence for the role
 * (for "why this role"; scans leave it off).
 */
export function scoreEvidence(evidence: FieldEvidence, withReasons = false): Scored {
  const seen: Seen[] = [];
  for (const { kind, text } of evidence.texts) seen.push({ kind, text, match: matchText(text), scored: true });

  // Name and id tokens: the stronger of the two.
  const { name, id } = evidence;
  const nameMatch = matchName(name);
  const idMatch = matchName(id);
  const nameAttribute: 'name' | 'id' = bestOf(nameMatch, idMatch) === nameMatch ? 'name' : 'id';
  const nameSource = nameAttribute === 'name' ? name : id;
  if (nameSource.trim()) seen.push({ kind: 'name', text: nameSource, match: nameAttribute === 'name' ? nameMatch : idMatch, scored: true });

  // Column headers, nearest first: the first with a role is the header, the rest are context.
  let headerPrimaryFound = false;
  let headerSlot: number | undefined;
  let headerRange: 0 | 1 | undefined;
  for (const text of evidence.headers) {
    const match = matchText(text);
    if (!headerPrimaryFound && !hasRole(match)) {
      // A qualifier under a header ("1" under "Modifier", "From" under "Dates of service").
      if (match.qualifierOnly) {
        const digit = /^\s*(\d)\s*\.?\s*$/.exec(text);
        if (digit) headerSlot ??= Number(digit[1]);
        if (match.range !== undefined) headerRange ??= match.range;
      }
      if (match.negative > 0) seen.push({ kind: 'header', text, match, scored: true });
      continue;
    }
    const kind: SourceKind = headerPrimaryFound ? 'header-upper' : 'header';
    headerPrimaryFound = true;
    seen.push({ kind, text, match, scored: true });
    if (match.range !== undefined) headerRange ??= match.range;
  }

  if (evidence.options) seen.push({ kind: 'options', text: '(options)', match: rolesOnly(evidence.options), scored: true });
  if (evidence.shape) seen.push({ kind: 'shape', text: '(shape)', match: rolesOnly(evidence.shape), scored: true });

  let negative = 0;
  if (evidence.autocomplete && NON_CLAIM_AUTOCOMPLETE.test(evidence.autocomplete)) {
    negative += SOURCE_WEIGHT.autocomplete;
    seen.push({ kind: 'autocomplete', text: evidence.autocomplete, match: NEGATIVE_ONLY, scored: false });
  }

  discountNamesUnderCaptions(seen);

  const scores: Partial<Record<FieldRole, number>> = {};
  let anyOwnRole = false;
  /** The strongest role a caption or label (words people read) gives. */
  let shownStrongest = 0;
  // (Indexed loops: this runs cold, where each for-of step allocates.)
  for (let s = 0; s < seen.length; s++) {
    const { kind, match, scored, discount } = seen[s]!;
    if (!scored) continue;
    const weight = SOURCE_WEIGHT[kind];
    negative += weight * match.negative * (discount ?? 1);
    for (let k = 0; k < FIELD_ROLES.length; k++) {
      const r = FIELD_ROLES[k]!;
      const strength = match.roles[r];
      if (!strength) continue;
      const scale = discount !== undefined && r !== captionRoleOf(seen) ? discount : 1;
      scores[r] = (scores[r] ?? 0) + weight * strength * scale;
      if (kind !== 'shape') anyOwnRole = true;
      if (kind !== 'shape' && kind !== 'name') shownStrongest = Math.max(shownStrongest, strength * scale);
    }
  }

  let contextBoxes = false;
  // Group context (fieldset legend, labelled group) only speaks for fields that say nothing themselves.
  if (!anyOwnRole && negative === 0 && evidence.context) addSurrounding(seen, scores, 'context', evidence.context, () => (contextBoxes = true));
  // A section heading ("Diagnoses") speaks for fields whose own words are generic ("Code").
  if (shownStrongest <= GENERIC && negative === 0 && evidence.section) addSurrounding(seen, scores, 'section', evidence.section);

  // A box too short for a code cannot hold one (the one-letter POA indicator beside a diagnosis).
  if (evidence.maxLength !== null && evidence.maxLength < MIN_CODE_LENGTH) for (const role of CODE_ROLES) delete scores[role];

  let best: FieldRole | null = null;
  let score = 0;
  for (let k = 0; k < FIELD_ROLES.length; k++) {
    const r = FIELD_ROLES[k]!;
    const s = scores[r] ?? 0;
    if (s > score) {
      best = r;
      score = s;
    }
  }

  const result: Scored = {
    role: null,
    score,
    weak: false,
    negative,
    slotFromHeaderQualifier: false,
    professionalBox: seen.some(({ scored, match }) => scored && match.boxes.some((b) => PROFESSIONAL_BOXES.has(b))),
    boxesOutsideHeaders: seen.some(({ kind, match, scored }) => scored && match.boxes.length > 0 && kind !== 'header' && kind !== 'header-upper'),
    contextBoxes,
    nameAttribute: nameSource ? nameAttribute : undefined,
    reasons: [],
    seen,
  };
  if (!best || score < WEAK || negative * 2 >= score) return result;
  result.role = best;
  result.weak = score < QUALIFY;
  if (withReasons) result.reasons = reasonsFor(best, seen);

  // Slot and range, from the most explicit source that states one.
  for (let o = 0; o < SLOT_ORDER.length; o++) {
    const kind = SLOT_ORDER[o]!;
    for (let s = 0; s < seen.length; s++) {
      const { kind: k, match, scored, text } = seen[s]!;
      if (k !== kind || !scored) continue;
      if (match.slot !== undefined && result.slot === undefined) {
        result.slot = match.slot;
        result.slotFrom = k === 'name' ? { kind: k, text, nameAttribute } : { kind: k, text };
      }
      if (match.range !== undefined) result.range ??= match.range;
    }
  }
  if (result.slot === undefined && headerSlot !== undefined) {
    result.slot = headerSlot;
    result.slotFromHeaderQualifier = true;
  }
  if (result.range === undefined && headerRange !== undefined) result.range = headerRange;
  if (best === 'dos') {
    const part = datePartOf(evidence);
    if (part) result.part = part;
  }
  return result;
}

/** Where a slot or a range is read first. */
const SLOT_ORDER: readonly SourceKind[] = ['aria-label', 'label', 'labelledby', 'header', 'placeholder', 'title', 'left', 'name'];

/** The role a column caption or a label names outright, if any (the strongest such). */
function captionRoleOf(seen: readonly Seen[]): FieldRole | undefined {
  let role: FieldRole | undefined;
  let strength = 0;
  for (const { kind, match } of seen) {
    if (!CAPTION_KINDS.has(kind)) continue;
    for (const r of FIELD_ROLES) {
      const s = match.roles[r] ?? 0;
      if (s >= OUTRIGHT && s > strength) {
        role = r;
        strength = s;
      }
    }
  }
  return role;
}

/** Sources people read: a column caption or a label. */
const CAPTION_KINDS: ReadonlySet<SourceKind> = new Set(['header', 'label', 'labelledby', 'aria-label']);

/** Under a caption that names a role outright, a name's other words count little (see NAME_UNDER_CAPTION). */
function discountNamesUnderCaptions(seen: Seen[]): void {
  const caption = captionRoleOf(seen);
  if (!caption) return;
  for (const entry of seen) if (entry.kind === 'name') entry.discount = NAME_UNDER_CAPTION;
}

/** Adds the words of a group legend or section heading (not a field's own words) to the scores. */
function addSurrounding(seen: Seen[], scores: Partial<Record<FieldRole, number>>, kind: 'context' | 'section', text: string, onBoxes?: () => void): void {
  const match = matchText(text);
  seen.push({ kind, text, match, scored: false });
  if (match.boxes.length) onBoxes?.();
  for (let k = 0; k < FIELD_ROLES.length; k++) {
    const r = FIELD_ROLES[k]!;
    const strength = match.roles[r];
    if (strength) scores[r] = (scores[r] ?? 0) + SOURCE_WEIGHT[kind] * strength;
  }
}

/** The strongest contributions to `role`, strongest first. */
function reasonsFor(role: FieldRole, seen: readonly Seen[]): Reason[] {
  const caption = captionRoleOf(seen);
  const reasons: Reason[] = [];
  for (const { kind, text, match, discount } of seen) {
    const strength = match.roles[role];
    if (!strength) continue;
    const scale = discount !== undefined && role !== caption ? discount : 1;
    reasons.push({ kind, text, weight: SOURCE_WEIGHT[kind] * strength * scale });
  }
  return reasons.sort((a, b) => b.weight - a.weight).slice(0, 3);
}

function bestOf(a: TextMatch, b: TextMatch): TextMatch {
  const total = (m: TextMatch) => Object.values(m.roles).reduce((x, y) => x + (y ?? 0), 0) + m.negative;
  return total(b) > total(a) ? b : a;
}

/** Words that name one part of a date, by language (compared as whole tokens). */
const PART_WORDS: Record<DatePart, ReadonlySet<string>> = {
  month: new Set(['mm', 'mo', 'mon', 'month', 'mes', 'mth']),
  day: new Set(['dd', 'dy', 'day', 'dia']),
  year: new Set(['yy', 'yyyy', 'yr', 'year', 'ano', 'aa', 'aaaa', 'ccyy']),
};
const PARTS = Object.keys(PART_WORDS) as DatePart[];

/**
 * Which part of a date a box holds, when a text of its own says exactly one ("MM", "Day",
 * "dos_from_yy"); undefined for a whole date ("MM/DD/YYYY" names three).
 */
function datePartOf(evidence: FieldEvidence): DatePart | undefined {
  const texts = [
    ...evidence.texts.filter((t) => t.kind !== 'left').map((t) => t.text),
    ...evidence.headers.slice(0, 1),
    evidence.name,
    evidence.id,
  ];
  for (const text of texts) {
    if (!text) continue;
    const tokens = tokenize(text);
    const found = PARTS.filter((part) => tokens.some((token) => PART_WORDS[part].has(token)));
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

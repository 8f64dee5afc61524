import { FIELD_ROLES, type FieldElement, type FieldRole } from './types';
import { hasRole, matchText, slotInRun, slotRunOf, type TextMatch } from './match';
import { CLAIM_SCOPE, FIELD_SELECTOR, isCandidateKind, isExcludedByMarkup, isRenderedByStyle, safeDom, textOf, isFieldElement } from './dom';
import { headerTexts, createHeaderCache, type HeaderCache } from './headers';
import { digitRunReadings, MAX_TEXT, nameIndices, nameIndicesAs, type DigitRunReading } from './text';
import { MODIFIER_CODES, PROFESSIONAL_BOXES, VOCABULARIES } from './vocabulary';
import { createRepeatMemo, rowPlaceOf, type RepeatMemo } from './repeat';
import { correctedVerdict, type PageCorrections } from './corrections';

/** A role needs at least this much combined evidence to be marked anywhere. */
export const QUALIFY = 0.55;
/** Weaker evidence ("Date", "Amount", a date-shaped placeholder) counts only inside a detected service line. */
export const WEAK = 0.3;

/** Where a piece of evidence came from, and how much it is trusted. */
export type SourceKind =
  | 'label' | 'labelledby' | 'aria-label' | 'title' | 'placeholder' | 'name' | 'header' | 'header-upper'
  | 'left' | 'context' | 'options' | 'shape' | 'autocomplete';

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
  options: 0.7,
  shape: 1,
  autocomplete: 1,
};

export interface Evidence {
  kind: SourceKind;
  text: string;
  roles: Partial<Record<FieldRole, number>>;
  negative: number;
}

/** The verdict on one field, cached per element by the watcher. */
export interface Qualification {
  role: FieldRole | null;
  score: number;
  /** Evidence below QUALIFY: only marked inside a service line found from stronger fields. */
  weak: boolean;
  negative: number;
  /** Modifier slot (1..4) or pointer slot written in the label, header or name. */
  slot?: number;
  /** Date range end: 0 = from, 1 = to. */
  range?: 0 | 1;
  /** Line number written in the name or id ("3" in line_3_mod1), as written (not yet 0-based). */
  nameLine?: number;
  /** CMS-1500 box 24 numbers seen in the field's labels. */
  professionalBox: boolean;
  /** Ids whose text this verdict read (aria-labelledby, label[for]), for invalidation. */
  dependsOnIds: string[];
  /** What the verdict was made of; empty unless the scan context asks to explain. */
  evidence: Evidence[];
  /**
   * For a field with a role: the table row around it, when neither the row nor anything between
   * the two is a claim scope (form, role=form). Grouping reads the field's scope and line from
   * there: once per row.
   */
  row?: Element;
  /** Decided by the coder's correction (detection/corrections.ts), not by evidence: the reason is "your correction". */
  corrected?: true;
}

/** Per-scan memo: label[for] maps per tree and table header models. */
export interface ScanContext {
  labelsFor: Map<Node, Map<string, Element[]>>;
  headers: HeaderCache;
  /** Markup exclusion verdicts of shared ancestors and shadow trees (see isExcludedByMarkup). */
  excluded: Map<Node, boolean>;
  /** Keep every piece of evidence in the verdict (tests and debugging; scans leave it off). */
  explain: boolean;
  /** Table rows that repeat an earlier one, and the verdicts of the template rows' fields. */
  repeats: RepeatMemo | null;
  templates: Map<Element, TemplateVerdict>;
  /** The coder's corrections for this page, applied before any evidence is read. */
  corrections?: PageCorrections;
}

/**
 * A memo for one scan. `rowsFrom`: an earlier scan's context whose repeated rows and template
 * verdicts are kept (the watcher passes it when the page only gained fields since: every verdict
 * read then still holds); everything else is read afresh.
 */
export function createScanContext(options: { explain?: boolean; repeats?: boolean; rowsFrom?: ScanContext; corrections?: PageCorrections } = {}): ScanContext {
  const explain = options.explain ?? false;
  const repeats = !explain && options.repeats !== false;
  const carried = repeats && options.rowsFrom?.repeats ? options.rowsFrom : undefined;
  return {
    labelsFor: new Map(),
    headers: createHeaderCache(),
    excluded: new Map(),
    explain,
    repeats: repeats ? (carried?.repeats ?? createRepeatMemo()) : null,
    templates: carried ? carried.templates : new Map(),
    ...(options.corrections?.length ? { corrections: options.corrections } : {}),
  };
}

/**
 * A template row's field: its verdict, and what of the verdict a repeat of it must read itself.
 * (Everything else a repeat shares with it: see repeat.ts.)
 */
interface TemplateVerdict {
  verdict: Qualification;
  /** False when the verdict read text a repeat's digits could change and that is costly to read again (a label's, the text to the left) or a form locator outside the column headers. */
  reusable: boolean;
  /** The verdict depends on the field's own id (labels naming it). */
  ownIdDependency: boolean;
  /** The field has an id attribute (a repeat has one too, and must check no label elsewhere names it). */
  hasId: boolean;
  /** The value's shape evidence, which the markup does not show. */
  valueKey: string;
  /** The field was empty: a repeat that is empty too has the same shape evidence (type and placeholder are markup). */
  wasEmpty: boolean;
  /** The attribute the line and slot numbers were read from, and how each of its digit runs reads (see digitRunReadings). */
  numbersFrom?: { attribute: 'name' | 'id'; readings: DigitRunReading[] };
  /** Computed visibility: not read, or what it said. */
  style: 'unread' | 'visible' | 'hidden';
  /**
   * Where the slot came from: an attribute of the field's own, or `same` (the column headers);
   * otherwise the numbers in the field's name, which may hold a slot in one row and not another.
   */
  slotFrom?: 'aria-label' | 'title' | 'placeholder' | 'name' | 'id' | 'same';
  /** For a slot read from an attribute: the digit run of its text that holds it. */
  slotRun?: number;
  /**
   * Where the values of those two attributes stand in the template row's markup, when found for
   * sure: in a repeat's markup they stand at the same offsets (see repeat.ts).
   */
  numbersAt?: ValueSpan;
  slotAt?: ValueSpan;
}

/** An attribute value's place in a row's markup: from `start` to `end`. */
interface ValueSpan {
  start: number;
  end: number;
}

/**
 * Where the attribute's value stands in the row's markup, found by its serialization
 * (` name="value"`); undefined unless it stands there exactly once, and as written (a value with a
 * character the serializer escapes is not looked for).
 */
function valueSpan(markup: string, attribute: string, value: string | null): ValueSpan | undefined {
  if (!value || !markup || ESCAPED_IN_MARKUP.test(value)) return undefined;
  const written = ` ${attribute}="${value}"`;
  const at = markup.indexOf(written);
  if (at < 0 || markup.indexOf(written, at + 1) >= 0) return undefined;
  return { start: at + attribute.length + 3, end: at + written.length - 1 };
}
const ESCAPED_IN_MARKUP = /[&"<>\u00a0]/;

/**
 * Counts qualifications computed (not served from cache), those adapted from a repeated row's
 * template, and those whose numbers were read in the row's markup; tests check work with them.
 */
export const qualifyStats = { computed: 0, repeated: 0, numbersInMarkup: 0 };

const NON_CLAIM_AUTOCOMPLETE = /\b(?:name|given-name|family-name|additional-name|honorific-\w+|nickname|username|email|tel(?:-\w+)?|street-address|address-line\d|address-level\d|postal-code|country(?:-name)?|bday(?:-\w+)?|cc-\w+|organization(?:-title)?|new-password|current-password|one-time-code|sex|url|photo|impp|language)\b/;

const EMPTY: Qualification = Object.freeze({
  role: null,
  score: 0,
  weak: false,
  negative: 0,
  professionalBox: false,
  dependsOnIds: [],
  evidence: [],
}) as Qualification;

/** Decides what one field is. Never throws: any failure means "not a claim field". */
export function qualifyField(element: FieldElement, context: ScanContext): Qualification {
  qualifyStats.computed++;
  try {
    const corrected = context.corrections && correctedVerdict(element, context.corrections);
    if (corrected) return corrected;
    return qualifyUnsafe(element, context);
  } catch {
    return EMPTY;
  }
}

function qualifyUnsafe(element: FieldElement, context: ScanContext): Qualification {
  const place = context.repeats && rowPlaceOf(element, context.repeats);
  if (!place) return judge(element, context);
  if (place.counterpart) {
    const template = context.templates.get(place.counterpart);
    const verdict = template && verdictFromTemplate(element, template, context, place.markup, place.row);
    if (!verdict) return judge(element, context);
    qualifyStats.repeated++;
    return verdict;
  }
  const template: TemplateVerdict = { verdict: EMPTY, reusable: true, ownIdDependency: false, hasId: false, valueKey: '', wasEmpty: false, style: 'unread' };
  template.verdict = judge(element, context, template, place.row);
  const { numbersFrom, slotFrom } = template;
  if (numbersFrom) template.numbersAt = valueSpan(place.markup, numbersFrom.attribute, element.getAttribute(numbersFrom.attribute));
  if (slotFrom && slotFrom !== 'same' && slotFrom !== numbersFrom?.attribute) template.slotAt = valueSpan(place.markup, slotFrom, element.getAttribute(slotFrom));
  context.templates.set(element, template);
  return template.verdict;
}

/**
 * The verdict of a field whose row repeats the template's: the template field's, with this field's
 * line and slot numbers, ids, value and computed style read. Null when one of those tells a
 * different story (then the field is judged on its own).
 */
function verdictFromTemplate(element: FieldElement, template: TemplateVerdict, context: ScanContext, markup: string, row: Element): Qualification | null {
  const { verdict } = template;
  if (verdict === EMPTY) return EMPTY;
  if (!template.reusable || template.style === 'hidden') return null;
  // (Attributes are the template's but for their digits: only what a digit can change is read.)
  const id = template.hasId ? element.id : '';
  if (id && labelsForMap(element, context).has(id)) return null; // a label elsewhere names this field
  const value = valueOf(element);
  if (!(value === '' && template.wasEmpty)) {
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    if (valueKey(shapeEvidence(type, element.getAttribute('placeholder'), value)) !== template.valueKey) return null;
  }
  if (template.style === 'visible' && !isRenderedByStyle(element)) return null;
  const { numbersFrom, slotFrom, numbersAt, slotAt } = template;
  // The numbers where they stand in the row's markup (while it is kept), else in the attribute read from the field.
  const inMarkup = markup !== '';
  const numbersSpan = inMarkup ? numbersAt : undefined;
  const numbersText = numbersFrom && (numbersSpan ? markup : (element.getAttribute(numbersFrom.attribute) ?? ''));
  if (numbersSpan) qualifyStats.numbersInMarkup++;
  const indices =
    (numbersFrom && nameIndicesAs(numbersFrom.readings, numbersText!, numbersSpan?.start, numbersSpan?.end)) ??
    nameIndices(element.getAttribute('name') || element.getAttribute('id') || '');
  const slot = !verdict.role ? undefined
    : slotFrom === 'same' ? verdict.slot
    : slotFrom && slotFrom === numbersFrom?.attribute ? slotInRun(numbersText!, template.slotRun!, numbersSpan?.start, numbersSpan?.end)
    : slotFrom && inMarkup && slotAt ? slotInRun(markup, template.slotRun!, slotAt.start, slotAt.end)
    : slotFrom ? slotInRun(element.getAttribute(slotFrom) ?? '', template.slotRun!)
    : indices.slot;
  // Built like judge's verdicts (every property, in the same order), not spread from the template's.
  return {
    role: verdict.role,
    score: verdict.score,
    weak: verdict.weak,
    negative: verdict.negative,
    professionalBox: verdict.professionalBox,
    dependsOnIds: template.ownIdDependency ? [id, ...verdict.dependsOnIds.slice(1)] : verdict.dependsOnIds.length ? verdict.dependsOnIds.slice() : NO_IDS,
    evidence: verdict.evidence,
    slot,
    range: verdict.range,
    nameLine: indices.line,
    // (A repeated row holds no claim scope: see repeat.ts.)
    row: verdict.role ? row : undefined,
  };
}

/**
 * Decides what one field is from everything the page says about it. With `template`, also notes
 * what a field repeating this one in a later row (`row`) would have to read for itself.
 */
function judge(element: FieldElement, context: ScanContext, template?: TemplateVerdict, row?: Element): Qualification {
  if (!isFieldElement(element) || !isCandidateKind(element)) return EMPTY;
  if (isExcludedByMarkup(element, context.excluded)) return EMPTY;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  const role = element.getAttribute('role');
  if (type === 'search' || role === 'searchbox') return EMPTY;

  const seen: Seen[] = [];
  const dependsOnIds: string[] = [];

  // Labels: <label for>, wrapping <label>.
  const labels = labelsOf(element, context, dependsOnIds);
  for (const label of labels) see(seen, 'label', textOf(label));
  if (template) {
    template.ownIdDependency = dependsOnIds.length > 0;
    // A label elsewhere, or one naming its field by id, is not repeated with the row.
    for (const label of labels) if (label.hasAttribute('for') || !row!.contains(label)) template.reusable = false;
  }
  // aria-labelledby: the text of every referenced node.
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const texts: string[] = [];
    for (const id of labelledBy.split(/\s+/).slice(0, 8)) {
      if (!id) continue;
      dependsOnIds.push(id);
      const node = byId(element, id);
      if (node) texts.push(textOf(node));
    }
    see(seen, 'labelledby', texts.join(' '));
  }
  see(seen, 'aria-label', element.getAttribute('aria-label'));
  see(seen, 'title', element.getAttribute('title'));
  const placeholder = element.getAttribute('placeholder');
  see(seen, 'placeholder', placeholder);

  // Name and id tokens: the stronger of the two.
  const name = element.getAttribute('name') ?? '';
  const id = element.getAttribute('id') ?? '';
  const nameMatch = matchText(name);
  const idMatch = matchText(id);
  const nameSource = bestOf(nameMatch, idMatch) === nameMatch ? name : id;
  if (nameSource) see(seen, 'name', nameSource, nameSource === name ? nameMatch : idMatch);

  // Column headers, nearest first: the first with a role is the header, the rest are context.
  const headers = headerTexts(element, context.headers, textOf);
  let headerPrimaryFound = false;
  let headerSlot: number | undefined;
  let headerRange: 0 | 1 | undefined;
  for (const text of headers) {
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

  // Text just before the field (old portals: <td>CPT:</td><td><input></td>).
  if (labels.length === 0 && !labelledBy) see(seen, 'left', leftText(element));

  // <select> options.
  if (element.localName === 'select') {
    const options = optionEvidence(element as HTMLSelectElement);
    if (options) seen.push({ kind: 'options', text: '(options)', match: rolesOnly(options), scored: true });
  }

  // Shape: date inputs, date-format placeholders, the current value.
  const value = valueOf(element);
  const shape = shapeEvidence(type, placeholder, value);
  if (template) {
    template.valueKey = valueKey(shape);
    template.wasEmpty = value === '';
  }
  if (shape) seen.push({ kind: 'shape', text: '(shape)', match: rolesOnly(shape), scored: true });

  const autocomplete = (element.getAttribute('autocomplete') ?? '').toLowerCase();
  let negative = 0;
  if (autocomplete && NON_CLAIM_AUTOCOMPLETE.test(autocomplete)) {
    negative += SOURCE_WEIGHT.autocomplete;
    seen.push({ kind: 'autocomplete', text: autocomplete, match: NEGATIVE_ONLY, scored: false });
  }

  const scores: Partial<Record<FieldRole, number>> = {};
  let anyOwnRole = false;
  // (Indexed loops here and below: this runs cold, where each for-of step allocates.)
  for (let s = 0; s < seen.length; s++) {
    const { kind, match, scored } = seen[s]!;
    if (!scored) continue;
    const weight = SOURCE_WEIGHT[kind];
    negative += weight * match.negative;
    for (let k = 0; k < FIELD_ROLES.length; k++) {
      const r = FIELD_ROLES[k]!;
      const strength = match.roles[r];
      if (strength) {
        scores[r] = (scores[r] ?? 0) + weight * strength;
        if (kind !== 'shape') anyOwnRole = true;
      }
    }
  }

  // Group context (fieldset legend, labelled group) only speaks for fields that say nothing themselves.
  if (!anyOwnRole && negative === 0) {
    const text = contextText(element, dependsOnIds);
    if (text) {
      const match = matchText(text);
      seen.push({ kind: 'context', text, match, scored: false });
      if (template && match.boxes.length) template.reusable = false;
      for (let k = 0; k < FIELD_ROLES.length; k++) {
        const r = FIELD_ROLES[k]!;
        const strength = match.roles[r];
        if (strength) scores[r] = (scores[r] ?? 0) + SOURCE_WEIGHT.context * strength;
      }
    }
  }

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

  // Every property from the start, absent ones undefined: one object shape for every verdict.
  const result: Qualification = {
    role: null,
    score,
    weak: false,
    negative,
    professionalBox: seen.some(({ scored, match }) => scored && match.boxes.some((b) => PROFESSIONAL_BOXES.has(b))),
    dependsOnIds,
    evidence: context.explain ? seen.map(({ kind, text, match }) => ({ kind, text, roles: match.roles, negative: match.negative })) : NO_EVIDENCE,
    slot: undefined,
    range: undefined,
    nameLine: undefined,
    row: undefined,
  };
  // A template's name is tokenized once: its numbers are read by the readings its repeats use.
  const readings = template && (name || id) ? digitRunReadings(name || id) : null;
  const indices = (readings && nameIndicesAs(readings, name || id)) ?? nameIndices(name || id);
  if (indices.line !== undefined) result.nameLine = indices.line;
  if (template) {
    template.hasId = element.hasAttribute('id');
    if (readings) template.numbersFrom = { attribute: name ? 'name' : 'id', readings };
    if (element.localName === 'select') template.reusable = false; // its options may name other modifiers
    // Form locators read from the field's own texts may differ in a repeat; the column's do not.
    for (const { kind, match, scored } of seen) if (scored && match.boxes.length && kind !== 'header' && kind !== 'header-upper') template.reusable = false;
  }
  if (!best || score < WEAK || negative * 2 >= score) return result;
  // Computed visibility last, and only for fields that would be marked (style only, never layout).
  const rendered = isRenderedByStyle(element);
  if (template) template.style = rendered ? 'visible' : 'hidden';
  if (!rendered) return result;
  result.role = best;
  result.weak = score < QUALIFY;

  // Slot and range, from the most explicit source that states one.
  const order: SourceKind[] = ['aria-label', 'label', 'labelledby', 'header', 'placeholder', 'title', 'left', 'name'];
  for (let o = 0; o < order.length; o++) {
    const kind = order[o]!;
    for (let s = 0; s < seen.length; s++) {
      const { kind: k, match, scored, text } = seen[s]!;
      if (k !== kind || !scored) continue;
      if (match.slot !== undefined && result.slot === undefined) {
        result.slot = match.slot;
        if (template) slotSource(template, k, k === 'name' ? (nameSource === name ? 'name' : 'id') : k, text);
      }
      if (match.range !== undefined) result.range ??= match.range;
    }
  }
  if (result.slot === undefined && headerSlot !== undefined) {
    result.slot = headerSlot;
    if (template) template.slotFrom = 'same';
  }
  if (result.range === undefined && headerRange !== undefined) result.range = headerRange;
  if (result.slot === undefined && indices.slot !== undefined) result.slot = indices.slot;
  // (A template's row is known: it need not be looked up again.)
  const around = row ?? safeDom.closest(element, ROW_OR_SCOPE);
  if (around && safeDom.localName(around) === 'tr' && !safeDom.matches(around, CLAIM_SCOPE)) result.row = around;
  return result;
}

/** The nearest of a table row and a claim scope. */
const ROW_OR_SCOPE = `tr, ${CLAIM_SCOPE}`;

/** Where a repeat of the field reads its slot number, given the text (of `kind`, from `attribute`) the template read it from. */
function slotSource(template: TemplateVerdict, kind: SourceKind, attribute: string, text: string): void {
  if (kind === 'header' || kind === 'header-upper') {
    template.slotFrom = 'same'; // the repeat has the same column headers
    return;
  }
  const run = slotRunOf(text);
  if ((attribute === 'aria-label' || attribute === 'title' || attribute === 'placeholder' || attribute === 'name' || attribute === 'id') && run !== undefined) {
    template.slotFrom = attribute;
    template.slotRun = run;
  } else {
    template.reusable = false; // a label's or the left text's digit: read again only by judging the field
  }
}

/** The shape evidence as a comparable string (the same roles at the same strengths give the same key). */
function valueKey(shape: Partial<Record<FieldRole, number>> | null): string {
  return shape ? FIELD_ROLES.map((role) => shape[role] ?? '').join('|') : '';
}

/** One piece of evidence read from the page; `scored` ones add to the role scores. */
interface Seen {
  kind: SourceKind;
  text: string;
  match: TextMatch;
  scored: boolean;
}

const NO_EVIDENCE: Evidence[] = Object.freeze([]) as unknown as Evidence[];
/** A verdict that read no element by id (shared: verdicts are never changed once made). */
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];
const NEGATIVE_ONLY: TextMatch = Object.freeze({ roles: {}, negative: 1, qualifierOnly: false, boxes: [] });

function rolesOnly(roles: Partial<Record<FieldRole, number>>): TextMatch {
  return { roles, negative: 0, qualifierOnly: false, boxes: [] };
}

/** A field's own text (label, aria-label, name…), matched and kept when it says anything. */
function see(seen: Seen[], kind: SourceKind, text: string | null | undefined, match?: TextMatch): void {
  if (!text || !text.trim()) return;
  seen.push({ kind, text, match: match ?? matchText(text), scored: true });
}

function bestOf(a: TextMatch, b: TextMatch): TextMatch {
  const total = (m: TextMatch) => Object.values(m.roles).reduce((x, y) => x + (y ?? 0), 0) + m.negative;
  return total(b) > total(a) ? b : a;
}

function byId(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot | Element;
  if ('getElementById' in root && typeof root.getElementById === 'function') return root.getElementById(id);
  try {
    return (root as Element).querySelector(`#${CSS.escape(id)}`);
  } catch {
    return null;
  }
}

function labelsOf(element: FieldElement, context: ScanContext, dependsOnIds: string[]): Element[] {
  const out: Element[] = [];
  const wrapping = element.closest('label');
  if (wrapping && (!wrapping.getAttribute('for') || wrapping.getAttribute('for') === element.id)) out.push(wrapping);
  const id = element.id;
  if (id) {
    dependsOnIds.push(id);
    for (const label of labelsForMap(element, context).get(id) ?? []) if (!out.includes(label)) out.push(label);
  }
  return out;
}

/** The `label[for]` elements of the field's tree by the id they name (built once per tree and scan). */
function labelsForMap(element: FieldElement, context: ScanContext): Map<string, Element[]> {
  const root = element.getRootNode();
  let map = context.labelsFor.get(root);
  if (!map) {
    map = new Map();
    const all = (root as ParentNode).querySelectorAll?.('label[for]') ?? [];
    for (const label of Array.from(all)) {
      const target = label.getAttribute('for') ?? '';
      const list = map.get(target) ?? [];
      list.push(label);
      map.set(target, list);
    }
    context.labelsFor.set(root, map);
  }
  return map;
}

/** Text right before the field in its container, or in the previous cell when the field is alone in its cell. */
function leftText(element: Element): string {
  const parts: string[] = [];
  let length = 0;
  let node: Node | null = element.previousSibling;
  while (node && length < 80) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isFieldElement(el) || el.localName === 'label' || el.localName === 'br' || holdsField(el)) break;
      const text = textOf(el);
      parts.unshift(text);
      length += text.length;
    } else if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').trim();
      if (text) {
        parts.unshift(text);
        length += text.length;
      }
    }
    node = node.previousSibling;
  }
  const direct = parts.join(' ').trim();
  if (direct) return direct.slice(0, MAX_TEXT);
  // The parent may be the <form> itself, its neighbours anything: safeDom.
  const parent = element.parentElement;
  if (!parent || !isOnlyFieldIn(parent, element)) return '';
  const previous = safeDom.previousElementSibling(parent);
  if (!previous || safeDom.localName(previous) === 'label' || holdsField(previous)) return '';
  const text = textOf(previous);
  return text.length <= 80 ? text : '';
}

/** True when a field is inside `element` (cheap when it is the first child, as in a table cell). */
function holdsField(element: Element): boolean {
  const first = safeDom.firstElementChild(element);
  if (!first) return false;
  if (isFieldElement(first)) return true;
  return safeDom.query(element, FIELD_SELECTOR) !== null;
}

/** True when `element` is the only field in `parent` (cheap when it is the parent's only child). */
function isOnlyFieldIn(parent: Element, element: Element): boolean {
  if (safeDom.childElementCount(parent) === 1 && safeDom.firstElementChild(parent) === element) return true;
  return safeDom.queryAll(parent, FIELD_SELECTOR).length === 1;
}

/** Fieldset legend or a labelled group/region around the field. */
function contextText(element: Element, dependsOnIds: string[]): string {
  // The group may be a <form role="group">: safeDom.
  const group = element.closest('fieldset, [role="group"], [role="region"]');
  if (!group) return '';
  if (safeDom.localName(group) === 'fieldset') {
    // (A child may be a <form> too.)
    for (let child = safeDom.firstElementChild(group); child; child = safeDom.nextElementSibling(child) ?? null) {
      if (safeDom.localName(child) === 'legend') return textOf(child);
    }
  }
  const label = safeDom.getAttribute(group, 'aria-label');
  if (label) return label;
  const by = safeDom.getAttribute(group, 'aria-labelledby');
  if (by) {
    const texts: string[] = [];
    for (const id of by.split(/\s+/).slice(0, 4)) {
      if (!id) continue;
      dependsOnIds.push(id);
      const node = byId(group, id);
      if (node) texts.push(textOf(node));
    }
    return texts.join(' ');
  }
  return '';
}

const POS_HINTS = VOCABULARIES.flatMap((v) => v.optionHints.pos ?? []).map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
const MODIFIER_HINTS = VOCABULARIES.flatMap((v) => v.optionHints.modifier ?? []).map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());

/** What a <select>'s options choose between: places of service or modifiers. */
function optionEvidence(select: HTMLSelectElement): Partial<Record<FieldRole, number>> | null {
  const options = Array.from(select.options).slice(0, 80);
  let total = 0;
  let pos = 0;
  let modifierWords = 0;
  let modifierCodes = 0;
  for (const option of options) {
    const value = (option.value ?? '').trim();
    const text = (option.text ?? '').slice(0, 120).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (!value && !text.trim()) continue;
    total++;
    if (POS_HINTS.some((w) => text.includes(w))) pos++;
    if (MODIFIER_HINTS.some((w) => text.includes(w))) modifierWords++;
    const code = (value || text.split(/[\s\-–:]+/)[0] || '').toUpperCase();
    if (/[A-Z]/.test(code) && MODIFIER_CODES.has(code)) modifierCodes++;
  }
  if (total < 2) return null;
  const roles: Partial<Record<FieldRole, number>> = {};
  if (pos >= 2 && pos >= total * 0.3) roles.pos = 0.9;
  if ((modifierWords >= 2 && modifierWords >= total * 0.3) || (modifierCodes >= 2 && modifierCodes >= total * 0.3)) roles.modifier = 0.9;
  return Object.keys(roles).length ? roles : null;
}

const DATE_PLACEHOLDER = /\b(?:mm|dd)[\/\-. ](?:dd|mm)[\/\-. ](?:yy|yyyy|aa|aaaa)\b|\byyyy[\/\-. ]mm[\/\-. ]dd\b/i;
const DATE_VALUE = /^\s*(?:\d{1,2}[\/\-.]\d{1,2}[\/\-.]\d{2,4}|\d{4}-\d{2}-\d{2})\s*$/;

/** The start of the field's value, trimmed ('' when it cannot be read). */
function valueOf(element: FieldElement): string {
  try {
    return String(element.value ?? '').slice(0, 40).trim();
  } catch {
    return '';
  }
}

function shapeEvidence(type: string, placeholder: string | null, value: string): Partial<Record<FieldRole, number>> | null {
  const roles: Partial<Record<FieldRole, number>> = {};
  if (type === 'date') roles.dos = 0.45;
  if (placeholder && DATE_PLACEHOLDER.test(placeholder)) roles.dos = 0.45;
  if (value) {
    if (DATE_VALUE.test(value)) roles.dos = Math.max(roles.dos ?? 0, 0.25);
    else if (/^(?:\d{4}[0-9A-Z]|[A-Z]\d{4})$/i.test(value)) roles.cpt = 0.25;
    else if (/^[A-TV-Z]\d[0-9A-Z]\.?[0-9A-Z]{0,4}$/i.test(value)) roles.dx = 0.25;
    else if (/^\$?\d{1,3}(?:,?\d{3})*\.\d{2}$/.test(value)) roles.charge = 0.25;
  }
  return Object.keys(roles).length ? roles : null;
}


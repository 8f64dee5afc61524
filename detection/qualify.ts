import type { DatePart, FieldElement, FieldRole } from './types';
import { hasBoxPrefix, slotInRun, slotRunOf } from './match';
import { CLAIM_SCOPE, isCandidateKind, isExcludedByMarkup, isRenderedByStyle, safeDom, isFieldElement } from './dom';
import { createHeaderCache } from './headers';
import { digitRunReadings, nameIndices, nameIndicesAs, type DigitRunReading } from './text';
import { createRepeatMemo, rowPlaceOf, startScan, type RepeatMemo } from './repeat';
import { collectEvidence, labelsForMap, shapeEvidence, valueOf, type CollectMemo, type SourceKind } from './collect';
import { scoreEvidence, type Reason, type Scored } from './score';
import { correctedVerdict, type PageCorrections } from './corrections';

export { QUALIFY, WEAK, SOURCE_WEIGHT } from './score';
export type { SourceKind } from './collect';
export type { Reason } from './score';

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
  /** For a date box holding one part of a date (month, day or year). */
  part?: DatePart;
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
  /** A corrected field's line, when the recipe states one (`line`: service line n, 1-based; `claim`: the whole claim). */
  lineRule?: { kind: 'line'; line: number } | { kind: 'claim' };
}

/**
 * How much work qualification did: verdicts computed (not served from a watcher's cache), those
 * adapted from a repeated row's template, and those whose numbers were read in the row's markup.
 * Only tests read them (through the scan context, or the counters a watcher is given).
 */
export interface QualifyCounters {
  computed: number;
  repeated: number;
  numbersInMarkup: number;
}

export function createQualifyCounters(): QualifyCounters {
  return { computed: 0, repeated: 0, numbersInMarkup: 0 };
}

/** Per-scan memo: label[for] maps per tree, table header models, section headings (see collect.ts). */
export interface ScanContext extends CollectMemo {
  /** What this scan's qualification did (an object the caller passed, or the scan's own). */
  counters: QualifyCounters;
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
export function createScanContext(options: { explain?: boolean; repeats?: boolean; rowsFrom?: ScanContext; counters?: QualifyCounters; corrections?: PageCorrections } = {}): ScanContext {
  const explain = options.explain ?? false;
  const repeats = !explain && options.repeats !== false;
  const carried = repeats && options.rowsFrom?.repeats ? options.rowsFrom : undefined;
  if (carried) startScan(carried.repeats!);
  return {
    counters: options.counters ?? createQualifyCounters(),
    labelsFor: new Map(),
    headers: createHeaderCache(),
    sections: new Map(),
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
  /** The `maxlength` attribute (a digit of it decides whether the box can hold a code), or null without one. */
  maxLength: string | null;
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
  context.counters.computed++;
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
    context.counters.repeated++;
    return verdict;
  }
  const template: TemplateVerdict = { verdict: EMPTY, reusable: true, ownIdDependency: false, hasId: false, valueKey: '', wasEmpty: false, maxLength: null, style: 'unread' };
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
  if (template.maxLength !== null && element.getAttribute('maxlength') !== template.maxLength) return null;
  if (template.style === 'visible' && !isRenderedByStyle(element)) return null;
  const { numbersFrom, slotFrom, numbersAt, slotAt } = template;
  // The numbers where they stand in the row's markup (while it is kept), else in the attribute read from the field.
  const inMarkup = markup !== '';
  const numbersSpan = inMarkup ? numbersAt : undefined;
  const numbersText = numbersFrom && (numbersSpan ? markup : (element.getAttribute(numbersFrom.attribute) ?? ''));
  if (numbersSpan) context.counters.numbersInMarkup++;
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
    part: verdict.part,
    nameLine: indices.line,
    // (A repeated row holds no claim scope: see repeat.ts.)
    row: verdict.role ? row : undefined,
  };
}

/**
 * Decides what one field is: collect its evidence, score it, check it is rendered. With
 * `template`, also notes what a field repeating this one in a later row (`row`) would have to read
 * for itself.
 */
function judge(element: FieldElement, context: ScanContext, template?: TemplateVerdict, row?: Element): Qualification {
  if (!isFieldElement(element) || !isCandidateKind(element)) return EMPTY;
  if (isExcludedByMarkup(element, context.excluded)) return EMPTY;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (type === 'search' || element.getAttribute('role') === 'searchbox') return EMPTY;

  const labels: Element[] = [];
  const evidence = collectEvidence(element, context, labels);
  const scored = scoreEvidence(evidence);
  const { name, id } = evidence;

  // Every property from the start, absent ones undefined: one object shape for every verdict.
  const result: Qualification = {
    role: null,
    score: scored.score,
    weak: false,
    negative: scored.negative,
    professionalBox: scored.professionalBox,
    dependsOnIds: evidence.dependsOnIds,
    evidence: context.explain ? scored.seen.map(({ kind, text, match }) => ({ kind, text, roles: match.roles, negative: match.negative })) : NO_EVIDENCE,
    slot: undefined,
    range: undefined,
    part: undefined,
    nameLine: undefined,
    row: undefined,
  };
  // A template's name is tokenized once: its numbers are read by the readings its repeats use.
  const readings = template && (name || id) ? digitRunReadings(name || id) : null;
  const indices = (readings && nameIndicesAs(readings, name || id)) ?? nameIndices(name || id);
  if (indices.line !== undefined) result.nameLine = indices.line;
  if (template) noteWhatRepeatsRead(template, element, labels, row!, scored, readings, name);
  if (!scored.role) return result;
  // Computed visibility last, and only for fields that would be marked (style only, never layout).
  const rendered = isRenderedByStyle(element);
  if (template) template.style = rendered ? 'visible' : 'hidden';
  if (!rendered) return result;
  result.role = scored.role;
  result.weak = scored.weak;
  result.slot = scored.slot;
  result.range = scored.range;
  result.part = scored.part;
  if (result.slot === undefined && indices.slot !== undefined) result.slot = indices.slot;
  // (A template's row is known: it need not be looked up again.)
  const around = row ?? safeDom.closest(element, ROW_OR_SCOPE);
  if (around && safeDom.localName(around) === 'tr' && !safeDom.matches(around, CLAIM_SCOPE)) result.row = around;
  return result;
}

/** What a field repeating the template's in a later row must read for itself (see TemplateVerdict). */
function noteWhatRepeatsRead(
  template: TemplateVerdict,
  element: FieldElement,
  labels: readonly Element[],
  row: Element,
  scored: Scored,
  readings: DigitRunReading[] | null,
  name: string,
): void {
  template.ownIdDependency = element.id !== ''; // labels may name it by its id
  // A label elsewhere, or one naming its field by id, is not repeated with the row.
  for (const label of labels) if (label.hasAttribute('for') || !row.contains(label)) template.reusable = false;
  const value = valueOf(element);
  template.valueKey = valueKey(shapeEvidence((element.getAttribute('type') ?? '').toLowerCase(), element.getAttribute('placeholder'), value));
  template.wasEmpty = value === '';
  template.maxLength = element.getAttribute('maxlength');
  if (scored.contextBoxes) template.reusable = false;
  template.hasId = element.hasAttribute('id');
  if (readings) template.numbersFrom = { attribute: name ? 'name' : 'id', readings };
  if (element.localName === 'select') template.reusable = false; // its options may name other modifiers
  // Form locators read from the field's own texts may differ in a repeat; the column's do not.
  if (scored.boxesOutsideHeaders) template.reusable = false;
  // A box number in the name ("b24d_3") is one for some digits only ("b20d_3" is none).
  if (hasBoxPrefix(element.getAttribute('name') ?? '') || hasBoxPrefix(element.getAttribute('id') ?? '')) template.reusable = false;
  if (scored.slotFromHeaderQualifier) template.slotFrom = 'same';
  else if (scored.slotFrom) {
    const { kind, text, nameAttribute } = scored.slotFrom;
    slotSource(template, kind, kind === 'name' ? nameAttribute! : kind, text);
  }
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
  return shape ? FIELD_ROLES_ORDER.map((role) => shape[role] ?? '').join('|') : '';
}
const FIELD_ROLES_ORDER: readonly FieldRole[] = ['cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge'];

const NO_EVIDENCE: Evidence[] = Object.freeze([]) as unknown as Evidence[];
/** A verdict that read no element by id (shared: verdicts are never changed once made). */
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Why a field has the role it has: the strongest evidence for it (at most three), read afresh
 * (never from a repeated row's template, whose texts hold other numbers). Empty for a field with
 * no role. For the card and the side panel: one field at a time, on request.
 */
export function explainField(element: FieldElement): { role: FieldRole | null; reasons: Reason[] } {
  try {
    if (!isFieldElement(element) || !isCandidateKind(element)) return { role: null, reasons: [] };
    const context = createScanContext({ repeats: false });
    if (isExcludedByMarkup(element, context.excluded)) return { role: null, reasons: [] };
    const scored = scoreEvidence(collectEvidence(element, context), true);
    return { role: scored.role, reasons: scored.reasons };
  } catch {
    return { role: null, reasons: [] };
  }
}

/**
 * Rows that repeat an earlier row. A 500-line claim is one table row written 500 times with other
 * line numbers; qualifying each of its 5,500 fields from scratch reads the same labels, headers and
 * words 500 times. Here a table row is compared with the earlier rows of its table section by its
 * markup with every digit masked (in place, against each template's markup taken apart at its digit
 * runs: no masked copy is made): when it matches one (the template), each of its fields stands at
 * the same place as a field of the template, whose verdict `qualify.ts` adapts to the digits, value
 * and style of this one (see `verdictFromTemplate`), or computes afresh when it cannot.
 *
 * What this module promises: a row and its template have the same markup (tags, attributes, text)
 * apart from the values of digit runs that are not vocabulary words, lie in the same table section
 * (so share every ancestor, the column headers and any group around them), and contain no attribute
 * that points elsewhere by id or shifts columns by a number (`for`, `headers`, `aria-labelledby`,
 * `form`, `list`, `colspan`, `aria-colindex`, `aria-colspan`): two such rows differ only where a digit
 * differs, and in what the markup does not show (values, computed style, labels elsewhere naming a
 * field's id), which `qualify.ts` reads for each field itself. Nor do they hold a claim scope (a form,
 * role=form): the row is where grouping finds each field's claim and line (`Qualification.row`).
 *
 * A row's cells stand in the columns of its template's only when no cell of a row above spans down
 * into either (`<td rowspan="2">` beside a line drawn as two rows pushes the next row's cells one
 * column to the right: see layOutRows in headers.ts). A row so covered takes no part: it is checked
 * on each scan (`coveredFromAbove`), as rows above may have been added since.
 *
 * Masking writes each digit as one 0, so two such rows' markups also have the same length, and
 * every digit run at the same place: an attribute value of a field stands at the same offsets in
 * both. A repeat's numbers (a line in a name, a slot in an aria-label) are read there, in the
 * markup already serialized, instead of asking each field for the attribute (the first read of
 * each of 5,500 different names makes a string of it: ~1 µs apiece).
 */

import type { FieldElement } from './types';
import { FIELD_SELECTOR, safeDom } from './dom';
import { MAX_ROWSPAN, span } from './headers';
import { alikeOnceMasked, maskShapeOf, type MaskShape } from './match';

/** Attributes whose value names another element or a column number: a digit there changes what is read. */
const POINTING_ATTRIBUTE = / (?:for|headers|aria-labelledby|form|list|colspan|aria-colindex|aria-colspan)="/;
/** A claim scope (see CLAIM_SCOPE) written in a row's markup, the row's own tag included (cautious). */
const SCOPE_IN_MARKUP = /<form[\s>\/]| role="form"/;
/** Rows with more fields are layout, not a service line: not worth serializing. */
const MAX_ROW_FIELDS = 64;
/** Different row shapes kept per table section (a page whose rows all differ gains nothing). */
const MAX_TEMPLATES = 8;

interface Row {
  row: Element;
  fields: FieldElement[];
  /** The earlier row this one repeats; itself for a template; null when it cannot take part. */
  template: Row | null;
  /** The row's markup while its fields are qualified (dropped at the next row: 500 rows' would be half a megabyte). */
  markup: string;
  /** A template's markup taken apart at its digit runs, which later rows are compared with. */
  shape: MaskShape | null;
  /** A cell of a row above spans into this one (read when the scan reaches the row). */
  covered: boolean;
  /** The row has a cell with a rowspan attribute (from its markup when read; else undefined until asked). */
  spans?: boolean;
}

export interface RepeatMemo {
  rows: Map<Element, Row>;
  /** Per table section: its template rows, no two alike once masked. */
  templates: Map<Node, Row[]>;
  /** The row of the field asked about last: fields come in document order, a row's one after another. */
  last: Row | null;
  /** The answer `rowPlaceOf` gives, rewritten on each call (one object, not one per field). */
  place: RowPlace;
  /** This scan's answers for rows the memo holds no state of: whether the row has a cell spanning rows. */
  rowSpans: Map<Element, boolean>;
  /** This scan's answers of `reachBelow`: how many rows below a row its cells, or those of rows above it, still cover. */
  reach: Map<Element, number>;
}

export function createRepeatMemo(): RepeatMemo {
  return { rows: new Map(), templates: new Map(), last: null, place: { row: null!, counterpart: null, markup: '' }, rowSpans: new Map(), reach: new Map() };
}

/**
 * Readies a memo kept from an earlier scan for a new one (the page may have gained rows since):
 * what was read of the page's layout is read again; rows and templates stay.
 */
export function startScan(memo: RepeatMemo): void {
  if (memo.last) memo.last.markup = '';
  memo.last = null;
  memo.rowSpans = new Map();
  memo.reach = new Map();
}

/** Where a field stands among repeated rows. */
export interface RowPlace {
  row: Element;
  /** The field at the same place in the template row, or null when this row is the template. */
  counterpart: FieldElement | null;
  /**
   * The row's markup (`outerHTML`), where each field's attribute values stand as in its template's;
   * empty once the row's fields were left for another row's.
   */
  markup: string;
}

/**
 * The field's place in a repeated row, or null when its row takes no part (then qualify it alone).
 * The answer is valid until the next call with the same memo.
 */
export function rowPlaceOf(element: FieldElement, memo: RepeatMemo): RowPlace | null {
  const { last } = memo;
  const index = last ? last.fields.indexOf(element) : -1;
  if (index >= 0) return placeIn(last!, index, memo.place);
  const row = safeDom.closest(element, 'tr');
  if (!row) return null;
  let state = memo.rows.get(row);
  if (!state) memo.rows.set(row, (state = rowState(row, memo)));
  state.covered = state.template !== null && coveredFromAbove(row, memo);
  if (last) last.markup = '';
  memo.last = state;
  return placeIn(state, state.fields.indexOf(element), memo.place);
}

/**
 * True when a cell of a row above `row` in its table section spans down into it (as layOutRows in
 * headers.ts lays rows out: `tr` children only, at most MAX_ROWSPAN rows): when the row just above
 * still covers at least one row below it (`reachBelow`).
 */
function coveredFromAbove(row: Element, memo: RepeatMemo): boolean {
  const above = previousRow(row);
  const reachHere = above ? reachBelow(above, memo) : 0;
  // Kept for the next row down, which asks about this one (rows come in document order).
  if (!memo.reach.has(row)) memo.reach.set(row, Math.max(reachHere - 1, ownReach(row, memo)));
  return reachHere >= 1;
}

/**
 * How many rows below `row` are covered by a cell of `row` or of a row above it. Read from the
 * nearest row above whose answer this scan already has (in a scan, the row just above), else from
 * the rows themselves, at most MAX_ROWSPAN - 1 rows up: a scan or an appended line looks at the
 * few rows above, never at the whole section. Each row is asked whether it has a rowspan at all from
 * what its markup showed when it was read (rows that repeat a template have the template's attributes).
 */
function reachBelow(row: Element, memo: RepeatMemo): number {
  const known = memo.reach.get(row);
  if (known !== undefined) return known;
  let reach = 0;
  let distance = 0;
  for (let at: Element | null = row; at && distance < MAX_ROWSPAN - 1; at = previousRow(at), distance++) {
    const memoized = at === row ? undefined : memo.reach.get(at);
    if (memoized !== undefined) {
      reach = Math.max(reach, memoized - distance);
      break;
    }
    reach = Math.max(reach, ownReach(at, memo) - distance);
  }
  memo.reach.set(row, reach);
  return reach;
}

/** The `tr` before `row` among its siblings, if any. */
function previousRow(row: Element): Element | null {
  for (let above = safeDom.previousElementSibling(row); above; above = safeDom.previousElementSibling(above)) {
    if (safeDom.localName(above) === 'tr') return above;
  }
  return null;
}

/** How many rows below `row` its own cells cover (a cell with rowspan="3" covers two). */
function ownReach(row: Element, memo: RepeatMemo): number {
  if (!hasRowspan(row, memo)) return 0;
  let reach = 0;
  for (let cell = safeDom.firstElementChild(row); cell; cell = safeDom.nextElementSibling(cell) ?? null) {
    const tag = safeDom.localName(cell);
    if (tag === 'td' || tag === 'th') reach = Math.max(reach, span(safeDom.getAttribute(cell, 'rowspan'), 1, MAX_ROWSPAN) - 1);
  }
  return reach;
}

/** Whether a row has a cell with a rowspan attribute: from its markup when it was read, else from the page. */
function hasRowspan(row: Element, memo: RepeatMemo): boolean {
  const known = memo.rows.get(row)?.spans;
  if (known !== undefined) return known;
  let spans = memo.rowSpans.get(row);
  if (spans === undefined) memo.rowSpans.set(row, (spans = safeDom.query(row, ':scope > [rowspan]') !== null));
  return spans;
}

function placeIn(state: Row, index: number, place: RowPlace): RowPlace | null {
  const { template, row, markup } = state;
  if (!template || index < 0 || state.covered) return null;
  const counterpart = template === state ? null : template.fields[index];
  if (counterpart === undefined) return null;
  place.row = row;
  place.counterpart = counterpart;
  place.markup = markup;
  return place;
}

/** A cell of the row itself spanning rows (the row's own markup: its start tag, and its cells'). */
const SPANS_IN_MARKUP = /<t[dh]\b[^>]*\srowspan=/i;

function rowState(row: Element, memo: RepeatMemo): Row {
  const list = safeDom.queryAll<FieldElement>(row, FIELD_SELECTOR);
  const fields: FieldElement[] = [];
  for (let i = 0; i < list.length; i++) fields.push(list[i]!);
  const state: Row = { row, fields, template: null, markup: '', shape: null, covered: false };
  const section = safeDom.parentNode(row);
  if (!section || fields.length > MAX_ROW_FIELDS) return state;
  const markup = row.outerHTML;
  state.spans = SPANS_IN_MARKUP.test(markup);
  let templates = memo.templates.get(section);
  if (!templates) memo.templates.set(section, (templates = []));
  // Compared in place with each template of the section: a row alike once masked repeats it (the
  // same markup: the same fields, in the same places; and, as the template, no field right in the
  // row, no row inside, no claim scope and no pointing attribute, since no such check reads a digit).
  for (let i = 0; i < templates.length; i++) {
    const template = templates[i]!;
    if (template.fields.length === fields.length && alikeOnceMasked(markup, template.shape!)) {
      state.template = template;
      state.markup = markup;
      return state;
    }
  }
  // No field may sit right in the row (it would read the previous row as "the text to its left").
  for (let i = 0; i < fields.length; i++) if (safeDom.parentNode(fields[i]!) === row) return state;
  // Every field's nearest row must be this one: no row inside (nor "<tr" written in a comment,
  // a script or an attribute: such a row is only judged field by field, as one with a table).
  if (templates.length >= MAX_TEMPLATES || markup.indexOf('<tr', 3) >= 0 || POINTING_ATTRIBUTE.test(markup) || SCOPE_IN_MARKUP.test(markup)) return state;
  const shape = maskShapeOf(markup);
  if (!shape) return state;
  state.markup = markup;
  state.shape = shape;
  state.template = state;
  templates.push(state);
  return state;
}

/**
 * Column headers for fields in tables and ARIA grids: by column index, honouring colspan and
 * rowspan (aria-colspan / aria-colindex) and several header rows. For a field in a body cell,
 * `headerTexts` returns the texts of every header cell above its column, nearest (lowest) first.
 */

import { safeDom } from './dom';

interface HeaderModel {
  /** columns[c] = header texts covering column c, top row first. */
  columns: string[][];
}

const ARIA_CELL = '[role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';
const ARIA_GRID = '[role="grid"], [role="table"], [role="treegrid"]';

/** A body cell spanning this many columns or more has no column header of its own. */
const WIDE_CELL = 3;

export interface HeaderCache {
  models: Map<Element, HeaderModel>;
  /** Column of every cell of a row, computed once per row (rows hold several fields). */
  columns: Map<Element, Map<Element, number>>;
  /** Whether a table section has a cell spanning rows: asked once per section, not once per row. */
  spansRows: Map<Element, boolean>;
}

export function createHeaderCache(): HeaderCache {
  return { models: new Map(), columns: new Map(), spansRows: new Map() };
}

/** Rows a cell may span, at most (more is read as this many). */
export const MAX_ROWSPAN = 20;

/** A colspan or rowspan attribute's number (`fallback` when it is not one), at most `max`. */
export function span(value: string | null, fallback = 1, max = 1000): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Header texts for the column holding `element`, nearest header row first; [] outside tables. */
export function headerTexts(element: Element, cache: HeaderCache, textOf: (node: Node) => string): string[] {
  // HTML table
  const cell = element.closest('td, th');
  // An ARIA cell inside the table cell wins; one around the table cell does not.
  const ariaCell = cell ? ariaCellWithin(element, cell) : element.closest(ARIA_CELL);
  if (cell && !ariaCell) {
    const fromHeadersAttr = headersAttribute(cell, textOf);
    if (fromHeadersAttr.length) return fromHeadersAttr;
    // A cell across several columns (a line's notes or NDC row) stands under none of their headers.
    if (span(cell.getAttribute('colspan')) >= WIDE_CELL) return [];
    const row = cell.parentElement;
    const table = row?.closest('table');
    if (!row || !table || row.localName !== 'tr') return [];
    const model = tableModel(table, cache, textOf);
    if (!model) return [];
    const column = columnOfTableCell(cell, row, cache);
    return [...(model.columns[column] ?? [])].reverse();
  }
  if (ariaCell) {
    const row = ariaCell.closest('[role="row"]');
    const grid = row?.closest(ARIA_GRID);
    if (!row || !grid) return [];
    const model = gridModel(grid, cache, textOf);
    if (!model) return [];
    const column = columnOfAriaCell(ariaCell, row);
    return [...(model.columns[column] ?? [])].reverse();
  }
  return [];
}

/** The nearest ARIA cell from `element` up to its table cell included (usually none: a loop of one or two). */
function ariaCellWithin(element: Element, cell: Element): Element | null {
  // (A <form> may sit inside the cell: safeDom.)
  for (let node: Element | null = element.parentElement; node; node = safeDom.parentElement(node)) {
    if (safeDom.matches(node, ARIA_CELL)) return node;
    if (node === cell) break;
  }
  return null;
}

function headersAttribute(cell: Element, textOf: (node: Node) => string): string[] {
  const ids = cell.getAttribute('headers');
  if (!ids) return [];
  const root = cell.getRootNode() as Document | ShadowRoot;
  const texts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    if (!id) continue;
    const header = typeof root.getElementById === 'function' ? root.getElementById(id) : null;
    if (header) texts.push(textOf(header));
  }
  return texts.reverse();
}

function columnOfTableCell(cell: Element, row: Element, cache: HeaderCache): number {
  let columns = cache.columns.get(row);
  if (!columns) {
    // Rows below a cell spanning rows are laid out together (once per section); others alone.
    const section = row.parentElement;
    layOutRows(section && sectionSpansRows(section, cache) ? rowsOf(section) : [row], cache);
    columns = cache.columns.get(row) ?? new Map<Element, number>();
  }
  return columns.get(cell) ?? 0;
}

function sectionSpansRows(section: Element, cache: HeaderCache): boolean {
  let spans = cache.spansRows.get(section);
  if (spans === undefined) {
    spans = section.querySelector(':scope > tr > [rowspan]:not([rowspan="1"])') !== null;
    cache.spansRows.set(section, spans);
  }
  return spans;
}

/**
 * The column of every cell of a table section's rows, as the HTML table algorithm places them: a
 * cell spanning rows (`<td rowspan="2">` holding a line number beside a line drawn as two rows)
 * pushes the cells of the rows below it to the right. Once per section and scan.
 */
function layOutRows(rows: readonly Element[], cache: HeaderCache): void {
  let covered: number[] = []; // per column: how many more rows a cell from a row above still covers
  for (const row of rows) {
    const columns = new Map<Element, number>();
    const next = covered.map((rowsLeft) => Math.max(0, rowsLeft - 1));
    let column = 0;
    for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName !== 'td' && c.localName !== 'th') continue;
      while ((covered[column] ?? 0) > 0) column++;
      columns.set(c, column);
      const colspan = span(c.getAttribute('colspan'));
      const rowspan = span(c.getAttribute('rowspan'), 1, MAX_ROWSPAN);
      if (rowspan > 1) for (let k = 0; k < colspan; k++) next[column + k] = Math.max(next[column + k] ?? 0, rowspan - 1);
      column += colspan;
    }
    cache.columns.set(row, columns);
    covered = next;
  }
}

/** Rows and cells by plain DOM (no table-section APIs: not every DOM implements them). */
function rowsOf(parent: Element): Element[] {
  return Array.from(parent.children).filter((c) => c.localName === 'tr');
}
function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.localName === 'td' || c.localName === 'th');
}
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (child.localName === 'tr') rows.push(child);
    else if (child.localName === 'thead' || child.localName === 'tbody' || child.localName === 'tfoot') rows.push(...rowsOf(child));
  }
  return rows;
}

function tableModel(table: Element, cache: HeaderCache, textOf: (node: Node) => string): HeaderModel | null {
  const cached = cache.models.get(table);
  if (cached) return cached;
  const rows: Element[] = [];
  const head = Array.from(table.children).find((c) => c.localName === 'thead');
  if (head) {
    rows.push(...rowsOf(head));
  } else {
    // Leading rows made only of <th> cells, without fields, are header rows.
    for (const row of tableRows(table)) {
      const cells = cellsOf(row);
      if (cells.length === 0 || cells.some((c) => c.localName !== 'th') || row.querySelector('input, select, textarea')) break;
      rows.push(row);
      if (rows.length > 6) break;
    }
  }
  const model = buildModel(
    rows.map((row) =>
      cellsOf(row).map((c) => ({
        text: textOf(c),
        colspan: span(c.getAttribute('colspan')),
        rowspan: span(c.getAttribute('rowspan'), 1, MAX_ROWSPAN),
        colindex: null as number | null,
      })),
    ),
  );
  cache.models.set(table, model);
  return model;
}

function ariaCellsOf(row: Element): Element[] {
  return Array.from(row.querySelectorAll(ARIA_CELL)).filter((c) => c.closest('[role="row"]') === row);
}

function columnOfAriaCell(cell: Element, row: Element): number {
  const index = Number.parseInt(cell.getAttribute('aria-colindex') ?? '', 10);
  if (Number.isFinite(index) && index >= 1) return index - 1;
  let column = 0;
  for (const c of ariaCellsOf(row)) {
    if (c === cell) break;
    const own = Number.parseInt(c.getAttribute('aria-colindex') ?? '', 10);
    column = (Number.isFinite(own) && own >= 1 ? own - 1 : column) + span(c.getAttribute('aria-colspan'));
  }
  return column;
}

function gridModel(grid: Element, cache: HeaderCache, textOf: (node: Node) => string): HeaderModel | null {
  const cached = cache.models.get(grid);
  if (cached) return cached;
  const headerRows: Element[] = [];
  for (const row of Array.from(grid.querySelectorAll('[role="row"]'))) {
    if (row.closest(ARIA_GRID) !== grid) continue;
    if (!row.querySelector('[role="columnheader"]')) {
      if (headerRows.length) break;
      continue;
    }
    headerRows.push(row);
    if (headerRows.length > 6) break;
  }
  const model = buildModel(
    headerRows.map((row) =>
      ariaCellsOf(row).map((c) => {
        const index = Number.parseInt(c.getAttribute('aria-colindex') ?? '', 10);
        return {
          text: textOf(c),
          colspan: span(c.getAttribute('aria-colspan') ?? c.getAttribute('colspan')),
          rowspan: span(c.getAttribute('aria-rowspan') ?? c.getAttribute('rowspan'), 1, MAX_ROWSPAN),
          colindex: Number.isFinite(index) && index >= 1 ? index - 1 : null,
        };
      }),
    ),
  );
  cache.models.set(grid, model);
  return model;
}

interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
  colindex: number | null;
}

/** The HTML table algorithm for header rows: fill a grid, skipping slots taken by rowspans. */
function buildModel(rows: HeaderCell[][]): HeaderModel {
  const columns: string[][] = [];
  const occupied: boolean[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      if (cell.colindex !== null) column = cell.colindex;
      while (occupied[r]![column]) column++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          occupied[r + dr]![column + dc] = true;
          if (dr === 0 && cell.text) (columns[column + dc] ??= []).push(cell.text);
        }
      }
      column += cell.colspan;
    }
  });
  return { columns };
}

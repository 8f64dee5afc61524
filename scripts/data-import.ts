// `npm run data:import -- [--out DIR] [--quarter 2024Q3] KIND=FILE …`: reads CMS's published NCCI PTP,
// MUE and MPFS relative value files and writes ClaimGuide's versioned data files (rules/data/cms/).
// KIND is ptp-practitioner, ptp-outpatient, mue-practitioner, mue-outpatient (with --quarter) or
// mpfs-YYYY. Everything is read and checked before anything is written: a malformed file stops the
// import with its name, line and reason, and no file changes. See README, "Loading a new CMS quarter".
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RELATED_CODES, SRS_DELIVERY } from '../rules/data/code-groups';
import type { MpfsDataset, MueDataset, NcciFile, PtpDataset, PtpRow } from '../rules/data/types';

export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** One line of a comma- or tab-separated file into cells (double quotes, "" inside quotes). */
export function splitCells(text: string, separator: ',' | '\t'): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

interface Table {
  file: string;
  /** Data rows after the header: [1-based line number, cells]. */
  rows: [number, string[]][];
  header: string[];
  headerLine: number;
}

const norm = (text: string) => text.toLowerCase().replace(/[^a-z0-9*]+/g, ' ').trim();

/** Finds the header row (the first row `isHeader` accepts) and returns the rows below it. */
function readTable(file: string, isHeader: (cells: string[]) => boolean, what: string): Table {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch (error) {
    throw new ImportError(file, 0, `cannot be read (${(error as Error).message})`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const separator = lines.some((line) => line.includes('\t')) ? '\t' : ',';
  for (let i = 0; i < lines.length; i++) {
    const cells = splitCells(lines[i]!, separator);
    if (!isHeader(cells)) continue;
    const rows: [number, string[]][] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const row = splitCells(lines[j]!, separator);
      if (row.every((cell) => cell === '')) continue;
      rows.push([j + 1, row]);
    }
    return { file, rows, header: cells.map(norm), headerLine: i + 1 };
  }
  throw new ImportError(file, 1, `no ${what} header row found`);
}

function column(table: Table, names: readonly RegExp[], what: string): number {
  const index = table.header.findIndex((cell) => names.some((name) => name.test(cell)));
  if (index < 0) throw new ImportError(table.file, table.headerLine, `no "${what}" column in the header`);
  return index;
}

const CODE = /^[0-9A-Z]{5}$/;

function isoOf(table: Table, line: number, text: string, what: string): string {
  let match = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (us) match = [text, us[3]!, us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')] as unknown as RegExpExecArray;
  }
  const [, y, m, d] = match ?? [];
  const month = Number(m);
  const day = Number(d);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw new ImportError(table.file, line, `${what} "${text}" is not a date (YYYYMMDD)`);
  return `${y}-${m}-${d}`;
}

/** "2024Q3" → first and last day of the quarter. */
export function quarterRange(quarter: string): { from: string; to: string; label: string } {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) throw new ImportError('--quarter', 0, `"${quarter}" is not a quarter like 2024Q3`);
  const year = match[1]!;
  const q = Number(match[2]);
  const first = String(q * 3 - 2).padStart(2, '0');
  const last = String(q * 3).padStart(2, '0');
  const lastDay = q === 1 || q === 4 ? '31' : '30';
  return { from: `${year}-${first}-01`, to: `${year}-${last}-${lastDay}`, label: `${year} Q${q}` };
}

/** Keep an edit when 77371/77372 is on either side, or both codes are among the related codes. */
const keepPair = (col1: string, col2: string) =>
  SRS_DELIVERY.has(col1) || SRS_DELIVERY.has(col2) || (RELATED_CODES.has(col1) && RELATED_CODES.has(col2));

interface PtpEditRow {
  col1: string;
  col2: string;
  effective: string;
  deleted: string;
  modifier: 0 | 1 | 9;
  rationale: string;
}

/**
 * An NCCI PTP file: CMS's layout (a header row "Column 1 | Column 2 | * = in existence prior to 1996 |
 * Effective Date | Deletion Date | Modifier | PTP Edit Rationale", dates YYYYMMDD, deletion "*" = none,
 * tab-separated text or CSV), or any CSV whose header names those columns.
 */
export function readPtp(file: string, range: { from: string; to: string }): PtpEditRow[] {
  const table = readTable(file, (cells) => cells.some((c) => /^column\s*1$|^col1$/.test(norm(c))) && cells.some((c) => /^column\s*2$|^col2$/.test(norm(c))), 'PTP ("Column 1", "Column 2")');
  const c1 = column(table, [/^column 1$/, /^col1$/], 'Column 1');
  const c2 = column(table, [/^column 2$/, /^col2$/], 'Column 2');
  const ce = column(table, [/^effective/], 'Effective Date');
  const cd = column(table, [/^deletion/, /^deleted$/], 'Deletion Date');
  const cm = column(table, [/^modifier/, /^mod$/], 'Modifier');
  const cr = column(table, [/rationale/], 'PTP Edit Rationale');
  const out: PtpEditRow[] = [];
  let seenData = false;
  for (const [line, cells] of table.rows) {
    const col1 = (cells[c1] ?? '').toUpperCase();
    // CMS's files carry explanation rows under the header ("*=no data", "0=not allowed…"): no code in column 1.
    if (!seenData && col1 === '') continue;
    seenData = true;
    const col2 = (cells[c2] ?? '').toUpperCase();
    if (!CODE.test(col1)) throw new ImportError(file, line, `column 1 "${cells[c1] ?? ''}" is not a CPT/HCPCS code`);
    if (!CODE.test(col2)) throw new ImportError(file, line, `column 2 "${cells[c2] ?? ''}" is not a CPT/HCPCS code`);
    const effective = isoOf(table, line, cells[ce] ?? '', 'effective date');
    const deletedText = cells[cd] ?? '';
    const deleted = deletedText === '*' || deletedText === '' || deletedText === '99991231' || deletedText === '9999-12-31' ? '' : isoOf(table, line, deletedText, 'deletion date');
    const modifierText = cells[cm] ?? '';
    if (!/^[019]$/.test(modifierText)) throw new ImportError(file, line, `modifier indicator "${modifierText}" is not 0, 1 or 9`);
    const rationale = cells[cr] ?? '';
    if (!rationale) throw new ImportError(file, line, 'no PTP edit rationale');
    if (!keepPair(col1, col2)) continue;
    // Only edits in force on some date of the quarter.
    if (effective > range.to || (deleted && deleted <= range.from)) continue;
    out.push({ col1, col2, effective, deleted, modifier: Number(modifierText) as 0 | 1 | 9, rationale });
  }
  return out;
}

export interface MueValue {
  code: string;
  value: number;
  mai: 1 | 2 | 3;
}

/**
 * An NCCI MUE file: CMS's CSV (header "HCPCS/CPT Code, Practitioner Services MUE Values | Outpatient
 * Hospital Services MUE Values, MUE Adjudication Indicator, MUE Rationale"; MAI as "2 Date of Service
 * Edit: Policy"), or a CSV whose header names a code, a value/units and an MAI column.
 */
export function readMue(file: string, which: NcciFile): MueValue[] {
  const table = readTable(file, (cells) => cells.some((c) => /hcpcs/.test(norm(c))) && cells.some((c) => /mue/.test(norm(c))), 'MUE ("HCPCS/CPT Code", "… MUE Values")');
  const cc = column(table, [/hcpcs/], 'HCPCS/CPT Code');
  const cv = column(table, [/mue values?$/, /^mue units$/, /^mue value$/], 'MUE Values');
  const ca = column(table, [/adjudication indicator/, /^mue mai$/, /^mai$/], 'MUE Adjudication Indicator');
  const named = table.header[cv]!;
  const other: NcciFile = which === 'practitioner' ? 'outpatient' : 'practitioner';
  if ((other === 'outpatient' && /outpatient/.test(named)) || (other === 'practitioner' && /practitioner/.test(named))) {
    throw new ImportError(file, table.headerLine, `the header says "${named}", but the file was given as mue-${which}`);
  }
  const out: MueValue[] = [];
  for (const [line, cells] of table.rows) {
    const code = (cells[cc] ?? '').toUpperCase();
    if (!CODE.test(code)) throw new ImportError(file, line, `"${cells[cc] ?? ''}" is not a CPT/HCPCS code`);
    const valueText = cells[cv] ?? '';
    if (!/^\d{1,4}$/.test(valueText)) throw new ImportError(file, line, `MUE value "${valueText}" is not a whole number`);
    const maiMatch = /^([123])\b/.exec(cells[ca] ?? '');
    if (!maiMatch) throw new ImportError(file, line, `MUE adjudication indicator "${cells[ca] ?? ''}" is not 1, 2 or 3`);
    if (!RELATED_CODES.has(code)) continue;
    out.push({ code, value: Number(valueText), mai: Number(maiMatch[1]) as 1 | 2 | 3 });
  }
  return out;
}

/**
 * An MPFS relative value file (PPRRVUyy, CSV): the header row starting "HCPCS, MOD, DESCRIPTION";
 * status code, PC/TC indicator and global days in columns 4, 14 and 15 of CMS's record layout. Or
 * a CSV whose header names hcpcs, mod, status_code, pctc_ind and glob_days.
 */
export function readMpfs(file: string): Map<string, string> {
  const table = readTable(file, (cells) => norm(cells[0] ?? '') === 'hcpcs' || cells.some((c) => norm(c) === 'pctc ind'), 'MPFS ("HCPCS, MOD, DESCRIPTION…")');
  const byName = table.header.includes('pctc ind');
  const ch = byName ? column(table, [/^hcpcs$/], 'hcpcs') : 0;
  const cm = byName ? column(table, [/^mod$/], 'mod') : 1;
  const cs = byName ? column(table, [/^status code$/], 'status_code') : 3;
  const cp = byName ? column(table, [/^pctc ind$/], 'pctc_ind') : 13;
  const cg = byName ? column(table, [/^glob days$/], 'glob_days') : 14;
  if (!byName && (table.header[1] !== 'mod' || table.header[2] !== 'description')) {
    throw new ImportError(file, table.headerLine, 'the header is not the PPRRVU layout (HCPCS, MOD, DESCRIPTION, …)');
  }
  const out = new Map<string, string>();
  for (const [line, cells] of table.rows) {
    const code = (cells[ch] ?? '').toUpperCase();
    if (!CODE.test(code)) throw new ImportError(file, line, `HCPCS "${cells[ch] ?? ''}" is not a CPT/HCPCS code`);
    const mod = cells[cm] ?? '';
    if (mod !== '' && mod !== '<NA>' && !/^[0-9A-Z]{2}$/.test(mod)) throw new ImportError(file, line, `modifier "${mod}" is not two characters`);
    const status = cells[cs] ?? '';
    const pctc = cells[cp] ?? '';
    const glob = cells[cg] ?? '';
    if (!/^[A-Z]$/.test(status)) throw new ImportError(file, line, `status code "${status}" is not one letter`);
    if (!/^\d$/.test(pctc)) throw new ImportError(file, line, `PC/TC indicator "${pctc}" is not a digit`);
    if (!/^[0-9A-Z]{3}$/.test(glob)) throw new ImportError(file, line, `global days "${glob}" is not three characters`);
    // The code's own row (no modifier) carries its indicators; the 26/TC rows repeat them.
    if ((mod !== '' && mod !== '<NA>') || !RELATED_CODES.has(code)) continue;
    out.set(code, `${status} ${pctc} ${glob}`);
  }
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const q = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const HEADER = '// Generated by `npm run data:import` from CMS files (README: "Loading a new CMS quarter"). Do not edit by hand.\n';

function ptpRows(edits: readonly PtpEditRow[], rationales: readonly string[]): PtpRow[] {
  const groups = new Map<string, { row: Omit<PtpEditRow, 'col2'>; col2s: Set<string> }>();
  for (const edit of edits) {
    const key = [edit.col1, edit.effective, edit.deleted, edit.modifier, edit.rationale].join('\u0000');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { row: edit, col2s: new Set() }));
    group.col2s.add(edit.col2);
  }
  return [...groups.values()]
    .map(({ row, col2s }): PtpRow => [row.col1, row.effective, row.deleted, row.modifier, rationales.indexOf(row.rationale), [...col2s].sort(byText).join(' ')])
    .sort((a, b) => byText(a[0], b[0]) || byText(a[1], b[1]) || byText(a[2], b[2]) || a[3] - b[3] || a[4] - b[4] || byText(a[5], b[5]));
}

export function renderPtp(quarter: string, files: Record<NcciFile, readonly PtpEditRow[]>): string {
  const range = quarterRange(quarter);
  const rationales = [...new Set([...files.practitioner, ...files.outpatient].map((edit) => edit.rationale))].sort(byText);
  const rows = (list: readonly PtpRow[]) => list.map((row) => `    [${q(row[0])}, ${q(row[1])}, ${q(row[2])}, ${row[3]}, ${row[4]}, ${q(row[5])}],\n`).join('');
  return (
    HEADER +
    `// NCCI procedure-to-procedure edits, ${range.label}: rows with 77371/77372 on either side and rows among the related codes.\n` +
    `// Row: [column one, effective, deleted ('' = none), modifier indicator, rationale index, column-two codes].\n` +
    `export default {\n` +
    `  kind: 'ptp' as const,\n  quarter: ${q(quarter)},\n  label: ${q(`NCCI PTP ${range.label}`)},\n  from: ${q(range.from)},\n  to: ${q(range.to)},\n` +
    `  rationales: [\n${rationales.map((r) => `    ${q(r)},\n`).join('')}  ],\n` +
    `  practitioner: [\n${rows(ptpRows(files.practitioner, rationales))}  ] as const,\n` +
    `  outpatient: [\n${rows(ptpRows(files.outpatient, rationales))}  ] as const,\n` +
    `};\n`
  );
}

export function renderMue(quarter: string, files: Record<NcciFile, readonly MueValue[]>): string {
  const range = quarterRange(quarter);
  const entries = (list: readonly MueValue[]) =>
    [...list].sort((a, b) => byText(a.code, b.code)).map((entry) => `    '${entry.code} ${entry.value} ${entry.mai}',\n`).join('');
  return (
    HEADER +
    `// NCCI medically unlikely edits, ${range.label}, for the related codes. Entry: "code MUE-value MAI".\n` +
    `export default {\n` +
    `  kind: 'mue' as const,\n  quarter: ${q(quarter)},\n  label: ${q(`NCCI MUE ${range.label}`)},\n  from: ${q(range.from)},\n  to: ${q(range.to)},\n` +
    `  practitioner: [\n${entries(files.practitioner)}  ],\n` +
    `  outpatient: [\n${entries(files.outpatient)}  ],\n` +
    `};\n`
  );
}

export function renderMpfs(year: number, codes: ReadonlyMap<string, string>): string {
  return (
    HEADER +
    `// Medicare Physician Fee Schedule relative value file, CY${year}, for the related codes. Entry: "status PC/TC-indicator global-days".\n` +
    `export default {\n` +
    `  kind: 'mpfs' as const,\n  year: ${year},\n  label: ${q(`MPFS ${year}`)},\n  from: ${q(`${year}-01-01`)},\n  to: ${q(`${year}-12-31`)},\n` +
    `  codes: {\n${[...codes.entries()].sort(([a], [b]) => byText(a, b)).map(([code, value]) => `    ${q(code)}: ${q(value)},\n`).join('')}  },\n` +
    `};\n`
  );
}

/** The index of every data file in the folder (sorted), typed against rules/data/types.ts. */
export function renderIndex(names: readonly string[]): string {
  const files = names.filter((name) => /^(?:ptp|mue)-\d{4}q[1-4]\.ts$|^mpfs-\d{4}\.ts$/.test(name)).sort(byText);
  const id = (name: string) => name.replace(/\.ts$/, '').replace(/-/g, '_');
  const of = (kind: string) => files.filter((name) => name.startsWith(`${kind}-`)).map(id).join(', ');
  return (
    HEADER +
    `import type { MpfsDataset, MueDataset, PtpDataset } from '../types';\n` +
    files.map((name) => `import ${id(name)} from './${name.replace(/\.ts$/, '')}';\n`).join('') +
    `\nexport const PTP_QUARTERS: readonly PtpDataset[] = [${of('ptp')}];\n` +
    `export const MUE_QUARTERS: readonly MueDataset[] = [${of('mue')}];\n` +
    `export const MPFS_YEARS: readonly MpfsDataset[] = [${of('mpfs')}];\n`
  );
}

export const DEFAULT_OUT = fileURLToPath(new URL('../rules/data/cms/', import.meta.url));

/** Parses the arguments, reads every file, and only then writes. Returns the written file names. */
export function runImport(args: readonly string[]): string[] {
  let out = DEFAULT_OUT;
  let quarter: string | undefined;
  const inputs = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out') out = args[++i] ?? '';
    else if (arg === '--quarter') quarter = args[++i];
    else {
      const match = /^(ptp-practitioner|ptp-outpatient|mue-practitioner|mue-outpatient|mpfs-\d{4})=(.+)$/.exec(arg);
      if (!match) throw new ImportError(arg, 0, 'expected KIND=FILE (ptp-practitioner, ptp-outpatient, mue-practitioner, mue-outpatient, mpfs-YYYY), --quarter or --out');
      inputs.set(match[1]!, match[2]!);
    }
  }
  const outputs = new Map<string, string>();
  const hasPtp = inputs.has('ptp-practitioner') || inputs.has('ptp-outpatient');
  const hasMue = inputs.has('mue-practitioner') || inputs.has('mue-outpatient');
  if ((hasPtp || hasMue) && !quarter) throw new ImportError('--quarter', 0, 'NCCI files need --quarter (e.g. --quarter 2024Q3)');
  if (hasPtp) {
    for (const kind of ['ptp-practitioner', 'ptp-outpatient']) if (!inputs.has(kind)) throw new ImportError(kind, 0, 'a PTP quarter needs both the practitioner and the outpatient hospital file');
    const range = quarterRange(quarter!);
    outputs.set(`ptp-${quarter!.toLowerCase()}.ts`, renderPtp(quarter!, {
      practitioner: readPtp(inputs.get('ptp-practitioner')!, range),
      outpatient: readPtp(inputs.get('ptp-outpatient')!, range),
    }));
  }
  if (hasMue) {
    for (const kind of ['mue-practitioner', 'mue-outpatient']) if (!inputs.has(kind)) throw new ImportError(kind, 0, 'an MUE quarter needs both the practitioner and the outpatient hospital file');
    quarterRange(quarter!);
    outputs.set(`mue-${quarter!.toLowerCase()}.ts`, renderMue(quarter!, {
      practitioner: readMue(inputs.get('mue-practitioner')!, 'practitioner'),
      outpatient: readMue(inputs.get('mue-outpatient')!, 'outpatient'),
    }));
  }
  for (const [kind, file] of inputs) {
    const match = /^mpfs-(\d{4})$/.exec(kind);
    if (match) outputs.set(`mpfs-${match[1]}.ts`, renderMpfs(Number(match[1]), readMpfs(file)));
  }
  if (!outputs.size) throw new ImportError('arguments', 0, 'no input file given');
  let existing: string[];
  try {
    existing = readdirSync(out);
  } catch {
    throw new ImportError(out, 0, 'the output folder does not exist');
  }
  outputs.set('index.ts', renderIndex([...new Set([...existing, ...outputs.keys()])]));
  // Everything parsed: write each file next to its target, then rename (no half-written file).
  for (const [name, text] of outputs) writeFileSync(join(out, `.${name}.tmp`), text);
  for (const name of outputs.keys()) renameSync(join(out, `.${name}.tmp`), join(out, name));
  return [...outputs.keys()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const written = runImport(process.argv.slice(2));
    console.log(`wrote ${written.join(', ')}`);
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`data:import stopped, nothing written. ${error.file}${error.line ? `, line ${error.line}` : ''}: ${error.reason}`);
      process.exit(1);
    }
    throw error;
  }
}

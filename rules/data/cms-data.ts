import type { Source } from '../finding';
import { MPFS_YEARS, MUE_QUARTERS, PTP_QUARTERS } from './cms/index';
import { isCodeValidOn } from './code-validity';
import { MPFS_2026_REFERENCE } from './mpfs-2026-reference';
import { SOURCES } from './sources';
import type { CmsDataBundle, MpfsDataset, MueDataset, NcciFile, PtpDataset } from './types';

/**
 * The dated CMS data the rules read, as loaded by `npm run data:import` (rules/data/cms/), plus the
 * 2026 facts of srs-reference.md §10 where no CMS file for that year is loaded. A CMS year loaded
 * for 2026 replaces the reference one.
 */
export const SHIPPED_DATA: CmsDataBundle = {
  ptp: PTP_QUARTERS,
  mue: MUE_QUARTERS,
  mpfs: MPFS_YEARS.some((year) => year.year === MPFS_2026_REFERENCE.year) ? MPFS_YEARS : [...MPFS_YEARS, MPFS_2026_REFERENCE],
};

export interface PtpEdit {
  col1: string;
  col2: string;
  /** 0: never together; 1: an NCCI-associated modifier may bypass when documented. */
  indicator: 0 | 1;
  rationale: string;
  effective: string;
  /** '' when the edit has no deletion date. */
  deleted: string;
  dataset: PtpDataset;
}

export interface MueEntry {
  code: string;
  value: number;
  /** MUE adjudication indicator: 1 line, 2 date of service (policy), 3 date of service (clinical). */
  mai: 1 | 2 | 3;
  dataset: MueDataset;
}

export interface MpfsEntry {
  code: string;
  /** Status code, e.g. 'A', 'C', 'I'; '?' when the source does not give it. */
  status: string;
  /** PC/TC indicator 0–9. */
  pctc: number;
  global: string;
  dataset: MpfsDataset;
}

const inRange = (date: string, range: { from: string; to: string }) => date >= range.from && date <= range.to;

/** Lookups over one bundle: each quarter is indexed once, by code, on first use. */
export class CmsData {
  private readonly ptpIndex = new Map<PtpDataset, Record<NcciFile, Map<string, Map<string, PtpEdit[]>>>>();
  private readonly mueIndex = new Map<MueDataset, Record<NcciFile, Map<string, MueEntry>>>();
  private readonly sources = new Map<string, Source>();

  constructor(readonly bundle: CmsDataBundle) {}

  ptpQuarter(date: string): PtpDataset | undefined {
    return this.bundle.ptp.find((quarter) => inRange(date, quarter));
  }

  mueQuarter(date: string): MueDataset | undefined {
    return this.bundle.mue.find((quarter) => inRange(date, quarter));
  }

  mpfsYear(date: string): MpfsDataset | undefined {
    return this.bundle.mpfs.find((year) => inRange(date, year));
  }

  /** PTP edits of `code`, by partner code (every edit of the quarter, whatever its dates). */
  partners(dataset: PtpDataset, file: NcciFile, code: string): ReadonlyMap<string, readonly PtpEdit[]> | undefined {
    let index = this.ptpIndex.get(dataset);
    if (!index) {
      index = { practitioner: indexPtp(dataset, 'practitioner'), outpatient: indexPtp(dataset, 'outpatient') };
      this.ptpIndex.set(dataset, index);
    }
    return index[file].get(code);
  }

  /** The PTP edit in force between two codes on a date (the stricter one when several are), if any. */
  ptpEdit(file: NcciFile, a: string, b: string, date: string): PtpEdit | undefined {
    const quarter = this.ptpQuarter(date);
    if (!quarter || a === b) return undefined;
    return inForce(this.partners(quarter, file, a)?.get(b), date);
  }

  mue(file: NcciFile, code: string, date: string): MueEntry | undefined {
    const quarter = this.mueQuarter(date);
    if (!quarter) return undefined;
    let index = this.mueIndex.get(quarter);
    if (!index) {
      index = { practitioner: indexMue(quarter, quarter.practitioner), outpatient: indexMue(quarter, quarter.outpatient) };
      this.mueIndex.set(quarter, index);
    }
    return index[file].get(code);
  }

  mpfs(code: string, date: string): MpfsEntry | undefined {
    const year = this.mpfsYear(date);
    const value = year?.codes[code];
    if (!year || !value) return undefined;
    const [status = '?', pctc = '9', global = ''] = value.split(' ');
    return { code, status, pctc: Number(pctc), global, dataset: year };
  }

  /** Whether MPFS facts for that code and date are loaded (a partial year covers its listed codes only). */
  mpfsCovers(code: string, date: string): boolean {
    const year = this.mpfsYear(date);
    return Boolean(year && (!year.sources || year.codes[code]));
  }

  /** The citation of a PTP finding: the file and quarter it came from. */
  ptpSource(dataset: PtpDataset, file: NcciFile): Source {
    return this.cached(`ptp:${dataset.quarter}:${file}`, () => ({
      title: `CMS Medicare NCCI PTP edits, ${fileName(file)}, ${dataset.label.replace('NCCI PTP ', '')} (dates of service ${dataset.from} to ${dataset.to})`,
      url: SOURCES.ncciPtpPractitioner.url,
    }));
  }

  mueSource(dataset: MueDataset, file: NcciFile): Source {
    return this.cached(`mue:${dataset.quarter}:${file}`, () => ({
      title: `CMS Medicare NCCI MUE table, ${fileName(file)}, ${dataset.label.replace('NCCI MUE ', '')} (dates of service ${dataset.from} to ${dataset.to})`,
      url: SOURCES.ncciMue.url,
    }));
  }

  mpfsSources(dataset: MpfsDataset): readonly Source[] {
    if (dataset.sources) return dataset.sources;
    return [this.cached(`mpfs:${dataset.year}`, () => ({ title: `CMS Medicare Physician Fee Schedule relative value file CY${dataset.year}: status, PC/TC indicator, global days`, url: SOURCES.mpfsRvu2024.url }))];
  }

  /** What is loaded, for messages and the side panel: "NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025". */
  vintage(): string {
    const cms = this.bundle.mpfs.filter((year) => !year.sources).map((year) => String(year.year));
    return [
      ...this.bundle.ptp.map((quarter) => quarter.label),
      ...this.bundle.mue.map((quarter) => quarter.label),
      ...(cms.length ? [`MPFS ${cms.join(', ')}`] : []),
    ].join('; ');
  }

  private cached(key: string, make: () => Source): Source {
    let source = this.sources.get(key);
    if (!source) this.sources.set(key, (source = make()));
    return source;
  }
}

const fileName = (file: NcciFile) => (file === 'practitioner' ? 'practitioner services' : 'outpatient hospital services');

function indexPtp(dataset: PtpDataset, file: NcciFile): Map<string, Map<string, PtpEdit[]>> {
  const index = new Map<string, Map<string, PtpEdit[]>>();
  const add = (code: string, partner: string, edit: PtpEdit) => {
    let partners = index.get(code);
    if (!partners) index.set(code, (partners = new Map()));
    const list = partners.get(partner);
    if (list) list.push(edit);
    else partners.set(partner, [edit]);
  };
  for (const [col1, effective, deleted, modifier, rationale, col2s] of dataset[file]) {
    if (modifier === 9) continue; // "not applicable": the edit is not in force
    for (const col2 of col2s.split(' ')) {
      const edit: PtpEdit = { col1, col2, indicator: modifier, rationale: dataset.rationales[rationale] ?? '', effective, deleted, dataset };
      add(col1, col2, edit);
      add(col2, col1, edit);
    }
  }
  return index;
}

/** The edit in force on the date among those between one pair: indicator 0 first, then the lower column one. */
export function inForce(edits: readonly PtpEdit[] | undefined, date: string): PtpEdit | undefined {
  if (!edits) return undefined;
  let best: PtpEdit | undefined;
  for (const edit of edits) {
    if (edit.effective > date || (edit.deleted && date >= edit.deleted)) continue;
    if (!isCodeValidOn(edit.col1, date) || !isCodeValidOn(edit.col2, date)) continue;
    if (!best || edit.indicator < best.indicator || (edit.indicator === best.indicator && edit.col1 < best.col1)) best = edit;
  }
  return best;
}

function indexMue(dataset: MueDataset, entries: readonly string[]): Map<string, MueEntry> {
  const map = new Map<string, MueEntry>();
  for (const entry of entries) {
    const [code = '', value = '0', mai = '3'] = entry.split(' ');
    map.set(code, { code, value: Number(value), mai: Number(mai) as 1 | 2 | 3, dataset });
  }
  return map;
}

const instances = new WeakMap<CmsDataBundle, CmsData>();

/** The lookups of a bundle, built once per bundle. */
export function cmsData(bundle: CmsDataBundle = SHIPPED_DATA): CmsData {
  let data = instances.get(bundle);
  if (!data) instances.set(bundle, (data = new CmsData(bundle)));
  return data;
}

/** What the shipped data covers, e.g. "NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025" (the side panel shows it). */
export function dataVintage(): string {
  return cmsData().vintage();
}

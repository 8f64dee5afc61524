import type { Source } from '../finding';
import { NCCI_MUE_2024Q3 } from './mue-2024q3';
import { NCCI_PTP_2024Q3 } from './ncci-ptp-2024q3';
import { SOURCES } from './sources';
import type { MueDataset, NcciFile, PtpDataset } from './types';
import { isCodeValidOn } from './code-validity';

/** The active NCCI datasets. A newer quarter replaces these two imports (same shapes). */
export const PTP_DATASET: PtpDataset = NCCI_PTP_2024Q3;
export const MUE_DATASET: MueDataset = NCCI_MUE_2024Q3;

export interface PtpEdit {
  col1: string;
  col2: string;
  /** 0: never together; 1: an NCCI-associated modifier may bypass when documented. */
  indicator: 0 | 1;
  rationale: string;
}

export interface MueEntry {
  code: string;
  value: number;
  /** MUE adjudication indicator: 1 line, 2 date of service (policy), 3 date of service (clinical). */
  mai: 1 | 2 | 3;
}

function buildPtp(rows: PtpDataset['practitioner'], rationales: readonly string[]): Map<string, PtpEdit> {
  const map = new Map<string, PtpEdit>();
  for (const [col1, indicator, rationale, col2s] of rows) {
    if (indicator === 9) continue; // "not applicable": the edit is not in force
    for (const col2 of col2s.split(' ')) {
      const edit: PtpEdit = { col1, col2, indicator, rationale: rationales[rationale] ?? '' };
      // A pair may be listed both ways: keep one, deterministically (the stricter, then the lower col1).
      const key = col1 < col2 ? `${col1}|${col2}` : `${col2}|${col1}`;
      const known = map.get(key);
      if (!known || edit.indicator < known.indicator || (edit.indicator === known.indicator && edit.col1 < known.col1)) {
        map.set(key, edit);
      }
    }
  }
  return map;
}

let ptpCache: { dataset: PtpDataset; files: Record<NcciFile, Map<string, PtpEdit>> } | undefined;
function ptpMaps(): Record<NcciFile, Map<string, PtpEdit>> {
  if (!ptpCache || ptpCache.dataset !== PTP_DATASET) {
    ptpCache = {
      dataset: PTP_DATASET,
      files: {
        practitioner: buildPtp(PTP_DATASET.practitioner, PTP_DATASET.rationales),
        outpatient: buildPtp(PTP_DATASET.outpatient, PTP_DATASET.rationales),
      },
    };
  }
  return ptpCache.files;
}

/**
 * The active PTP edit between two codes in one NCCI file, for a date of service. A pair
 * involving a code that is not valid on that date (e.g. deleted 2026-01-01) is not in force.
 */
export function ptpEdit(file: NcciFile, a: string, b: string, date: string): PtpEdit | undefined {
  if (a === b) return undefined;
  const edit = ptpMaps()[file].get(a < b ? `${a}|${b}` : `${b}|${a}`);
  if (!edit) return undefined;
  if (!isCodeValidOn(a, date) || !isCodeValidOn(b, date)) return undefined;
  return edit;
}

let mueCache: { dataset: MueDataset; files: Record<NcciFile, Map<string, MueEntry>> } | undefined;
function buildMue(entries: readonly string[]): Map<string, MueEntry> {
  const map = new Map<string, MueEntry>();
  for (const entry of entries) {
    const [code = '', value = '0', mai = '3'] = entry.split(' ');
    map.set(code, { code, value: Number(value), mai: Number(mai) as 1 | 2 | 3 });
  }
  return map;
}

export function mueOf(file: NcciFile, code: string): MueEntry | undefined {
  if (!mueCache || mueCache.dataset !== MUE_DATASET) {
    mueCache = {
      dataset: MUE_DATASET,
      files: { practitioner: buildMue(MUE_DATASET.practitioner), outpatient: buildMue(MUE_DATASET.outpatient) },
    };
  }
  return mueCache.files[file].get(code);
}

/** The citation of the PTP file a finding came from, labelled with the dataset's quarter. */
const sourceCache = new Map<string, Source>();
const cached = (key: string, make: () => Source) => {
  let source = sourceCache.get(key);
  if (!source) sourceCache.set(key, (source = make()));
  return source;
};

export function ptpSource(file: NcciFile): Source {
  return cached(`ptp:${PTP_DATASET.quarter}:${file}`, () => ptpSourceOf(file));
}

function ptpSourceOf(file: NcciFile): Source {
  const which = file === 'practitioner' ? 'practitioner services' : 'outpatient hospital services';
  return { title: `CMS Medicare NCCI PTP edits, ${which}, ${PTP_DATASET.quarter} (effective ${PTP_DATASET.effectiveFrom})`, url: SOURCES.ncciPtpPractitioner.url };
}

export function mueSource(file: NcciFile): Source {
  return cached(`mue:${MUE_DATASET.quarter}:${file}`, () => mueSourceOf(file));
}

function mueSourceOf(file: NcciFile): Source {
  const which = file === 'practitioner' ? 'practitioner services' : 'outpatient hospital services';
  return { title: `CMS Medicare NCCI MUE table, ${which}, ${MUE_DATASET.quarter} (effective ${MUE_DATASET.effectiveFrom})`, url: SOURCES.ncciMue.url };
}

import type { Claim } from './claim';
import { inForce, type CmsData } from './data/cms-data';
import type { NcciFile } from './data/types';
import type { PayerProfile } from './profile';
import { BYPASS_MODIFIERS, linesByCode, type DateGroup, type LineView, type MueExcess, type PairConflict, type RuleContext } from './rule';

export function ncciFileFor(profile: PayerProfile, claim: Claim): NcciFile {
  if (profile.ncciFile === 'by-form') return claim.formType === 'institutional' ? 'outpatient' : 'practitioner';
  return profile.ncciFile;
}

function lineView(line: Claim['lines'][number], today: string): LineView {
  const units = line.units !== undefined && Number.isFinite(line.units) ? line.units : 1;
  const unreadable = line.dateFrom === undefined && line.dateFromText !== undefined;
  return {
    line,
    index: line.index,
    code: line.code,
    modifiers: line.modifiers,
    mods: new Set(line.modifiers),
    units,
    unitsUnreadable: line.units === undefined && line.unitsText !== undefined,
    date: unreadable ? '' : (line.dateFrom ?? today),
    dated: line.dateFrom !== undefined,
    dateUnreadable: unreadable,
  };
}

/** E/M visit codes: on these, 25 or 57 is the NCCI-associated modifier (not 59/X). */
const EVALUATION_AND_MANAGEMENT = /^99[2-4]\d\d$/;
const EM_BYPASS: ReadonlySet<string> = new Set(['25', '57']);

/** The NCCI-associated modifier on a column-two line, if any (25/57 count on an E/M code only). */
function bypassOn(line: LineView, col1: string): string | undefined {
  const em = EVALUATION_AND_MANAGEMENT.test(line.code);
  return line.modifiers.find((m) => BYPASS_MODIFIERS.has(m) || (em && EM_BYPASS.has(m) && col1 !== line.code));
}

/**
 * Every PTP edit in force between two codes of the same date group, once per pair of codes: for each
 * code present, only its indexed partners (or only the codes present, whichever is fewer) are looked
 * at, so the cost grows with the lines, not with their square.
 */
function findPairs(groups: readonly DateGroup[], file: NcciFile, data: CmsData): PairConflict[] {
  const out: PairConflict[] = [];
  for (const group of groups) {
    const quarter = data.ptpQuarter(group.date);
    if (!quarter) continue;
    const byCode = linesByCode(group);
    const codes = [...byCode.keys()].sort();
    for (const code of codes) {
      const partners = data.partners(quarter, file, code);
      if (!partners) continue;
      // Deterministic either way: the codes are sorted, the partners in the data's order.
      const candidates = partners.size < byCode.size ? [...partners.keys()].filter((p) => byCode.has(p)) : codes.filter((p) => partners.has(p));
      for (const partner of candidates) {
        if (partner <= code) continue; // each pair once, from its lower code
        const edit = inForce(partners.get(partner), group.date);
        if (!edit) continue;
        const col1 = byCode.get(edit.col1)!;
        const col2 = byCode.get(edit.col2)!;
        let bypass: string | undefined;
        if (edit.indicator === 1) {
          const found = col2.map((line) => bypassOn(line, edit.col1));
          if (found.every((modifier) => modifier !== undefined)) bypass = found[0];
        }
        out.push(bypass ? { group, col1, col2, edit, bypass } : { group, col1, col2, edit });
      }
    }
  }
  return out;
}

function findMueExcesses(groups: readonly DateGroup[], file: NcciFile, data: CmsData): MueExcess[] {
  const out: MueExcess[] = [];
  for (const group of groups) {
    if (!data.mueQuarter(group.date)) continue;
    for (const [code, lines] of linesByCode(group)) {
      const mue = data.mue(file, code, group.date);
      if (!mue) continue;
      const base = { group, code, value: mue.value, dataset: mue.dataset };
      if (mue.mai === 1) {
        for (const line of lines) {
          if (line.units > mue.value) out.push({ ...base, lines: [line], units: line.units, mai: 1 });
        }
        continue;
      }
      const units = lines.reduce((sum, line) => sum + line.units, 0);
      if (units > mue.value) out.push({ ...base, lines, units, mai: mue.mai });
    }
  }
  return out;
}

export function buildContext(claim: Claim, profile: PayerProfile, today: string, data: CmsData): RuleContext {
  const lines = claim.lines
    .filter((line) => line.code !== '')
    .map((line) => lineView(line, today))
    .sort((a, b) => a.index - b.index);
  const groupMap = new Map<string, LineView[]>();
  for (const line of lines) {
    if (line.dateUnreadable) continue;
    const key = line.dated ? line.date : '';
    const list = groupMap.get(key);
    if (list) list.push(line);
    else groupMap.set(key, [line]);
  }
  const groups: DateGroup[] = [...groupMap.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, members]) => ({ key, date: key || today, dated: key !== '', lines: members }));
  const ncciFile = ncciFileFor(profile, claim);
  let pairs: PairConflict[] | undefined;
  let mue: MueExcess[] | undefined;
  return {
    claim,
    profile,
    today,
    ncciFile,
    data,
    lines,
    groups,
    pairs: () => (pairs ??= findPairs(groups, ncciFile, data)),
    mueExcesses: () => (mue ??= findMueExcesses(groups, ncciFile, data)),
  };
}

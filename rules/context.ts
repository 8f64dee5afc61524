import type { Claim } from './claim';
import { mueOf, ptpEdit } from './data/ncci';
import type { NcciFile } from './data/types';
import type { PayerProfile } from './profile';
import { BYPASS_MODIFIERS, linesByCode, type DateGroup, type LineView, type MueExcess, type PairConflict, type RuleContext } from './rule';

export function ncciFileFor(profile: PayerProfile, claim: Claim): NcciFile {
  if (profile.ncciFile === 'by-form') return claim.formType === 'institutional' ? 'outpatient' : 'practitioner';
  return profile.ncciFile;
}

function lineView(line: Claim['lines'][number], today: string): LineView {
  const units = line.units !== undefined && Number.isFinite(line.units) ? line.units : 1;
  return {
    line,
    index: line.index,
    code: line.code,
    modifiers: line.modifiers,
    mods: new Set(line.modifiers),
    units,
    date: line.dateFrom ?? today,
    dated: line.dateFrom !== undefined,
  };
}

/** E/M visit codes: on these, 25 or 57 is the NCCI-associated modifier (not 59/X). */
const EVALUATION_AND_MANAGEMENT = /^99[2-4]\d\d$/;
const EM_BYPASS: ReadonlySet<string> = new Set(['25', '57']);

/** The NCCI-associated modifier on `line` that may bypass its edit with `other`, if any. */
function bypassOn(line: LineView, other: LineView): string | undefined {
  const em = EVALUATION_AND_MANAGEMENT.test(line.code);
  return line.modifiers.find((m) => BYPASS_MODIFIERS.has(m) || (em && EM_BYPASS.has(m) && other.code !== line.code));
}

function findPairs(groups: readonly DateGroup[], file: NcciFile): PairConflict[] {
  const out: PairConflict[] = [];
  for (const group of groups) {
    // Distinct codes first: a pair of codes is looked up once, then expanded to its lines.
    const byCode = linesByCode(group);
    const codes = [...byCode.keys()].sort();
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        const edit = ptpEdit(file, codes[i]!, codes[j]!, group.date);
        if (!edit) continue;
        for (const col1 of byCode.get(edit.col1)!) {
          for (const col2 of byCode.get(edit.col2)!) {
            const bypass = bypassOn(col1, col2) ?? bypassOn(col2, col1);
            out.push(bypass ? { group, col1, col2, edit, bypass } : { group, col1, col2, edit });
          }
        }
      }
    }
  }
  return out;
}

function findMueExcesses(groups: readonly DateGroup[], file: NcciFile): MueExcess[] {
  const out: MueExcess[] = [];
  for (const group of groups) {
    const byCode = linesByCode(group);
    for (const [code, lines] of byCode) {
      const mue = mueOf(file, code);
      if (!mue) continue;
      if (mue.mai === 1) {
        for (const line of lines) {
          if (line.units > mue.value) out.push({ group, code, lines: [line], units: line.units, value: mue.value, mai: 1 });
        }
        continue;
      }
      const units = lines.reduce((sum, line) => sum + line.units, 0);
      if (units > mue.value) out.push({ group, code, lines, units, value: mue.value, mai: mue.mai });
    }
  }
  return out;
}

export function buildContext(claim: Claim, profile: PayerProfile, today: string): RuleContext {
  const lines = claim.lines
    .filter((line) => line.code !== '')
    .map((line) => lineView(line, today))
    .sort((a, b) => a.index - b.index);
  const groupMap = new Map<string, LineView[]>();
  for (const line of lines) {
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
    lines,
    groups,
    pairs: () => (pairs ??= findPairs(groups, ncciFile)),
    mueExcesses: () => (mue ??= findMueExcesses(groups, ncciFile)),
  };
}

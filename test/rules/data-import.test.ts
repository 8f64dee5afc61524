// @vitest-environment node
// `npm run data:import` on CMS-layout fixture files (test/fixtures/cms/, README there): the shipped
// data is what it writes, byte for byte; bad input stops it with file, line and reason and writes
// nothing; a second quarter changes findings for lines dated in it, with no code change.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluateRaw, resolveProfile } from '../../rules';
import { SHIPPED_DATA } from '../../rules/data/cms-data';
import type { CmsDataBundle, MueDataset, PtpDataset } from '../../rules/data/types';
import { ImportError, runImport } from '../../scripts/data-import';
import { claim, line } from './helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (path: string) => join(root, 'test/fixtures/cms', path);
const shipped = join(root, 'rules/data/cms');

const Q3 = [
  '--quarter', '2024Q3',
  `ptp-practitioner=${fixture('2024q3/ptp-practitioner.txt')}`,
  `ptp-outpatient=${fixture('2024q3/ptp-outpatient.txt')}`,
  `mue-practitioner=${fixture('2024q3/mue-practitioner.csv')}`,
  `mue-outpatient=${fixture('2024q3/mue-outpatient.csv')}`,
];
const MPFS = [`mpfs-2024=${fixture('mpfs-2024.csv')}`, `mpfs-2025=${fixture('mpfs-2025.csv')}`];
const Q4 = [
  '--quarter', '2024Q4',
  `ptp-practitioner=${fixture('2024q4-synthetic/ptp-practitioner.txt')}`,
  `ptp-outpatient=${fixture('2024q4-synthetic/ptp-outpatient.txt')}`,
  `mue-practitioner=${fixture('2024q4-synthetic/mue-practitioner.csv')}`,
  `mue-outpatient=${fixture('2024q4-synthetic/mue-outpatient.csv')}`,
];

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'claimguide-import-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the import did not stop');
}

describe('npm run data:import', () => {
  it('reproduces the shipped 2024 Q3 data and the MPFS years byte for byte', () => {
    const written = runImport(['--out', out, ...Q3, ...MPFS]);
    expect(written.sort()).toEqual(['index.ts', 'mpfs-2024.ts', 'mpfs-2025.ts', 'mue-2024q3.ts', 'ptp-2024q3.ts']);
    expect(readdirSync(shipped).sort()).toEqual(written.sort());
    for (const name of written) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(shipped, name), 'utf8'));
  });

  it('keeps effective and deletion dates and the modifier indicator, drops edits not in force in the quarter and pairs outside our codes', async () => {
    runImport(['--out', out, ...Q4]);
    const ptp = (await import(pathToFileURL(join(out, 'ptp-2024q4.ts')).href)).default as PtpDataset;
    expect(ptp).toMatchObject({ quarter: '2024Q4', label: 'NCCI PTP 2024 Q4', from: '2024-10-01', to: '2024-12-31' });
    const rows = ptp.practitioner.map((row) => [row[0], row[1], row[2], row[3], ptp.rationales[row[4]], row[5]]);
    expect(rows).toEqual([
      ['77371', '2024-10-01', '', 0, 'Mutually exclusive procedures', '77372'],
      ['77372', '2024-10-01', '2024-11-15', 1, 'Standards of medical/surgical practice', '77014'],
      ['77373', '2024-10-01', '', 0, 'Mutually exclusive procedures', '77372'],
    ]);
    const mue = (await import(pathToFileURL(join(out, 'mue-2024q4.ts')).href)).default as MueDataset;
    expect(mue.practitioner).toEqual(['77300 4 3', '77371 1 2', '77372 1 2']);
  });

  it('a second quarter changes the findings of lines dated in it, and only those', async () => {
    runImport(['--out', out, ...Q4]);
    const load = async (name: string) => (await import(pathToFileURL(join(out, name)).href)).default;
    const data: CmsDataBundle = { ptp: [...SHIPPED_DATA.ptp, await load('ptp-2024q4.ts')], mue: [...SHIPPED_DATA.mue, await load('mue-2024q4.ts')], mpfs: SHIPPED_DATA.mpfs };
    const raw = claim([
      line('77371', { date: '11/05/2024' }),
      line('77372', { date: '11/05/2024', mods: ['XE'] }),
      line('77371', { date: '08/05/2024' }),
      line('77372', { date: '08/05/2024', mods: ['XE'] }),
      line('77014', { date: '11/20/2024' }),
      line('77372', { date: '11/20/2024' }),
      line('77300', { date: '11/05/2024', units: '5' }),
    ]);
    const profile = resolveProfile('medicare-physician', []);
    const rows = (options: { data?: CmsDataBundle }) =>
      evaluateRaw(raw, profile, { today: '2024-12-01', strict: true, ...options })
        .findings.filter((f) => f.ruleId !== 'srs/management-code' && f.ruleId !== 'srs/fractionated-course')
        .map((f) => [f.ruleId, f.severity, f.lines.join(','), f.message.args.at(-1)]);
    // Shipped data only: Q4 lines are outside it, Q3 lines are judged by Q3 (indicator 1, bypassed by XE).
    expect(rows({})).toEqual([
      ['data/coverage', 'info', '0', 'NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025'],
      ['data/coverage', 'info', '1', 'NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025'],
      ['srs/mutually-exclusive-delivery', 'warning', '2,3', 'NCCI PTP 2024 Q3'],
      ['data/coverage', 'info', '4', 'NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025'],
      ['data/coverage', 'info', '5', 'NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025'],
      ['data/coverage', 'info', '6', 'NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025'],
    ]);
    // With the Q4 files: indicator 0 on 2024-11-05 (XE no longer helps), 77014 deleted from the edits on 2024-11-15,
    // 77300 above Q4's MUE of 4; the Q3 lines keep their Q3 finding.
    expect(rows({ data })).toEqual([
      ['srs/mutually-exclusive-delivery', 'error', '0,1', 'NCCI PTP 2024 Q4'],
      ['srs/modifier-cannot-bypass', 'warning', '1', '77372'],
      ['srs/mutually-exclusive-delivery', 'warning', '2,3', 'NCCI PTP 2024 Q3'],
      ['ncci/mue-exceeded', 'warning', '6', 'NCCI MUE 2024 Q4'],
    ]);
  });

  it.each([
    ['a code that is not a code', 'ptp-practitioner.txt', (t: string) => t.replace('32701\t77371', '3270\t77371'), /line 7: column 1 "3270" is not a CPT\/HCPCS code/],
    ['a modifier indicator of 2', 'ptp-practitioner.txt', (t: string) => t.replace(/(61720\t77372\t\t20240701\t\*\t)1/, '$12'), /line \d+: modifier indicator "2" is not 0, 1 or 9/],
    ['an impossible effective date', 'ptp-outpatient.txt', (t: string) => t.replace('32701\t77371\t\t20240701', '32701\t77371\t\t20241345'), /line 7: effective date "20241345" is not a date/],
    ['no header row', 'mue-practitioner.csv', (t: string) => t.replace('"HCPCS/CPT Code",', '"Code",'), /line 1: no MUE/],
    ['an MAI that is not 1–3', 'mue-outpatient.csv', (t: string) => t.replace('"20660","1","2 Date', '"20660","1","7 Date'), /line 4: MUE adjudication indicator "7 Date of Service Edit: Policy" is not 1, 2 or 3/],
  ])('stops on %s with file, line and reason, and writes nothing', (_name, file, corrupt, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimguide-bad-'));
    try {
      for (const name of readdirSync(fixture('2024q3'))) copyFileSync(fixture(`2024q3/${name}`), join(dir, name));
      writeFileSync(join(dir, file), corrupt(readFileSync(join(dir, file), 'latin1')), 'latin1');
      const args = Q3.map((arg) => arg.replace(fixture('2024q3'), dir));
      const error = importError(() => runImport(['--out', out, ...args, ...MPFS]));
      expect(error.file).toBe(join(dir, file));
      expect(`line ${error.line}: ${error.reason}`).toMatch(reason);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an outpatient MUE file given as the practitioner one', () => {
    const args = Q3.map((arg) => arg.replace('mue-practitioner=' + fixture('2024q3/mue-practitioner.csv'), 'mue-practitioner=' + fixture('2024q3/mue-outpatient.csv')));
    expect(importError(() => runImport(['--out', out, ...args])).reason).toMatch(/header says "outpatient hospital services mue values"/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('accepts a header-mapped CSV where the CMS layout cannot be confirmed (MUE: hcpcs_code, mue_units, mue_mai)', () => {
    const csv = join(out, 'mue.csv');
    writeFileSync(csv, '"hcpcs_code","mue_units","mue_mai","mue_rationale"\n"77372",1,2,"Code Descriptor / CPT Instruction"\n"77300",10,3,"Clinical: Data"\n');
    const target = mkdtempSync(join(tmpdir(), 'claimguide-out-'));
    try {
      runImport(['--out', target, '--quarter', '2025Q1', `mue-practitioner=${csv}`, `mue-outpatient=${csv}`]);
      expect(readFileSync(join(target, 'mue-2025q1.ts'), 'utf8')).toContain("practitioner: [\n    '77300 10 3',\n    '77372 1 2',\n  ],");
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});

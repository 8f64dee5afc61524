import * as z from 'zod/mini';
import { FindingSchema, lineRuleIds, lineSeverity } from '../../rules';
import en from '../../rules/locales/en.json';
import es from '../../rules/locales/es.json';
import { E2E_CLAIMS } from './e2e-claims';
import { run } from './helpers';

type Row = [ruleId: string, severity: 'error' | 'warning' | 'info', lines: number[]];

/** Exact findings (rule, severity, lines) of each whole claim, in the engine's order. */
const EXPECTED: Record<string, Row[]> = {
  'clean Gamma Knife course, physician claim': [['srs/management-code', 'info', [0]]],
  'clean linac SRS, hospital claim': [['srs/management-code', 'info', [0]], ['srs/robotic-opps', 'info', [0]]],
  '77372-26 typed in the code field': [['srs/modifier-26-technical-only', 'error', [0]], ['srs/management-code', 'info', [0]]],
  'one unit per lesion': [['srs/single-session-units', 'error', [0]], ['srs/management-code', 'info', [0]]],
  '77371 and 77372 on one date': [['srs/mutually-exclusive-delivery', 'error', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/management-code', 'info', [1]]],
  '77371 and 77372-XE': [['srs/mutually-exclusive-delivery', 'warning', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/management-code', 'info', [1]]],
  'SRS and SBRT on one date': [['srs/sbrt-conflict', 'error', [0, 1]], ['srs/management-code', 'info', [0]]],
  'G6002 with 59 beside 77372': [['srs/image-guidance-included', 'error', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/modifier-cannot-bypass', 'warning', [1]]],
  '77014 without a modifier': [['srs/image-guidance-included', 'error', [0, 1]], ['srs/management-code', 'info', [0]]],
  '77014-XS': [['srs/image-guidance-included', 'warning', [0, 1]], ['srs/management-code', 'info', [0]]],
  'SBRT management with SRS and 77432': [['srs/bundled-component', 'error', [0, 1]], ['srs/management-code', 'info', [0]], ['ncci/ptp-pair', 'error', [1, 2]]],
  'neurosurgeon and SRS delivery on one claim': [['srs/bundled-component', 'error', [0, 1]], ['srs/management-code', 'info', [1]]],
  'SRS on two dates': [['srs/fractionated-course', 'warning', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/management-code', 'info', [1]]],
  'TC on 77372, commercial': [['srs/modifier-tc-redundant', 'warning', [0]], ['srs/management-code', 'info', [0]]],
  'TC on 77372, Medicare': [['srs/modifier-tc-redundant', 'error', [0]], ['srs/management-code', 'info', [0]]],
  '78 on 77372': [['srs/modifier-postop-global', 'warning', [0]], ['srs/management-code', 'info', [0]]],
  'RT and LT on 77371': [['srs/modifier-unexpected', 'warning', [0]], ['srs/management-code', 'info', [0]]],
  '59 on 77372 alone, Medicare': [['srs/management-code', 'info', [0]], ['srs/modifier-59-prefer-x', 'info', [0]]],
  '59 and XS on 77372': [['modifier/59-with-x', 'warning', [0]], ['srs/management-code', 'info', [0]]],
  'one-character modifier': [['modifier/invalid-format', 'error', [0]], ['srs/management-code', 'info', [0]]],
  'four-digit code': [['code/invalid-format', 'error', [0]]],
  'G6002 in 2026': [['code/deleted-for-date', 'error', [0]], ['data/coverage', 'info', [0]]],
  'undated claim in 2026 with G6002': [['data/coverage', 'info', [0]], ['srs/management-code', 'info', [0]], ['code/deleted-for-date', 'error', [1]], ['data/coverage', 'info', [1]]],
  '77385 on a 2024 physician claim': [['code/mpfs-status-invalid', 'error', [0]]],
  'IMRT and SRS on a hospital claim': [['srs/conventional-delivery-conflict', 'error', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/robotic-opps', 'info', [0]]],
  'diagnosis outside SRS indications': [['srs/cranial-diagnosis', 'warning', [0]], ['srs/management-code', 'info', [0]]],
  'five additional lesions': [['srs/addon-lesion-cap', 'error', [0, 1]]],
  // One fact, one error: two lines of one code and date are srs/duplicate-line's, not also a units error.
  'two undated 77372 lines': [['srs/duplicate-line', 'error', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/management-code', 'info', [1]]],
  'repeat line with 76': [['srs/duplicate-line', 'error', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/modifier-cannot-bypass', 'warning', [1]], ['srs/management-code', 'info', [1]]],
  'planning only': [],
  'Medicaid hospital claim with 77387': [['srs/image-guidance-included', 'warning', [0, 1]], ['srs/management-code', 'info', [0]]],
  '26 on 77432 beside 77372': [['srs/modifier-professional-only', 'error', [0]], ['srs/management-code', 'info', [1]]],
  'empty claim': [],
  'office visit on the SRS date': [['ncci/ptp-pair', 'error', [0, 1]], ['srs/management-code', 'info', [0]]],
  'everything typed loosely': [['srs/modifier-26-technical-only', 'error', [0]], ['srs/single-session-units', 'error', [0]], ['srs/image-guidance-included', 'warning', [0, 1]], ['srs/management-code', 'info', [0]], ['srs/modifier-59-prefer-x', 'info', [0]]],
  'commercial hospital claim, clean': [['srs/management-code', 'info', [0]]],
};

describe('end-to-end claims', () => {
  it('covers at least 30 claims, professional and institutional', () => {
    expect(E2E_CLAIMS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(E2E_CLAIMS.map((c) => c.claim.formType))).toEqual(new Set(['professional', 'institutional']));
    expect(Object.keys(EXPECTED).sort()).toEqual(E2E_CLAIMS.map((c) => c.name).sort());
  });

  it.each(E2E_CLAIMS.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const findings = run(testCase.claim, testCase.profile, testCase.today);
    expect(findings.map((f): Row => [f.ruleId, f.severity, f.lines])).toEqual(EXPECTED[testCase.name]);
    for (const finding of findings) {
      expect(z.safeParse(FindingSchema, finding).success).toBe(true);
      expect(finding.message.key in en && finding.message.key in es, finding.message.key).toBe(true);
      expect(finding.sources.length).toBeGreaterThan(0);
    }
  });

  it('summarizes lines for the testing contract', () => {
    const byName = Object.fromEntries(E2E_CLAIMS.map((c) => [c.name, c]));
    const repeat = run(byName['repeat line with 76']!.claim);
    expect(lineSeverity(repeat, 0)).toBe('error');
    expect(lineRuleIds(repeat, 1)).toEqual(['srs/duplicate-line', 'srs/management-code', 'srs/modifier-cannot-bypass']);
    const infoOnly = run(byName['59 on 77372 alone, Medicare']!.claim);
    expect(lineSeverity(infoOnly, 0)).toBe('ok');
    expect(lineRuleIds(infoOnly, 0)).toEqual(['srs/management-code', 'srs/modifier-59-prefer-x']);
    const warned = run(byName['77014-XS']!.claim);
    expect(lineSeverity(warned, 1)).toBe('warning');
    expect(lineSeverity(warned, 7)).toBe('ok');
    expect(lineRuleIds(warned, 7)).toEqual([]);
  });

  it('attaches the profile notes', () => {
    const byName = Object.fromEntries(E2E_CLAIMS.map((c) => [c.name, c]));
    const findings = run(byName['TC on 77372, commercial']!.claim, 'commercial');
    expect(findings[0]!.notes?.[0]).toMatch(/tolerate TC/);
  });
});

import { BUILTIN_PROFILES, evaluateRaw, resolveProfile, type Finding, type Fix, type RawClaim, type RawServiceLine, type Severity } from '../../rules';

export type ProfileId = 'medicare-physician' | 'medicare-outpatient' | 'medicaid' | 'commercial';
export const PROFILE_IDS: readonly ProfileId[] = ['medicare-physician', 'medicare-outpatient', 'medicaid', 'commercial'];

/** Default date of service in tests (2024, inside the NCCI 2024-07 snapshot and before the 2026 deletions). */
export const DOS = '07/15/2024';
export const TODAY = '2024-08-01';

export interface LineOptions {
  mods?: string[];
  units?: string;
  /** Date of service; null = no date. Default DOS. */
  date?: string | null;
  to?: string;
  ptr?: string;
  pos?: string;
  rev?: string;
}

export type LineSpec = Omit<RawServiceLine, 'index'>;

export function line(code: string, options: LineOptions = {}): LineSpec {
  const spec: LineSpec = { code, modifiers: options.mods ?? [], units: options.units ?? '1' };
  const date = options.date === undefined ? DOS : options.date;
  if (date !== null) spec.dateFrom = date;
  if (options.to) spec.dateTo = options.to;
  if (options.ptr) spec.diagnosisPointers = options.ptr;
  if (options.pos) spec.placeOfService = options.pos;
  if (options.rev) spec.revenueCode = options.rev;
  return spec;
}

export function claim(lines: LineSpec[], options: { form?: RawClaim['formType']; dx?: string[] } = {}): RawClaim {
  return {
    formType: options.form ?? 'professional',
    diagnosisCodes: options.dx ?? [],
    lines: lines.map((spec, index) => ({ index, ...spec })),
  };
}

export function run(raw: RawClaim, profileId: string = 'medicare-physician', today = TODAY): Finding[] {
  return evaluateRaw(raw, resolveProfile(profileId, []), { today, strict: true }).findings;
}

export interface Expected {
  severity: Severity;
  lines: number[];
  key?: string;
  args?: string[];
  fix?: Fix;
}

/** The parts of a finding a test pins down (key/args/fix only when the expectation names them). */
function pick(finding: Finding, expected: Expected | undefined) {
  const out: Record<string, unknown> = { severity: finding.severity, lines: finding.lines };
  if (expected?.key !== undefined) out.key = finding.message.key;
  if (expected?.args !== undefined) out.args = finding.message.args;
  if (expected && 'fix' in expected) out.fix = finding.fix;
  return out;
}

function shape(expected: Expected) {
  const out: Record<string, unknown> = { severity: expected.severity, lines: expected.lines };
  if (expected.key !== undefined) out.key = expected.key;
  if (expected.args !== undefined) out.args = expected.args;
  if ('fix' in expected) out.fix = expected.fix;
  return out;
}

interface Case {
  name: string;
  claim: RawClaim;
  /** Profiles the case runs under (default: all four built-ins). */
  profiles?: readonly ProfileId[];
  today?: string;
}
export interface InvalidCase extends Case {
  /** The same findings under every profile of the case, or per profile (a profile left out: none). */
  findings: Expected[] | Partial<Record<ProfileId, Expected[]>>;
}

/** The Medicare NCCI rules: warning under Medicaid and commercial profiles (no source that those payers deny on them). */
export const NCCI_ELSEWHERE_WARNING: Partial<Record<ProfileId, Severity>> = { medicaid: 'warning', commercial: 'warning' };

/**
 * ESLint-RuleTester-style table: only the findings of rule `id` are compared, exactly.
 * `profileSeverity`: profiles that fix the rule's severity (every expected finding takes it there).
 */
export function testRule(id: string, cases: { valid: Case[]; invalid: InvalidCase[] }, profileSeverity: Partial<Record<ProfileId, Severity>> = {}): void {
  describe(id, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        for (const profileId of testCase.profiles ?? PROFILE_IDS) {
          it(`${testCase.name} [${profileId}]`, () => {
            const found = run(testCase.claim, profileId, testCase.today).filter((f) => f.ruleId === id);
            expect(found).toEqual([]);
          });
        }
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        for (const profileId of testCase.profiles ?? PROFILE_IDS) {
          it(`${testCase.name} [${profileId}]`, () => {
            const listed = Array.isArray(testCase.findings) ? testCase.findings : (testCase.findings[profileId] ?? []);
            const fixed = profileSeverity[profileId];
            const expected = fixed ? listed.map((finding) => ({ ...finding, severity: fixed })) : listed;
            const found = run(testCase.claim, profileId, testCase.today).filter((f) => f.ruleId === id);
            expect(found.map((f, i) => pick(f, expected[i]))).toEqual(expected.map(shape));
          });
        }
      }
    });
  });
}

export const ALL_PROFILES = BUILTIN_PROFILES;

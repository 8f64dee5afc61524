import fc from 'fast-check';
import * as z from 'zod/mini';
import { BUILTIN_PROFILES, evaluate, evaluateRaw, FindingSchema, lineRuleIds, lineSeverity, lineVerdicts, normalizeClaim, parseProfileJson, type RawClaim } from '../../rules';

const numRuns = Number(process.env.FC_RUNS ?? 1000);

/** Any text at all: ASCII, unicode, control characters, long. */
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', ' ', '\u00a0', '-', ',', '..', '$$'));

const rawLineAny = fc.record(
  {
    index: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(Number.NaN, Infinity, 1.5)),
    code: anyText,
    modifiers: fc.array(anyText, { maxLength: 5 }),
    units: anyText,
    dateFrom: anyText,
    dateTo: anyText,
    placeOfService: anyText,
    revenueCode: anyText,
    diagnosisPointers: anyText,
    charge: anyText,
  },
  { requiredKeys: ['index', 'code', 'modifiers'] },
);

const anyClaim: fc.Arbitrary<RawClaim> = fc.record({
  formType: fc.constantFrom('professional', 'institutional', 'unknown'),
  diagnosisCodes: fc.array(anyText, { maxLength: 13 }),
  lines: fc.array(rawLineAny, { maxLength: 8 }),
});

/** Realistic claims: the codes, modifiers, units and dates the rules care about, so they interact. */
const CODES = ['77371', '77372', '77373', '77432', '77435', '77014', 'G6001', 'G6002', 'G6017', '77387', '77385', '77386', '77401', '77412', 'G6008', 'G6015',
  '61796', '61797', '61798', '61799', '61800', '20660', 'G0339', 'G0340', '77263', '77295', '77300', '77301', '77306', '77470', '99213', '7737', '', 'x'];
const MODS = ['26', 'TC', '59', 'XE', 'XS', 'XP', 'XU', '76', '77', '78', '79', 'GA', 'KX', 'RT', '25', '5', '26,59', 'xs'];
const DATES = ['07/15/2024', '2024-07-16', '07152024', '12/31/2025', '01/02/2026', '', 'bad'];
const realisticLine = fc.record({
  code: fc.constantFrom(...CODES),
  modifiers: fc.array(fc.constantFrom(...MODS), { maxLength: 3 }),
  units: fc.constantFrom('1', '2', '1.0', '', '5', 'x'),
  dateFrom: fc.constantFrom(...DATES),
  diagnosisPointers: fc.constantFrom('A', 'B', 'AB', '', '1,2'),
});
const realisticClaim = fc
  .record({
    formType: fc.constantFrom('professional' as const, 'institutional' as const, 'unknown' as const),
    diagnosisCodes: fc.array(fc.constantFrom('C79.31', 'c7931', 'C34.90', 'I10', 'D33.3', ''), { maxLength: 3 }),
    lines: fc.array(realisticLine, { maxLength: 12 }),
  })
  .map((c): RawClaim => ({ ...c, lines: c.lines.map((l, index) => ({ index, ...l })) }));

const profile = fc.constantFrom(...BUILTIN_PROFILES);
const today = fc.constantFrom('2024-08-01', '2026-11-24', '2025-12-31', 'not a date');

describe('rules properties', () => {
  it('never throws on any strings in any field, and every finding is well-formed', () => {
    fc.assert(
      fc.property(fc.oneof(anyClaim, realisticClaim), profile, today, (raw, p, t) => {
        const { claim, findings } = evaluateRaw(raw, p, { today: t, strict: true });
        for (const finding of findings) {
          if (!z.safeParse(FindingSchema, finding).success) return false;
        }
        for (const line of claim.lines) {
          lineSeverity(findings, line.index);
          lineRuleIds(findings, line.index);
        }
        return true;
      }),
      { numRuns },
    );
  });

  it('a blank service line (every field empty) changes no finding: a portal adding empty rows re-evaluates nothing', () => {
    fc.assert(
      fc.property(fc.oneof(realisticClaim, anyClaim), fc.integer({ min: 1, max: 3 }), profile, today, (raw, blanks, p, t) => {
        const last = Math.max(-1, ...raw.lines.map((line) => (Number.isFinite(line.index) ? line.index : 0)));
        const blank = (index: number) => ({ index, code: '', modifiers: ['', '', '', ''], units: '', dateFrom: '', dateTo: '', placeOfService: '', diagnosisPointers: '', charge: '' });
        const padded: RawClaim = { ...raw, lines: [...raw.lines, ...Array.from({ length: blanks }, (_, i) => blank(Math.floor(last) + 1 + i))] };
        expect(evaluateRaw(padded, p, { today: t, strict: true }).findings).toEqual(evaluateRaw(raw, p, { today: t, strict: true }).findings);
      }),
      { numRuns },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(realisticClaim, profile, today, (raw, p, t) => {
        const a = evaluateRaw(raw, p, { today: t, strict: true });
        const b = evaluateRaw(structuredClone(raw), p, { today: t, strict: true });
        expect(b).toEqual(a);
      }),
      { numRuns },
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(
        realisticClaim.chain((raw) => fc.tuple(fc.constant(raw), fc.shuffledSubarray(raw.lines, { minLength: raw.lines.length, maxLength: raw.lines.length }))),
        profile,
        today,
        ([raw, shuffled], p, t) => {
          const a = evaluateRaw(raw, p, { today: t, strict: true }).findings;
          const b = evaluateRaw({ ...raw, lines: shuffled }, p, { today: t, strict: true }).findings;
          expect(b).toEqual(a);
        },
      ),
      { numRuns },
    );
  });

  it('an info-only line is ok, an error wins over a warning', () => {
    fc.assert(
      fc.property(realisticClaim, profile, (raw, p) => {
        const { claim, findings } = evaluateRaw(raw, p, { today: '2024-08-01', strict: true });
        for (const line of claim.lines) {
          const severities = findings.filter((f) => f.lines.includes(line.index)).map((f) => f.severity);
          const expected = severities.includes('error') ? 'error' : severities.includes('warning') ? 'warning' : 'ok';
          if (lineSeverity(findings, line.index) !== expected) return false;
          const ids = lineRuleIds(findings, line.index);
          if (ids.join() !== [...new Set(ids)].sort().join()) return false;
          // The all-lines-at-once form agrees with the per-line one.
          const verdict = lineVerdicts(findings)(line.index);
          if (verdict.severity !== expected || verdict.ruleIds.join() !== ids.join()) return false;
        }
        return true;
      }),
      { numRuns },
    );
  });

  it('normalizing a normalized claim changes nothing the rules see', () => {
    fc.assert(
      fc.property(realisticClaim, profile, (raw, p) => {
        const claim = normalizeClaim(raw);
        const again = normalizeClaim({
          formType: claim.formType,
          diagnosisCodes: claim.diagnosisCodes,
          lines: claim.lines.map((l) => ({ index: l.index, code: l.code, modifiers: l.modifiers, units: l.unitsText ?? '', dateFrom: l.dateFrom ?? l.dateFromText ?? '', diagnosisPointers: l.diagnosisPointers.join(',') })),
        });
        expect(evaluate(again, p, { today: '2024-08-01', strict: true })).toEqual(evaluate(claim, p, { today: '2024-08-01', strict: true }));
      }),
      { numRuns: Math.min(numRuns, 300) },
    );
  });

  it('parseProfileJson never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json().map(String)), (text) => {
        const result = parseProfileJson(text);
        return result.ok || result.errors.length > 0;
      }),
      { numRuns },
    );
  });
});

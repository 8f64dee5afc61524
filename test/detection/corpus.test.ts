import { detectClaims, type FieldRole } from '../../detection';
import { PORTAL_FIXTURES, readHtml, readTruth } from '../fixtures/portals';
import { loadPage, selectorResolver } from './load';

const ROLES: FieldRole[] = ['cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge'];
interface Tally { tp: number; fp: number; fn: number }

/** Per-role true/false positives over the whole corpus: a field counts only with the right role and line. */
const tallies = new Map<FieldRole, Tally>(ROLES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
const problems: string[] = [];

describe('fixture corpus', () => {
  it('has at least 15 portal patterns', () => {
    expect(PORTAL_FIXTURES.length).toBeGreaterThanOrEqual(15);
  });

  for (const fixture of PORTAL_FIXTURES) {
    it(`${fixture.name}: detection matches ground truth, no distractor marked`, { timeout: 30_000 }, () => {
      loadPage(readHtml(fixture));
      const truth = readTruth(fixture);
      const claims = detectClaims(document);
      const deepQuery = selectorResolver();
      const found = new Map<Element, { role: FieldRole; line: number | null; claim: number }>();
      claims.forEach((claim, index) => {
        for (const field of claim.fields) found.set(field.element, { role: field.role, line: field.line, claim: index });
      });

      const expected = new Set<Element>();
      for (const want of truth.fields) {
        const element = deepQuery(want.selector);
        expect(element, `${fixture.name}: ${want.selector} exists`).toBeTruthy();
        expected.add(element!);
        const got = found.get(element!);
        const tally = tallies.get(want.role)!;
        const right = got && got.role === want.role && got.line === want.line && (want.claim === undefined || got.claim === want.claim);
        if (right) tally.tp++;
        else {
          tally.fn++;
          problems.push(`${fixture.name}: ${want.selector} want ${want.role}@${want.line}${want.claim !== undefined ? `#${want.claim}` : ''}, got ${got ? `${got.role}@${got.line}#${got.claim}` : 'nothing'}`);
          if (got && got.role !== want.role) tallies.get(got.role)!.fp++;
        }
      }
      for (const [element, got] of found) {
        if (!expected.has(element)) {
          tallies.get(got.role)!.fp++;
          problems.push(`${fixture.name}: unexpected ${got.role}@${got.line} on ${describeElement(element)}`);
        }
      }
      const marked = truth.distractors.filter((selector) => {
        const element = deepQuery(selector);
        expect(element, `${fixture.name}: distractor ${selector} exists`).toBeTruthy();
        return found.has(element!);
      });
      expect(marked, `${fixture.name}: distractors marked`).toEqual([]);
    });
  }

  it('precision and recall are at least 0.95 for every role', () => {
    const report: Record<string, { precision: number; recall: number; tp: number; fp: number; fn: number }> = {};
    for (const [role, { tp, fp, fn }] of tallies) {
      report[role] = { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn };
    }
    console.log('detection corpus, per role:\n' + Object.entries(report).map(([r, s]) =>
      `  ${r.padEnd(9)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`).join('\n'));
    if (problems.length) console.log(problems.slice(0, 60).join('\n'));
    for (const [role, s] of Object.entries(report)) {
      expect(s.precision, `${role} precision`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${role} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

function describeElement(element: Element): string {
  return element.id ? `#${element.id}` : `${element.localName}[name=${element.getAttribute('name')}]`;
}

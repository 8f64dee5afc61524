// Grouping reads a field's claim scope and line container from its table row (Qualification.row)
// instead of walking up from the field itself. Differential test: the claims must be exactly those
// grouped from the same verdicts without their rows, over the whole corpus (team-written and
// real-pattern pages) and over tables built where
// the shortcut would go wrong if a row held more than it promises.
import { collectFields, findShadowRoots } from '../../detection/dom';
import { buildClaims, type Candidate } from '../../detection/group';
import { createScanContext, qualifyField } from '../../detection/qualify';
import type { DetectedClaim } from '../../detection/types';
import { CORPUS_FIXTURES, PORTAL_FIXTURES, readHtml } from '../fixtures/portals';
import { loadPage } from './load';

function candidates(): Candidate[] {
  const context = createScanContext();
  const out: Candidate[] = [];
  collectFields(document, findShadowRoots(document)).forEach((element, order) => {
    const q = qualifyField(element, context);
    if (q.role) out.push({ element, q: q as Candidate['q'], order });
  });
  return out;
}

const withoutRows = (list: Candidate[]): Candidate[] =>
  list.map((candidate) => {
    const { row: _row, ...q } = candidate.q;
    return { ...candidate, q };
  });

const shape = (claims: DetectedClaim[]) =>
  claims.map(({ container, formType, fields }) => ({ container, formType, fields: fields.map(({ element, role, line, slot }) => ({ element, role, line, slot })) }));

function expectSameGroupingBothWays(): { rows: number; claims: DetectedClaim[] } {
  const list = candidates();
  const claims = buildClaims(document, list);
  expect(shape(claims)).toEqual(shape(buildClaims(document, withoutRows(list))));
  return { rows: list.filter((c) => c.q.row).length, claims };
}

describe('grouping from rows', () => {
  it.each(CORPUS_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('corpus page %s: the same claims as from the fields', (_name, fixture) => {
    loadPage(readHtml(fixture));
    expectSameGroupingBothWays();
  });

  const tables: Array<[string, string, (claims: DetectedClaim[]) => void]> = [
    ['two forms of repeated rows', '<form id="a"><table><tr><td><input aria-label="CPT"></td><td><input aria-label="Units"></td></tr><tr><td><input aria-label="CPT"></td><td><input aria-label="Units"></td></tr></table></form><form id="b"><table><tr><td><input aria-label="CPT"></td><td><input aria-label="Units"></td></tr><tr><td><input aria-label="CPT"></td><td><input aria-label="Units"></td></tr></table></form>',
      (claims) => expect(claims.map((c) => c.fields.length)).toEqual([4, 4])],
    // (The second line's units before its code: only its container tells it from the first line.)
    ['a row holding two lines', '<form><table><tr><td><input aria-label="CPT"><input aria-label="Units"></td><td><input aria-label="Units"><input aria-label="CPT"></td></tr></table></form>',
      (claims) => expect(claims[0]!.fields.map((f) => f.line)).toEqual([0, 0, 1, 1])],
    ['a claim scope inside each row', '<table><tr><td><div role="form"><input aria-label="CPT"><input aria-label="Units"></div></td></tr><tr><td><div role="form"><input aria-label="CPT"><input aria-label="Units"></div></td></tr></table>',
      (claims) => expect(claims).toHaveLength(2)],
    ['rows that are claim scopes', '<table><tr role="form"><td><input aria-label="CPT"></td><td><input aria-label="CPT"></td></tr><tr role="form"><td><input aria-label="CPT"></td><td><input aria-label="CPT"></td></tr></table>',
      (claims) => expect(claims.map((c) => c.fields.map((f) => f.line))).toEqual([[0, 1], [0, 1]])],
    ['rows of a table in a shadow root', '<form><div id="host"></div></form>',
      (claims) => expect(claims[0]!.fields.map((f) => f.line)).toEqual([0, 0, 1, 1])],
  ];

  it.each(tables)('%s: the same claims as from the fields', (name, html, check) => {
    loadPage(html);
    if (name.includes('shadow')) {
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML =
        '<table><tr><td><input aria-label="CPT"></td><td><input aria-label="Units"></td></tr><tr><td><input aria-label="CPT"></td><td><input aria-label="Units"></td></tr></table>';
    }
    const { claims } = expectSameGroupingBothWays();
    check(claims);
  });

  it('reads most fields of the 500-line page from their rows (so the comparison above tests the shortcut)', () => {
    loadPage(readHtml(PORTAL_FIXTURES.find((fixture) => fixture.name === 'lines-500')!));
    const { rows, claims } = expectSameGroupingBothWays();
    expect(rows).toBeGreaterThan(claims[0]!.fields.length * 0.9);
  }, 30_000);
});

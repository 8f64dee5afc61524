import { detectClaims, type FieldRole } from '../../detection';
import {
  CORPUS_FIXTURES,
  MARKUP_CLASSES,
  PORTAL_FIXTURES,
  REAL_PATTERN_FIXTURES,
  TEAM_WRITTEN_SOURCE,
  readHtml,
  readTruth,
  type PortalFixture,
} from '../fixtures/portals';
import { loadPage, selectorResolver } from './load';

/**
 * The detection corpus in happy-dom: every page, team-written and real-pattern, against its
 * ground truth. A field counts as found only with the right role, line (null for claim-level and
 * claim-wide values), claim and, where the truth gives one, slot. Scores are per role over the
 * whole corpus, and again over the real-pattern pages alone (the 500-line page holds 4,500 fields
 * and would otherwise outvote every other page: it is scored per page, not in the tallies).
 */
const ROLES: FieldRole[] = ['cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge'];
const THRESHOLD = 0.98;
interface Tally { tp: number; fp: number; fn: number }
const tallyMap = () => new Map<FieldRole, Tally>(ROLES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
const corpusTallies = tallyMap();
const realTallies = tallyMap();
const problems: string[] = [];
const isReal = new Set(REAL_PATTERN_FIXTURES.map((fixture) => fixture.name));
/** Pages left out of the tallies (still judged page by page). */
const UNTALLIED = new Set(['lines-500']);

/** Every field control of the page a coder could type into or pick from (what a negative page lists). */
function pageFields(): Element[] {
  const out: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (element.shadowRoot) walk(element.shadowRoot);
      if (element.localName === 'select' || element.localName === 'textarea') out.push(element);
      if (element.localName === 'input' && !['hidden', 'submit', 'button', 'reset', 'image'].includes((element as HTMLInputElement).type)) out.push(element);
    }
  };
  walk(document);
  return out;
}

function judge(fixture: PortalFixture): void {
  loadPage(readHtml(fixture));
  const truth = readTruth(fixture);
  const claims = detectClaims(document);
  const deepQuery = selectorResolver();
  const found = new Map<Element, { role: FieldRole; line: number | null; claim: number; slot: number | undefined }>();
  claims.forEach((claim, index) => {
    for (const field of claim.fields) found.set(field.element, { role: field.role, line: field.line, claim: index, slot: field.slot });
  });
  const tallies = UNTALLIED.has(fixture.name) ? [] : isReal.has(fixture.name) ? [corpusTallies, realTallies] : [corpusTallies];
  const count = (role: FieldRole, kind: keyof Tally) => { for (const t of tallies) t.get(role)![kind]++; };

  const expected = new Set<Element>();
  for (const want of truth.fields) {
    const element = deepQuery(want.selector);
    expect(element, `${fixture.name}: ${want.selector} exists`).toBeTruthy();
    expected.add(element!);
    const got = found.get(element!);
    const right = got && got.role === want.role && got.line === want.line
      && (want.claim === undefined || got.claim === want.claim)
      && (want.slot === undefined || got.slot === want.slot);
    if (right) count(want.role, 'tp');
    else {
      count(want.role, 'fn');
      const wanted = `${want.role}@${want.line}${want.slot !== undefined ? `/${want.slot}` : ''}${want.claim !== undefined ? `#${want.claim}` : ''}`;
      problems.push(`${fixture.name}: ${want.selector} want ${wanted}, got ${got ? `${got.role}@${got.line}${got.slot !== undefined ? `/${got.slot}` : ''}#${got.claim}` : 'nothing'}`);
      if (got && got.role !== want.role) count(got.role, 'fp');
    }
  }
  for (const [element, got] of found) {
    if (!expected.has(element)) {
      count(got.role, 'fp');
      problems.push(`${fixture.name}: unexpected ${got.role}@${got.line} on ${describeElement(element)}`);
    }
  }
  const marked = truth.distractors.filter((selector) => {
    const element = deepQuery(selector);
    expect(element, `${fixture.name}: distractor ${selector} exists`).toBeTruthy();
    return found.has(element!);
  });
  expect(marked, `${fixture.name}: distractors marked`).toEqual([]);
  if (truth.fields.length === 0) expect([...found.keys()].map(describeElement), `${fixture.name}: marks on a negative page`).toEqual([]);
}

describe('fixture corpus', () => {
  it('has at least 15 team-written patterns and 10 real-pattern pages, 3 of them negative', () => {
    expect(PORTAL_FIXTURES.length).toBeGreaterThanOrEqual(15);
    expect(REAL_PATTERN_FIXTURES.length).toBeGreaterThanOrEqual(10);
    expect(REAL_PATTERN_FIXTURES.filter((fixture) => readTruth(fixture).fields.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('names a real source for every real-pattern page and covers every markup class (1-6) with one', () => {
    const covered = new Set<number>();
    for (const fixture of REAL_PATTERN_FIXTURES) {
      const truth = readTruth(fixture);
      expect(truth.source, fixture.name).not.toBe(TEAM_WRITTEN_SOURCE);
      expect(truth.classes, `${fixture.name}: classes`).toBeDefined();
      for (const markupClass of truth.classes ?? []) covered.add(markupClass);
      // A tag must be backed by what the page holds: split dates carry parts, claim-wide values the flag.
      if (truth.classes?.includes(1)) expect(truth.fields.some((field) => field.part), `${fixture.name}: class 1 needs split-date parts`).toBe(true);
      if (truth.classes?.includes(6)) expect(truth.fields.some((field) => field.claimWide), `${fixture.name}: class 6 needs a claim-wide field`).toBe(true);
    }
    expect([...covered].sort()).toEqual([...MARKUP_CLASSES]);
  });

  it('every truth file is consistent: claim-wide and split-date fields are well formed, selectors unique', () => {
    for (const fixture of CORPUS_FIXTURES) {
      const truth = readTruth(fixture);
      const selectors = [...truth.fields.map((field) => field.selector), ...truth.distractors];
      expect(new Set(selectors).size, `${fixture.name}: a selector listed twice`).toBe(selectors.length);
      for (const field of truth.fields) {
        if (field.claimWide) expect(field.line, `${fixture.name}: ${field.selector} claim-wide has line null`).toBeNull();
        if (field.part) expect(field.role, `${fixture.name}: ${field.selector} part on a dos`).toBe('dos');
      }
    }
  });

  it('lists every field of a real-pattern page: a claim field, else a distractor (all of them on a negative page)', () => {
    for (const fixture of REAL_PATTERN_FIXTURES) {
      const truth = readTruth(fixture);
      loadPage(readHtml(fixture));
      const deepQuery = selectorResolver();
      const listed = new Set([...truth.fields.map((field) => field.selector), ...truth.distractors].map((selector) => deepQuery(selector)));
      const missing = pageFields().filter((element) => !listed.has(element)).map(describeElement);
      expect(missing, `${fixture.name}: fields neither in the truth nor distractors`).toEqual([]);
    }
  });

  for (const fixture of CORPUS_FIXTURES) {
    it(`${fixture.name}: detection matches ground truth, no distractor marked`, { timeout: 30_000 }, () => {
      judge(fixture);
    });
  }

  it(`precision and recall are at least ${THRESHOLD} for every role (whole corpus, and real-pattern pages alone)`, () => {
    const report = (tallies: Map<FieldRole, Tally>) => Object.fromEntries([...tallies].map(([role, { tp, fp, fn }]) => [
      role, { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn },
    ]));
    const corpus = report(corpusTallies);
    const real = report(realTallies);
    const print = (title: string, scores: typeof corpus) => `${title}\n` + Object.entries(scores).map(([r, s]) =>
      `  ${r.padEnd(9)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`).join('\n');
    console.log(`${print('detection corpus (every page but lines-500), per role:', corpus)}\n${print('real-pattern pages, per role:', real)}`);
    if (problems.length) console.log(problems.join('\n'));
    for (const [scope, scores] of [['corpus', corpus], ['real-pattern', real]] as const) {
      for (const [role, s] of Object.entries(scores)) {
        expect(s.tp + s.fn, `${scope} ${role} has cases`).toBeGreaterThan(0);
        expect(s.precision, `${scope} ${role} precision`).toBeGreaterThanOrEqual(THRESHOLD);
        expect(s.recall, `${scope} ${role} recall`).toBeGreaterThanOrEqual(THRESHOLD);
      }
    }
  });
});

function describeElement(element: Element): string {
  return element.id ? `#${element.id}` : `${element.localName}[name=${element.getAttribute('name')}]`;
}

import { basename } from 'node:path';
import { expect } from 'vitest';
import { PORTAL_FIXTURES, readTruth } from '../fixtures/portals';
import { useExtensionSession } from './chromium';

/**
 * The detection corpus in real Chromium with the extension loaded (frames, shadow roots and
 * layout are real here), judged only through the public testing-contract attributes.
 */
type Role = 'cpt' | 'modifier' | 'units' | 'dos' | 'pos' | 'dx' | 'pointer' | 'revenue' | 'charge';
const ROLES: Role[] = ['cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge'];
const tallies = new Map(ROLES.map((role) => [role, { tp: 0, fp: 0, fn: 0 }]));

const extension = useExtensionSession();

describe('fixture corpus in Chromium', () => {
  for (const fixture of PORTAL_FIXTURES) {
    it(`${fixture.name}: contract attributes match the ground truth, no distractor marked`, async () => {
      const truth = readTruth(fixture);
      const page = await extension().context.newPage();
      await page.goto(`${extension().portal}/fixtures/${basename(fixture.html)}`);
      // Wait until every expected field is marked (or time out and report what is missing).
      const first = truth.fields[0]!.selector;
      await page.locator(first).first().waitFor({ state: 'attached' });
      await expect.poll(() => page.locator('[data-claimguide-role]').count(), { timeout: 5000 }).toBeGreaterThanOrEqual(truth.fields.length);
      await page.evaluate(() => new Promise((done) => setTimeout(done, 150)));

      const result = await page.evaluate(
        ({ fields, distractors }) => {
          // The document and its open shadow roots, depth first (listed once: the 500-line page
          // has 5,500 selectors to look up, and walking every element for each took ~40 s).
          const roots: (Document | ShadowRoot)[] = [];
          const collectRoots = (root: Document | ShadowRoot) => {
            roots.push(root);
            for (const host of root.querySelectorAll('*')) if (host.shadowRoot) collectRoots(host.shadowRoot);
          };
          collectRoots(document);
          /** querySelectorAll through open shadow roots, as Playwright's CSS engine does. */
          const deepAll = (selector: string): Element[] => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
          const deepFirst = (selector: string): Element | undefined => {
            for (const root of roots) {
              const found = root.querySelector(selector);
              if (found) return found;
            }
            return undefined;
          };
          const marked = new Set(deepAll('[data-claimguide-role]'));
          const seen = new Set<Element>();
          const expected = fields.map((want) => {
            const element = deepFirst(want.selector);
            if (element) seen.add(element);
            const line = element?.getAttribute('data-claimguide-line');
            return {
              want,
              exists: Boolean(element),
              role: element?.getAttribute('data-claimguide-role') ?? null,
              line: line === null || line === undefined ? null : Number(line),
            };
          });
          const unexpected = [...marked]
            .filter((element) => !seen.has(element))
            .map((element) => ({ role: element.getAttribute('data-claimguide-role'), what: element.outerHTML.slice(0, 120) }));
          const distractorsMarked = distractors.filter((selector) => deepAll(selector).some((element) => marked.has(element)));
          return { expected, unexpected, distractorsMarked };
        },
        { fields: truth.fields, distractors: truth.distractors },
      );

      for (const { want, exists, role, line } of result.expected) {
        expect(exists, `${want.selector} exists`).toBe(true);
        const tally = tallies.get(want.role)!;
        if (role === want.role && line === want.line) tally.tp++;
        else {
          tally.fn++;
          if (role && role !== want.role) tallies.get(role as Role)!.fp++;
        }
      }
      for (const { role } of result.unexpected) tallies.get(role as Role)!.fp++;
      expect(result.distractorsMarked, 'distractors marked').toEqual([]);
      await page.close();
    });
  }

  it('precision and recall are at least 0.95 for every role', () => {
    const report = Object.fromEntries(
      [...tallies].map(([role, { tp, fp, fn }]) => [
        role,
        { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, fields: tp + fn },
      ]),
    );
    console.log('Chromium corpus precision/recall per role:', JSON.stringify(report));
    for (const [role, { precision, recall, fields }] of Object.entries(report)) {
      expect(fields, `${role} has cases`).toBeGreaterThan(0);
      expect(precision, `${role} precision`).toBeGreaterThanOrEqual(0.95);
      expect(recall, `${role} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

// Differential test of the watcher's incremental path: after each change a page makes, the claims
// the watcher reports (extended from the previous grouping when only new fields arrived) must equal
// a full detection of the page from scratch, over every fixture of the corpus (team-written and
// real-pattern pages).
import { createWatchCounters, detectClaims, watchClaims, type DetectedClaim, type PageCorrections } from '../../detection';
import { CORPUS_FIXTURES, PORTAL_FIXTURES, readHtml } from '../fixtures/portals';
import { loadPage } from './load';

const ids = new WeakMap<Node, number>();
let nextId = 0;
const idOf = (node: Node) => {
  let id = ids.get(node);
  if (id === undefined) ids.set(node, (id = nextId++));
  return id;
};
/** Claims with elements as stable numbers: equal shapes mean the same claims, fields, lines and slots. */
const shape = (claims: readonly DetectedClaim[]) =>
  claims.map((claim) => ({
    container: idOf(claim.container),
    formType: claim.formType,
    fields: claim.fields.map((field) => [idOf(field.element), field.role, field.line, field.slot ?? null]),
  }));

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 120));

function watch(corrections?: PageCorrections) {
  const controller = new AbortController();
  let latest: readonly DetectedClaim[] = [];
  let reports = 0;
  const errors: unknown[] = [];
  const counters = createWatchCounters();
  watchClaims(document, {
    signal: controller.signal,
    sliceAbove: 100_000,
    counters,
    corrections,
    onChange: (claims) => {
      latest = claims;
      reports++;
    },
    onError: (error) => errors.push(error),
  });
  return { controller, errors, counters, claims: () => latest, reports: () => reports };
}

/** The element holding exactly the fields of `line` in `claim` (their nearest common ancestor), if one does. */
function lineContainer(claim: DetectedClaim, line: number): Element | undefined {
  const own = claim.fields.filter((f) => f.line === line).map((f) => f.element);
  const others = claim.fields.filter((f) => f.line !== line).map((f) => f.element);
  if (own.length === 0) return undefined;
  let container: Element | null = own[0]!;
  while (container && !own.every((element) => container!.contains(element))) container = container.parentElement;
  if (!container || others.some((element) => container!.contains(element))) return undefined;
  // Widen to the highest such ancestor (the row, not the cell), as a page's own line template would be.
  while (container.parentElement && !others.some((element) => container!.parentElement!.contains(element))) {
    container = container.parentElement;
  }
  return container;
}

/** A copy of a line for the page to insert: ids (and what names them) made unique, values cleared. */
let copies = 0;
function copyOf(element: Element): Element {
  const copy = element.cloneNode(true) as Element;
  const suffix = `-copy${++copies}`;
  const all = [copy, ...Array.from(copy.querySelectorAll('*'))];
  const renamed = new Set<string>();
  for (const node of all) {
    if (node.id) {
      renamed.add(node.id);
      node.id += suffix;
    }
  }
  for (const node of all) {
    for (const name of ['for', 'aria-labelledby', 'headers']) {
      const value = node.getAttribute(name);
      if (value) node.setAttribute(name, value.split(/\s+/).map((token) => (renamed.has(token) ? token + suffix : token)).join(' '));
    }
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) node.value = '';
  }
  return copy;
}

// Pages small enough to change in every way; the 500-line page gets the append only.
const fixtures = CORPUS_FIXTURES.filter((fixture) => fixture.name !== 'lines-500');
/** Pages where an appended line took the fast path (grouped on its own, not regrouped). */
const appendedAlone: string[] = [];

describe('incremental detection equals a full scan', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: lines appended, inserted, copied twice at once, a field added to a line, a distractor added, a line removed`, { timeout: 30_000 }, async () => {
      loadPage(readHtml(fixture));
      const w = watch();
      try {
        await settle();
        const check = async (what: string) => {
          await settle();
          expect(shape(w.claims()), `${fixture.name}: after ${what}`).toEqual(shape(detectClaims(document)));
        };
        await check('the first scan');
        const claim = () => w.claims().at(-1);
        const lastLine = () => Math.max(-1, ...(claim()?.fields.map((f) => f.line ?? -1) ?? []));

        // A line appended after the last one (the portal's "Add line").
        const last = claim() && lineContainer(claim()!, lastLine());
        if (last) {
          const appended = w.counters.linesAppended;
          last.after(copyOf(last));
          await check('appending a line');
          if (w.counters.linesAppended > appended) appendedAlone.push(fixture.name);
        }
        // A line without its procedure code (fields outside any line: the structure may no longer tell lines apart).
        const partial = claim() && lineContainer(claim()!, lastLine());
        const code = claim()?.fields.find((f) => f.line === lastLine() && f.role === 'cpt');
        if (partial && code) {
          const copy = copyOf(partial);
          const codes = copy.querySelectorAll(`[name="${code.element.getAttribute('name')}"]`);
          if (code.element.getAttribute('name') && codes.length === 1) {
            codes[0]!.remove();
            partial.after(copy);
            await check('appending a line without a procedure code');
          }
        }
        // A line inserted after the first one (line numbers after it move).
        const first = claim() && lineContainer(claim()!, 0);
        if (first && lastLine() > 0) {
          first.after(copyOf(first));
          await check('inserting a line');
        }
        // Two lines in one batch.
        const again = claim() && lineContainer(claim()!, lastLine());
        if (again) {
          again.after(copyOf(again));
          again.after(copyOf(again));
          await check('appending two lines at once');
        }
        // One more field in the last line (the line is regrouped: a second modifier, say).
        const modifier = claim()?.fields.filter((f) => f.line === lastLine()).at(-1)?.element;
        if (modifier) {
          modifier.after(copyOf(modifier));
          await check('adding a field to a line');
        }
        // A field that is not a claim field.
        const promo = document.createElement('input');
        promo.name = 'promo_code';
        promo.setAttribute('aria-label', 'Promo code');
        (claim()?.container ?? document.body).append(promo);
        await check('adding a distractor');
        // A line removed.
        const gone = claim() && lineContainer(claim()!, lastLine());
        if (gone) {
          gone.remove();
          await check('removing a line');
        }
        expect(w.errors).toEqual([]);
      } finally {
        w.controller.abort();
      }
    });
  }

  it('took the fast path for an appended line on the table and grid pages (so the comparisons above test it)', () => {
    expect(appendedAlone).toEqual(expect.arrayContaining(['label-for', 'table-headers', 'aria-grid', 'cms1500-boxes', 'ub04-locators', 'two-claims']));
  });

  it('reports a value typed in the same moment as fields are added', async () => {
    loadPage(readHtml(PORTAL_FIXTURES.find((fixture) => fixture.name === 'table-headers')!));
    const w = watch();
    try {
      await settle();
      const reports = w.reports();
      const code = w.claims()[0]!.fields.find((f) => f.role === 'cpt')!.element as HTMLInputElement;
      const promo = document.createElement('input');
      promo.setAttribute('aria-label', 'Promo code');
      document.body.append(promo); // changes no claim
      await Promise.resolve(); // the observer has queued the batch: the value arrives while it waits
      code.value = '77372';
      code.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await settle();
      expect(w.reports()).toBe(reports + 1);
      expect(w.errors).toEqual([]);
    } finally {
      w.controller.abort();
    }
  });

  it('groups a line appended to the 500-line page on its own, without a full scan, and equal to one', { timeout: 60_000 }, async () => {
    loadPage(readHtml(PORTAL_FIXTURES.find((fixture) => fixture.name === 'lines-500')!));
    const w = watch();
    try {
      await vi.waitFor(() => expect(w.reports()).toBe(1), { timeout: 30_000 });
      const claim = w.claims()[0]!;
      const row = lineContainer(claim, 499)!;
      expect(row.localName).toBe('tr');
      const { scans, extensions, linesAppended: appended, scopesRegrouped: regrouped, repeated } = w.counters;
      // What the portal's "Add line" inserts: the last row with the next line's numbers.
      const next = row.cloneNode(true) as Element;
      for (const field of Array.from(next.querySelectorAll('input'))) {
        field.id = field.id.replace('499', '500');
        field.name = field.name.replace('499', '500');
      }
      next.firstElementChild!.textContent = '501';
      row.after(next);
      await vi.waitFor(() => expect(w.reports()).toBe(2));
      // The new row's fields took the verdicts of the rows the first scan qualified.
      expect(w.counters.repeated - repeated).toBe(row.querySelectorAll('input, select, textarea').length);
      expect(w.counters.scans).toBe(scans);
      expect(w.counters.extensions).toBe(extensions + 1);
      expect(w.counters.linesAppended).toBe(appended + 1);
      expect(w.counters.scopesRegrouped).toBe(regrouped);
      expect(w.claims()[0]!.fields.filter((f) => f.line === 500).map((f) => f.role)).toContain('cpt');
      expect(shape(w.claims())).toEqual(shape(detectClaims(document)));
      expect(w.errors).toEqual([]);
    } finally {
      w.controller.abort();
    }
  });

  it('scans the whole page for a new line where a recipe states a line: the new line may be the one it names', async () => {
    document.body.innerHTML = `<form><table><thead><tr><th>CPT</th><th>Units</th></tr></thead><tbody>
      <tr><td><input name="cpt_1"></td><td><input name="units_1"></td></tr>
      <tr><td><input name="cpt_2"></td><td><input name="units_2"></td></tr>
    </tbody></table><p><label>Units <input name="late_units"></label></p></form>`;
    // The last units box belongs to line 3, which the page does not have yet.
    const corrections: PageCorrections = [{ selector: 'input[name="late_units"]', role: 'units', line: { kind: 'line', line: 3 } }];
    const w = watch(corrections);
    try {
      await vi.waitFor(() => expect(w.reports()).toBe(1));
      const late = document.querySelector('[name="late_units"]')!;
      expect(w.claims()[0]!.fields.some((f) => f.element === late)).toBe(false);
      const row = document.querySelector('tbody tr:last-child')!;
      const next = row.cloneNode(true) as Element;
      next.querySelectorAll('input').forEach((field) => (field.name = field.name.replace('2', '3')));
      row.after(next);
      await vi.waitFor(() => expect(w.reports()).toBe(2));
      expect(w.claims()[0]!.fields.find((f) => f.element === late)).toMatchObject({ role: 'units', line: 2 });
      expect(shape(w.claims())).toEqual(shape(detectClaims(document, { corrections })));
      expect(w.counters.extensions).toBe(0);
      expect(w.errors).toEqual([]);
    } finally {
      w.controller.abort();
    }
  });
});

import { addressOf, correctionFor, correctionsForSite, detectClaims, readRawClaim, type PageCorrections } from '../../detection';
import { hostChain, isStableId, selectorInTree } from '../../detection/corrections';

/** Finds `address` again in the document, through its shadow hosts, the way a recipe is matched. */
function resolve(address: { selector: string; hosts: string[] }): Element[] {
  let roots: (Document | ShadowRoot)[] = [document];
  for (const host of address.hosts) roots = roots.flatMap((root) => Array.from(root.querySelectorAll(host)).flatMap((h) => (h.shadowRoot ? [h.shadowRoot] : [])));
  return roots.flatMap((root) => Array.from(root.querySelectorAll(address.selector)));
}

const roleOf = (claims: ReturnType<typeof detectClaims>, element: Element) => claims.flatMap((c) => c.fields).find((f) => f.element === element)?.role;

describe('selector builder', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('prefers a stable unique id', () => {
    document.body.innerHTML = '<form><input id="proc_1" name="x"></form>';
    expect(addressOf(document.getElementById('proc_1')!)).toEqual({ selector: '#proc_1', hosts: [] });
  });

  it('passes over generated ids for the name attribute', () => {
    document.body.innerHTML = '<form><input id="ember1234" name="SVCDATE_AMT"><input id=":r3:" name="other"></form>';
    const [first, second] = Array.from(document.querySelectorAll('input'));
    expect(addressOf(first!).selector).toBe('input[name="SVCDATE_AMT"]');
    expect(addressOf(second!).selector).toBe('input[name="other"]');
    expect(isStableId('ember1234')).toBe(false);
    expect(isStableId('a3f9c2d18b')).toBe(false);
    expect(isStableId('line_3_mod1')).toBe(true);
  });

  it('tells duplicate ids apart by a stable ancestor, then by position, and finds exactly the field again', () => {
    document.body.innerHTML = `
      <form id="claimA"><table><tbody>
        <tr><td><input id="cpt" name="cpt"></td><td><input id="cpt" name="mod"></td></tr>
        <tr><td><input id="cpt" name="cpt"></td><td><input id="cpt" name="mod"></td></tr>
      </tbody></table></form>
      <form id="claimB"><input id="cpt" name="cpt"></form>`;
    const fields = Array.from(document.querySelectorAll('input'));
    const selectors = fields.map((field) => addressOf(field).selector);
    expect(new Set(selectors).size).toBe(fields.length);
    for (const [i, field] of fields.entries()) {
      expect(resolve(addressOf(field))).toEqual([field]);
      expect(selectors[i]).not.toMatch(/#cpt/);
    }
    expect(selectors[4]).toBe('#claimB input[name="cpt"]');
    // Row and column, from the anchoring form: no chain of generated ids.
    expect(selectors[2]).toBe('#claimA > table > tbody > tr:nth-of-type(2) > td:nth-of-type(1) > input[name="cpt"]');
  });

  it('names a field inside an open shadow root by its host chain, outermost first', () => {
    document.body.innerHTML = '<claim-grid id="grid"></claim-grid><claim-grid id="grid2"></claim-grid>';
    for (const host of Array.from(document.querySelectorAll('claim-grid'))) {
      const outer = host.attachShadow({ mode: 'open' });
      outer.innerHTML = '<line-row class="row"></line-row>';
      const inner = outer.querySelector('line-row')!.attachShadow({ mode: 'open' });
      inner.innerHTML = '<input name="code"><input name="mod">';
    }
    const grid2 = document.getElementById('grid2')!;
    const field = grid2.shadowRoot!.querySelector('line-row')!.shadowRoot!.querySelector('input[name="mod"]')!;
    const address = addressOf(field);
    expect(address).toEqual({ selector: 'input[name="mod"]', hosts: ['#grid2', 'line-row'] });
    expect(hostChain(field)).toEqual([grid2, grid2.shadowRoot!.querySelector('line-row')]);
    expect(resolve(address)).toEqual([field]);
  });

  it('is not misled by a form whose controls are named after DOM properties (clobbering)', () => {
    document.body.innerHTML = `
      <form id="f"><input name="parentElement"><input name="parentNode"><input name="id"><input name="getAttribute">
        <input name="children"><input name="localName"><table><tbody>
        <tr><td><input name="cpt"></td></tr><tr><td><input name="cpt"></td></tr>
      </tbody></table></form>`;
    const second = document.querySelectorAll('input[name="cpt"]')[1]!;
    const address = addressOf(second);
    expect(address.selector).toBe('#f > table > tbody > tr:nth-of-type(2) > td > input[name="cpt"]');
    expect(resolve(address)).toEqual([second]);
  });

  it('uses a position path inside a shadow root when nothing else is unique', () => {
    document.body.innerHTML = '<x-host></x-host>';
    const root = document.querySelector('x-host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><input></div><div><input></div>';
    const second = root.querySelectorAll('input')[1]!;
    expect(selectorInTree(second)).toBe('div:nth-of-type(2) > input');
    expect(Array.from(root.querySelectorAll(selectorInTree(second)))).toEqual([second]);
  });
});

describe('matching recipes to fields', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('returns the latest recipe whose selector and hosts match, undefined otherwise', () => {
    document.body.innerHTML = '<x-host id="h"></x-host><input name="amt">';
    const root = document.getElementById('h')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input name="amt">';
    const outside = document.querySelector('input[name="amt"]')!;
    const inside = root.querySelector('input')!;
    const recipes: PageCorrections = [
      { selector: 'input[name="amt"]', role: 'charge', line: { kind: 'auto' } },
      { selector: 'input[name="amt"]', hosts: ['#h'], role: 'units', line: { kind: 'auto' } },
      { selector: 'input[name="amt"]', hosts: ['#h'], role: 'none', line: { kind: 'auto' } },
    ];
    expect(correctionFor(outside, recipes)).toEqual({ role: 'charge', line: { kind: 'auto' } });
    expect(correctionFor(inside, recipes)).toEqual({ role: 'none', line: { kind: 'auto' } });
    expect(correctionFor(inside, recipes.slice(0, 2))?.role).toBe('units');
    expect(correctionFor(outside, [{ selector: 'input[name="other"]', role: 'cpt', line: { kind: 'auto' } }])).toBeUndefined();
    // A selector the browser cannot read matches nothing, and never throws.
    expect(correctionFor(outside, [{ selector: 'input[[', role: 'cpt', line: { kind: 'auto' } }])).toBeUndefined();
  });

  it('keeps only well-formed recipes of this site, the policy after the coder', () => {
    const lists = [
      [
        { site: 'https://a.example/*', selector: '#x', role: 'cpt', line: { kind: 'auto' } },
        { site: 'https://b.example/*', selector: '#y', role: 'cpt', line: { kind: 'auto' } },
        { site: 'https://a.example/*', selector: '#z', role: 'bogus', line: { kind: 'auto' } },
        { site: 'https://a.example/*', selector: 7, role: 'cpt', line: { kind: 'auto' } },
        'junk',
      ],
      'not a list',
      [{ site: 'https://a.example/*', selector: '#x', role: 'none', line: { kind: 'auto' } }],
    ];
    expect(correctionsForSite(lists, (site) => site === 'https://a.example/*')).toEqual([
      { selector: '#x', role: 'cpt', line: { kind: 'auto' } },
      { selector: '#x', role: 'none', line: { kind: 'auto' } },
    ]);
  });

  it.each([
    ['a modifier on line 2', 'modifier', { kind: 'line', line: 2 }, true],
    ['a date of service for the whole claim', 'dos', { kind: 'claim' }, true],
    ['a place of service for the whole claim', 'pos', { kind: 'claim' }, true],
    ['a procedure code on a stated line (it makes its own line)', 'cpt', { kind: 'line', line: 1 }, false],
    ['a diagnosis on a line (the claim holds diagnoses)', 'dx', { kind: 'line', line: 1 }, false],
    ['not a claim field, on a line', 'none', { kind: 'line', line: 1 }, false],
    ['units for the whole claim', 'units', { kind: 'claim' }, false],
    ['line 0', 'modifier', { kind: 'line', line: 0 }, false],
    ['line 1.5', 'modifier', { kind: 'line', line: 1.5 }, false],
    ['line 1000', 'modifier', { kind: 'line', line: 1000 }, false],
    ['a line given as text', 'modifier', { kind: 'line', line: '2' }, false],
    ['an unknown kind', 'modifier', { kind: 'row' }, false],
  ])('applies a line rule only where it fits the role: %s', (_name, role, line, kept) => {
    const recipes = correctionsForSite([[{ site: 'https://a.example/*', selector: '#x', role, line }]], () => true);
    expect(recipes).toEqual(kept ? [{ selector: '#x', role, line }] : []);
  });
});

describe('detection with corrections', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const page = `
    <form><table>
      <thead><tr><th>CPT</th><th>Modifier</th><th>Units</th><th>Reference</th></tr></thead>
      <tbody>
        <tr><td><input name="cpt_1"></td><td><input name="mod_1"></td><td><input name="units_1"></td><td><input name="ref_1"></td></tr>
        <tr><td><input name="cpt_2"></td><td><input name="mod_2"></td><td><input name="units_2"></td><td><input name="ref_2"></td></tr>
      </tbody>
    </table></form>`;

  it('a correction wins over the heuristics: a role is that role, none is never a candidate', () => {
    document.body.innerHTML = page;
    const field = (name: string) => document.querySelector(`[name="${name}"]`)!;
    const before = detectClaims(document);
    expect(roleOf(before, field('mod_1'))).toBe('modifier');
    expect(roleOf(before, field('ref_2'))).toBeUndefined();

    const corrections: PageCorrections = [
      { selector: 'input[name="mod_1"]', role: 'none', line: { kind: 'auto' } },
      { selector: 'input[name="ref_2"]', role: 'pointer', line: { kind: 'auto' } },
    ];
    const after = detectClaims(document, { corrections });
    expect(roleOf(after, field('mod_1'))).toBeUndefined();
    expect(roleOf(after, field('mod_2'))).toBe('modifier');
    const pointer = after.flatMap((c) => c.fields).find((f) => f.element === field('ref_2'));
    expect(pointer).toMatchObject({ role: 'pointer', line: 1 });
    expect(roleOf(after, field('ref_1'))).toBeUndefined();
  });

  it('a line rule puts a field on the line it names, over the row it sits in; on none beyond the last line', () => {
    document.body.innerHTML = page;
    const field = (name: string) => document.querySelector(`[name="${name}"]`)!;
    const lineOf = (claims: ReturnType<typeof detectClaims>, name: string) => claims.flatMap((c) => c.fields).find((f) => f.element === field(name));
    expect(lineOf(detectClaims(document), 'units_2')).toMatchObject({ role: 'units', line: 1 });
    const moved = detectClaims(document, { corrections: [{ selector: 'input[name="units_2"]', role: 'units', line: { kind: 'line', line: 1 } }] });
    expect(lineOf(moved, 'units_2')).toMatchObject({ role: 'units', line: 0 });
    // It takes line 1's units slot: the field detected there is no longer line 1's units.
    expect(moved.flatMap((c) => c.fields).filter((f) => f.role === 'units' && f.line === 0).map((f) => f.element)).toEqual([field('units_2')]);
    const beyond = detectClaims(document, { corrections: [{ selector: 'input[name="units_2"]', role: 'units', line: { kind: 'line', line: 3 } }] });
    expect(lineOf(beyond, 'units_2')).toBeUndefined();
    expect(lineOf(beyond, 'units_1')).toMatchObject({ role: 'units', line: 0 });
  });

  it('a claim rule makes a date of service one value for every line that has none', () => {
    document.body.innerHTML = `
      <form>
        <p><label>Visit <input name="visit"></label></p>
        <table>
          <thead><tr><th>CPT</th><th>Date of service</th><th>Units</th></tr></thead>
          <tbody>
            <tr><td><input name="cpt_1" value="77372"></td><td><input name="dos_1" value="03/04/25"></td><td><input name="units_1" value="1"></td></tr>
            <tr><td><input name="cpt_2" value="77371"></td><td><input name="dos_2"></td><td><input name="units_2" value="1"></td></tr>
          </tbody>
        </table>
      </form>`;
    const visit = document.querySelector('[name="visit"]')!;
    (visit as HTMLInputElement).value = '05/06/2025';
    expect(detectClaims(document).flatMap((c) => c.fields).some((f) => f.element === visit)).toBe(false);
    const claims = detectClaims(document, { corrections: [{ selector: 'input[name="visit"]', role: 'dos', line: { kind: 'claim' } }] });
    expect(claims.flatMap((c) => c.fields).find((f) => f.element === visit)).toMatchObject({ role: 'dos', line: null });
    // A line with its own date keeps it; the one without takes the claim's.
    const raw = readRawClaim(claims[0]!);
    expect(raw.lines.map((line) => line.dateFrom)).toEqual(['03/04/25', '05/06/2025']);
  });

  it('a corrected role wins its line over a detected field of the same role', () => {
    document.body.innerHTML = page;
    const corrections: PageCorrections = [{ selector: 'input[name="ref_1"]', role: 'units', line: { kind: 'auto' } }];
    const claims = detectClaims(document, { corrections });
    const units = claims.flatMap((c) => c.fields).filter((f) => f.role === 'units' && f.line === 0);
    expect(units.map((f) => f.element.getAttribute('name'))).toEqual(['ref_1']);
  });
});

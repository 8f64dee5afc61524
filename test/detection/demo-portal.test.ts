import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectClaims, readRawClaim, type DetectedClaim } from '../../detection';
import { expandDemoTemplate, loadPage } from './load';

/** The demo portal's pages (demo/public), with their service lines expanded as portal.js does. */
const demo = join(dirname(fileURLToPath(import.meta.url)), '../../demo/public');

function load(page: string, lines?: number): DetectedClaim[] {
  const source = readFileSync(join(demo, page), 'utf8');
  loadPage(source);
  expandDemoTemplate(source, document, lines);
  return detectClaims(document);
}

function byName(claim: DetectedClaim): Map<string, { role: string; line: number | null; slot?: number }> {
  return new Map(claim.fields.map((f) => [f.element.getAttribute('name') ?? '', { role: f.role, line: f.line, ...(f.slot !== undefined ? { slot: f.slot } : {}) }]));
}

describe('demo portal', () => {
  it('CMS-1500 page: every claim field, nothing else', () => {
    const claims = load('cms1500.html');
    expect(claims).toHaveLength(1);
    const claim = claims[0]!;
    expect(claim.formType).toBe('professional');
    expect(claim.container.id).toBe('claim');
    const expected = new Map<string, { role: string; line: number | null; slot?: number }>();
    for (const c of ['a', 'b', 'c', 'd']) expected.set(`dx_${c}`, { role: 'dx', line: null });
    for (let i = 0; i < 6; i++) {
      expected.set(`line[${i}][from]`, { role: 'dos', line: i, slot: 0 });
      expected.set(`line[${i}][to]`, { role: 'dos', line: i, slot: 1 });
      expected.set(`line[${i}][pos]`, { role: 'pos', line: i });
      expected.set(`line[${i}][cpt]`, { role: 'cpt', line: i });
      for (const m of [1, 2, 3, 4]) expected.set(`line[${i}][mod${m}]`, { role: 'modifier', line: i, slot: m });
      expected.set(`line[${i}][pointer]`, { role: 'pointer', line: i });
      expected.set(`line[${i}][charge]`, { role: 'charge', line: i });
      expected.set(`line[${i}][units]`, { role: 'units', line: i });
    }
    expect(byName(claim)).toEqual(expected);
  });

  it('CMS-1500 page: reads the example claim as typed', () => {
    const claim = load('cms1500.html')[0]!;
    const set = (name: string, value: string) => ((document.querySelector(`[name="${name}"]`) as HTMLInputElement).value = value);
    set('dx_a', 'C79.31');
    set('line[0][cpt]', '77371');
    set('line[0][mod1]', '26');
    set('line[0][units]', '1');
    set('line[0][from]', '03/02/26');
    set('line[0][to]', '03/03/26');
    const raw = readRawClaim(claim);
    expect(raw.formType).toBe('professional');
    expect(raw.diagnosisCodes).toEqual(['C79.31', '', '', '']);
    expect(raw.lines).toHaveLength(6);
    expect(raw.lines[0]).toMatchObject({ index: 0, code: '77371', modifiers: ['26', '', '', ''], units: '1', dateFrom: '03/02/26', dateTo: '03/03/26' });
  });

  it('CMS-1500 page with ?lines=30: 30 lines', () => {
    const claims = load('cms1500.html', 30);
    expect(claims).toHaveLength(1);
    const lines = new Set(claims[0]!.fields.filter((f) => f.role === 'cpt').map((f) => f.line));
    expect(lines.size).toBe(30);
    expect(claims[0]!.fields.filter((f) => f.role === 'modifier')).toHaveLength(120);
  });

  it('UB-04 page: every claim field, nothing else', () => {
    const claims = load('ub04.html');
    expect(claims).toHaveLength(1);
    const claim = claims[0]!;
    expect(claim.formType).toBe('institutional');
    const expected = new Map<string, { role: string; line: number | null; slot?: number }>();
    for (const name of ['dx_principal', 'dx_67a', 'dx_67b']) expected.set(name, { role: 'dx', line: null });
    for (let i = 0; i < 6; i++) {
      expected.set(`svc[${i}].rev`, { role: 'revenue', line: i });
      expected.set(`svc[${i}].hcpcs`, { role: 'cpt', line: i });
      expected.set(`svc[${i}].date`, { role: 'dos', line: i, slot: 0 });
      expected.set(`svc[${i}].units`, { role: 'units', line: i });
      expected.set(`svc[${i}].total`, { role: 'charge', line: i });
    }
    expect(byName(claim)).toEqual(expected);
  });
});

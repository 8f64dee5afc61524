import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  correctionsItem,
  exportCorrections,
  parseCorrectionsJson,
  policyCorrections,
  readCorrections,
  removeCorrection,
  saveCorrection,
  type Correction,
} from '../settings/corrections';
import { readManagedPolicy } from '../settings/policy';

const recipe = (overrides: Partial<Correction> = {}): Correction => ({
  site: 'https://portal.example.com/*',
  selector: 'input[name="SVCDATE_AMT"]',
  role: 'charge',
  line: { kind: 'auto' },
  ...overrides,
});

describe('saving a correction', () => {
  it('stores a valid recipe; the same field again replaces it', async () => {
    expect(await saveCorrection(recipe())).toEqual({ ok: true });
    expect(await saveCorrection(recipe({ selector: '#mod2', role: 'none' }))).toEqual({ ok: true });
    expect(await saveCorrection(recipe({ role: 'units' }))).toEqual({ ok: true });
    expect((await readCorrections()).value).toEqual([recipe({ selector: '#mod2', role: 'none' }), recipe({ role: 'units' })]);
    await removeCorrection(recipe());
    expect((await readCorrections()).value).toEqual([recipe({ selector: '#mod2', role: 'none' })]);
  });

  it.each([
    ['an unknown role', { role: 'procedure' }, 'role', 'corrections_err_role'],
    ['a site that is not a pattern', { site: 'portal.example.com' }, 'site', 'corrections_err_site'],
    ['a selector the browser cannot read', { selector: 'input[[' }, 'selector', 'corrections_err_selector'],
    ['a selector that reads a value', { selector: 'input[value="77371"]' }, 'selector', 'corrections_err_selector'],
    ['a line rule that does not exist', { line: { kind: 'every' } }, 'line.kind', 'corrections_err_line'],
    ['line 0', { role: 'units', line: { kind: 'line', line: 0 } }, 'line.line', 'corrections_err_line'],
    ['a line number that is not a whole number', { role: 'units', line: { kind: 'line', line: 2.5 } }, 'line.line', 'corrections_err_line'],
    ['a procedure code on a stated line (it makes its own line)', { role: 'cpt', line: { kind: 'line', line: 2 } }, 'line', 'corrections_err_line'],
    ['units for the whole claim (only dates and places of service are)', { role: 'units', line: { kind: 'claim' } }, 'line', 'corrections_err_line'],
    ['"not a claim field" on a line', { role: 'none', line: { kind: 'line', line: 1 } }, 'line', 'corrections_err_line'],
  ])('refuses %s with the reason, and changes nothing', async (_name, overrides, path, key) => {
    await saveCorrection(recipe());
    const before = await fakeBrowser.storage.local.get('corrections');
    const result = await saveCorrection({ ...recipe(), ...overrides });
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ path, key })] });
    expect(await fakeBrowser.storage.local.get('corrections')).toEqual(before);
  });

  it('refuses a recipe carrying a value', async () => {
    const result = await saveCorrection({ ...recipe(), value: '77371' });
    expect(result).toEqual({ ok: false, problems: [{ path: 'value', key: 'corrections_err_value_key', args: ['value'] }] });
    expect((await readCorrections()).value).toEqual([]);
  });

  it('reads corrupted storage as no corrections, and says so', async () => {
    await fakeBrowser.storage.local.set({ corrections: [{ site: 3 }] });
    expect(await readCorrections()).toEqual({ value: [], recovered: true });
    await fakeBrowser.storage.local.set({ corrections: 'nonsense' });
    expect(await readCorrections()).toEqual({ value: [], recovered: true });
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const list = [
      recipe(),
      recipe({ selector: 'input[name="mod"]', hosts: ['#grid', 'line-row'], role: 'modifier' }),
      recipe({ selector: '#late-units', role: 'units', line: { kind: 'line', line: 3 } }),
      recipe({ selector: '#visit-date', role: 'dos', line: { kind: 'claim' } }),
    ];
    expect(parseCorrectionsJson(exportCorrections(list))).toEqual({ ok: true, corrections: list });
    // A bare list reads too.
    expect(parseCorrectionsJson(JSON.stringify(list))).toEqual({ ok: true, corrections: list });
  });

  it('names the line and the reason of every problem', () => {
    const text = [
      '{',
      '  "format": "claimguide-corrections",',
      '  "version": 1,',
      '  "corrections": [',
      '    { "site": "https://portal.example.com/*", "selector": "#a", "role": "cpt", "line": { "kind": "auto" } },',
      '    { "site": "https://portal.example.com/*", "selector": "#b", "role": "proc", "line": { "kind": "auto" } },',
      '    { "site": "https://portal.example.com/*", "selector": "#c", "role": "cpt", "line": { "kind": "auto" }, "value": "x" },',
      '    { "site": "https://portal.example.com/*", "role": "cpt", "line": { "kind": "auto" } }',
      '  ]',
      '}',
    ].join('\n');
    const result = parseCorrectionsJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'corrections[1].role', line: 6, key: 'corrections_err_role', args: [expect.stringContaining('none')] },
      { path: 'corrections[2].value', line: 7, key: 'corrections_err_value_key', args: ['value'] },
      { path: 'corrections[3].selector', line: 8, key: 'corrections_err_required', args: ['selector'] },
    ]);
  });

  it('reports a syntax error with its line, an empty file and a foreign file', () => {
    expect(parseCorrectionsJson('[\n  { "site": \n')).toEqual({ ok: false, problems: [{ path: '', line: 3, key: 'corrections_err_syntax' }] });
    expect(parseCorrectionsJson('  ')).toEqual({ ok: false, problems: [{ path: '', key: 'corrections_err_empty' }] });
    expect(parseCorrectionsJson('{"id":"medicare"}')).toEqual({ ok: false, problems: [{ path: '', line: 1, key: 'corrections_err_format' }] });
  });
});

describe('corrections from managed policy', () => {
  it('keeps the valid recipes and says why the others were left out', async () => {
    await fakeBrowser.storage.managed.set({ corrections: [recipe(), { ...recipe(), role: 'x' }] });
    const policy = await readManagedPolicy();
    const { corrections, problems } = policyCorrections(policy.corrections);
    expect(corrections).toEqual([recipe()]);
    expect(problems).toEqual([expect.objectContaining({ path: '[1].role', key: 'corrections_err_role' })]);
  });

  it('the storage item is local, never synced', () => {
    expect(correctionsItem.key).toBe('local:corrections');
  });
});

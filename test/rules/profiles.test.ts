import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, parseProfileJson, PayerProfileSchema, resolveProfile, RULES } from '../../rules';
import * as z from 'zod/mini';

describe('payer profiles', () => {
  it('has the four built-ins, each valid under the import schema', () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual(['medicare-physician', 'medicare-outpatient', 'medicaid', 'commercial']);
    for (const profile of BUILTIN_PROFILES) {
      expect(z.safeParse(PayerProfileSchema, profile).success, profile.id).toBe(true);
      expect(parseProfileJson(JSON.stringify(profile))).toEqual({ ok: true, profile });
    }
  });

  it('names rules that exist only', () => {
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    for (const profile of BUILTIN_PROFILES) {
      for (const id of [...Object.keys(profile.rules ?? {}), ...Object.keys(profile.notes ?? {})]) expect(ids.has(id), `${profile.id}: ${id}`).toBe(true);
    }
  });

  it('resolves ids, built-ins first, and falls back to the default', () => {
    const custom = { ...BUILTIN_PROFILES[3]!, id: 'acme', name: { en: 'Acme', es: 'Acme' } };
    expect(DEFAULT_PROFILE_ID).toBe('medicare-physician');
    expect(resolveProfile('medicaid', []).id).toBe('medicaid');
    expect(resolveProfile('acme', [custom]).id).toBe('acme');
    expect(resolveProfile('nope', [custom]).id).toBe('medicare-physician');
    expect(resolveProfile('commercial', [{ ...custom, id: 'commercial' }])).toBe(BUILTIN_PROFILES[3]);
  });
});

describe('parseProfileJson', () => {
  it('accepts a minimal import and fills the neutral defaults', () => {
    const result = parseProfileJson('{"id":"acme","name":{"en":"Acme","es":"Acme"},"rules":{"srs/management-code":"off"}}');
    expect(result).toEqual({
      ok: true,
      profile: {
        id: 'acme',
        name: { en: 'Acme', es: 'Acme' },
        claimForm: 'any',
        ncciFile: 'by-form',
        mpfsStatus: false,
        prefersXModifiers: false,
        roboticSrsGCodes: false,
        rules: { 'srs/management-code': 'off' },
      },
    });
  });

  it('reports a JSON syntax error with its line', () => {
    const result = parseProfileJson('{\n  "id": "acme",\n  "name": {"en": "A" "es": "A"}\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([expect.objectContaining({ path: '', line: 3, key: 'import_json_missing_comma' })]);
      expect(result.errors[0]!.message).toBe('JSON syntax: a comma is missing before this item.');
    }
  });

  it.each(['', '   ', '[', '{"a":1,}', '{"a":1} x', 'nul', '"\\x"'])('rejects %j as a syntax error', (text) => {
    const result = parseProfileJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/JSON syntax/);
  });

  it('reports schema errors with their path and line, and unknown rule ids', () => {
    const text = [
      '{',
      '  "id": "Acme Corp",',
      '  "name": {"en": "Acme"},',
      '  "claimForm": "paper",',
      '  "rules": {',
      '    "srs/modifier-26-technical-only": "loud",',
      '    "srs/no-such-rule": "off"',
      '  },',
      '  "notes": {"also/unknown": "x"},',
      '  "extra": true',
      '}',
    ].join('\n');
    const result = parseProfileJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
    expect(byPath['id']).toMatchObject({ line: 2 });
    expect(byPath['name.es']).toMatchObject({ line: 3, message: 'name.es is required.' });
    expect(byPath['claimForm']).toMatchObject({ line: 4 });
    expect(byPath['rules["srs/modifier-26-technical-only"]']).toMatchObject({ line: 6 });
    expect(byPath['rules["srs/no-such-rule"]']).toMatchObject({ line: 7, message: 'No rule has the id “srs/no-such-rule” (docs/rules.md lists them).' });
    expect(byPath['notes["also/unknown"]']).toMatchObject({ line: 9 });
    expect(byPath['extra']).toMatchObject({ line: 10, key: 'import_unknown_property', args: ['extra'] });
    expect(byPath['extra']!.message).toMatch(/^Unknown property “extra”: use id, name, description, .* or notes\.$/);
    // Problems come in line order, each with its line.
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 6, 7, 9, 10]);
  });

  it('names a trailing comma at the comma’s line, in objects and in lists', () => {
    const object = parseProfileJson('{\n  "id": "acme",\n  "name": {"en": "A", "es": "A"},\n}');
    expect(object).toMatchObject({ ok: false, errors: [{ line: 3, key: 'import_json_trailing_comma', args: ['}'] }] });
    if (!object.ok) expect(object.errors[0]!.message).toBe('JSON syntax: a trailing comma before “}”: remove the comma after the last item.');
    const list = parseProfileJson('{\n  "id": "acme",\n  "x": [1,\n 2,\n ]\n}');
    expect(list).toMatchObject({ ok: false, errors: [{ line: 4, key: 'import_json_trailing_comma', args: [']'] }] });
    expect(parseProfileJson("{\n 'id': 'acme'\n}")).toMatchObject({ ok: false, errors: [{ line: 2, key: 'import_json_single_quotes' }] });
  });

  it('names a wrong value and the values allowed', () => {
    const result = parseProfileJson(
      ['{', '  "id": "acme",', '  "name": {"en": "A", "es": "A"},', '  "ncciFile": "both",', '  "mpfsStatus": "yes",', '  "rules": {"srs/duplicate-line": "fatal"}', '}'].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [4, '“both” is not allowed for ncciFile: use practitioner, outpatient or by-form.'],
      [5, 'mpfsStatus should be true or false, not "yes".'],
      [6, '“fatal” is not a severity: use off, info, warning or error.'],
    ]);
    expect(result.errors[2]).toMatchObject({ key: 'import_bad_severity', args: ['fatal'], allowed: ['off', 'info', 'warning', 'error'] });
  });

  it('rejects non-objects and never throws', () => {
    for (const text of ['1', 'null', '[]', '"x"', '{"__proto__": {"id": "x"}}']) {
      expect(parseProfileJson(text).ok).toBe(false);
    }
  });

  it('applies a custom profile: rule off, severity changed, note attached', async () => {
    const { evaluateRaw } = await import('../../rules');
    const parsed = parseProfileJson(
      JSON.stringify({
        id: 'acme',
        name: { en: 'Acme', es: 'Acme' },
        rules: { 'srs/management-code': 'off', 'srs/modifier-26-technical-only': 'warning' },
        notes: { 'srs/modifier-26-technical-only': { en: 'Acme denies 26 here.', es: 'Acme deniega 26 aquí.' } },
      }),
    );
    if (!parsed.ok) throw new Error('expected ok');
    const raw = { formType: 'professional' as const, diagnosisCodes: [], lines: [{ index: 0, code: '77372', modifiers: ['26'], dateFrom: '07/15/2024' }] };
    const { findings } = evaluateRaw(raw, parsed.profile, { today: '2024-08-01', language: 'es' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.notes])).toEqual([['srs/modifier-26-technical-only', 'warning', ['Acme deniega 26 aquí.']]]);
  });
});

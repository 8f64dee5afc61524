import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_PROFILES, type PayerProfile } from '../rules';
import { activeProfileIdItem } from '../settings/items';
import {
  chooseActiveProfile,
  customProfilesItem,
  effectiveProfiles,
  parseProfilesJson,
  policyProfiles,
  readCustomProfiles,
  readProfileChoice,
  saveCustomProfiles,
} from '../settings/profiles';

const commercial = BUILTIN_PROFILES.find((profile) => profile.id === 'commercial')!;
const acme: PayerProfile = { ...commercial, id: 'acme', name: { en: 'Acme Health', es: 'Acme Salud' }, rules: { 'srs/modifier-26-technical-only': 'warning' } };
const org: PayerProfile = { ...commercial, id: 'org-plan', name: { en: 'Org plan', es: 'Plan de la organización' } };

describe('custom profiles storage', () => {
  it.each([
    ['a string', 'not a list'],
    ['a number', 42],
    ['an object', { acme }],
  ])('a value stored as %s falls back to [] with recovered', async (_name, value) => {
    await fakeBrowser.storage.local.set({ customProfiles: value });
    expect(await readCustomProfiles()).toEqual({ profiles: [], recovered: true });
  });

  it('leaves out invalid and duplicated entries, flagged as recovered, keeping the valid ones', async () => {
    await fakeBrowser.storage.local.set({ customProfiles: [acme, { id: 'Bad Id', name: 'x' }, { ...acme, name: { en: 'dup', es: 'dup' } }, null] });
    const read = await readCustomProfiles();
    expect(read.recovered).toBe(true);
    expect(read.profiles.map((profile) => profile.id)).toEqual(['acme']);
  });

  it('never throws when the storage area fails', async () => {
    vi.spyOn(customProfilesItem, 'getValue').mockRejectedValueOnce(new Error('corrupted'));
    expect(await readCustomProfiles()).toEqual({ profiles: [], recovered: true });
  });

  it('is empty and not recovered when nothing is stored; saves and reads back', async () => {
    expect(await readCustomProfiles()).toEqual({ profiles: [], recovered: false });
    await saveCustomProfiles([acme]);
    expect(await readCustomProfiles()).toEqual({ profiles: [acme], recovered: false });
    expect((await fakeBrowser.storage.local.get('customProfiles')).customProfiles).toEqual([acme]);
  });

  it('refuses to write an invalid list', async () => {
    await expect(saveCustomProfiles([acme, acme])).rejects.toThrow();
    await expect(saveCustomProfiles([{ ...acme, id: 'NO' }])).rejects.toThrow();
    expect(await readCustomProfiles()).toEqual({ profiles: [], recovered: false });
  });

  it('reads the coder’s choice as null until one is made', async () => {
    expect(await readProfileChoice()).toEqual({ id: null, recovered: false });
    await activeProfileIdItem.setValue('acme');
    expect(await readProfileChoice()).toEqual({ id: 'acme', recovered: false });
    await fakeBrowser.storage.sync.set({ activeProfileId: 42 });
    expect(await readProfileChoice()).toEqual({ id: null, recovered: true });
  });
});

describe('parseProfilesJson', () => {
  it('accepts one profile or a list of them', () => {
    expect(parseProfilesJson(JSON.stringify(acme))).toEqual({ ok: true, profiles: [acme] });
    expect(parseProfilesJson(JSON.stringify([acme, org], null, 2))).toEqual({ ok: true, profiles: [acme, org] });
  });

  it('names the element, the JSON path and the line of the whole text', () => {
    const text = JSON.stringify([acme, { ...org, rules: { 'srs/nope': 'error', 'srs/modifier-tc-redundant': 'loud' } }], null, 2);
    const result = parseProfilesJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = text.split('\n');
    const unknown = result.errors.find((error) => error.path === '[1].rules["srs/nope"]')!;
    expect(lines[unknown.line! - 1]).toContain('"srs/nope"');
    const bad = result.errors.find((error) => error.path === '[1].rules["srs/modifier-tc-redundant"]')!;
    expect(lines[bad.line! - 1]).toContain('"loud"');
  });

  it('rejects duplicated ids, empty lists and syntax errors with their line', () => {
    expect(parseProfilesJson(JSON.stringify([acme, acme]))).toMatchObject({ ok: false, errors: [{ path: '[1].id' }] });
    expect(parseProfilesJson('[]')).toMatchObject({ ok: false });
    expect(parseProfilesJson('')).toMatchObject({ ok: false });
    expect(parseProfilesJson('{\n  "id": "x",\n  "name": }')).toMatchObject({ ok: false, errors: [{ line: 3 }] });
  });
});

describe('effective profiles and the active one', () => {
  const policy = { customProfilesJson: JSON.stringify([org, { ...commercial, name: { en: 'Hijack', es: 'x' } }]) };

  it('lists built-ins, then policy profiles (locked), then custom ones; an id appears once', () => {
    const entries = effectiveProfiles([acme, { ...org, name: { en: 'Mine', es: 'Mío' } }], policy);
    expect(entries.map((entry) => [entry.profile.id, entry.source, entry.locked])).toEqual([
      ...BUILTIN_PROFILES.map((profile) => [profile.id, 'builtin', false]),
      ['org-plan', 'policy', true],
      ['acme', 'custom', false],
    ]);
    expect(entries.find((entry) => entry.profile.id === 'commercial')!.profile).toBe(commercial);
    expect(policyProfiles(policy).errors).toEqual([
      expect.objectContaining({ path: '[1].id', key: 'import_builtin_id', args: ['commercial'], message: '“commercial” is a built-in profile id: choose another.' }),
    ]);
  });

  it('reports an unreadable policy value, without profiles', () => {
    expect(policyProfiles({ customProfilesJson: '{oops' })).toMatchObject({ profiles: [], errors: [{ line: 1 }] });
  });

  it('follows the coder, the policy default while the coder has not chosen, and the policy lock', () => {
    const entries = effectiveProfiles([acme], policy);
    expect(chooseActiveProfile('acme', entries, {})).toEqual({ id: 'acme', locked: false, fellBack: false });
    expect(chooseActiveProfile(null, entries, { ...policy, defaultProfileId: 'org-plan' })).toEqual({ id: 'org-plan', locked: false, fellBack: false });
    expect(chooseActiveProfile('acme', entries, { ...policy, defaultProfileId: 'org-plan' }).id).toBe('acme');
    expect(chooseActiveProfile('acme', entries, { ...policy, defaultProfileId: 'org-plan', lockProfile: true })).toEqual({
      id: 'org-plan',
      locked: true,
      fellBack: false,
    });
    expect(chooseActiveProfile('deleted', entries, {})).toEqual({ id: 'medicare-physician', locked: false, fellBack: true });
  });
});

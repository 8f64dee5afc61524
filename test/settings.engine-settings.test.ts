import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_PROFILES } from '../rules';
import { descriptorPackItem } from '../settings/descriptor-pack';
import { ENGINE_SETTINGS_KEY, readEngineSettings, takeEngineSettings } from '../settings/engine-settings';
import { activeProfileIdItem, pausedOriginsItem } from '../settings/items';

const commercial = BUILTIN_PROFILES.find((profile) => profile.id === 'commercial')!;
const key = Symbol.for(ENGINE_SETTINGS_KEY);

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[key];
});

describe('engine settings', () => {
  it('are the active profile, the paused origins and the descriptor pack, as stored', async () => {
    await activeProfileIdItem.setValue('commercial');
    await pausedOriginsItem.setValue(['https://portal.example.com']);
    await descriptorPackItem.setValue({ name: 'Clinic pack', descriptors: { '77372': 'Linac SRS, one session' } });
    const settings = await readEngineSettings();
    expect(settings.profile.id).toBe('commercial');
    expect(settings.pausedOrigins).toEqual(['https://portal.example.com']);
    expect(settings.pack?.name).toBe('Clinic pack');
    // The background hands them over as executeScript arguments: plain JSON, nothing lost.
    expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
  });

  it('fall back to defaults when storage is corrupted', async () => {
    await fakeBrowser.storage.sync.set({ activeProfileId: 42, pausedOrigins: 'all' });
    await fakeBrowser.storage.local.set({ descriptorPack: { name: '' } });
    expect(await readEngineSettings()).toMatchObject({ profile: { id: 'medicare-physician' }, pausedOrigins: [], pack: null });
  });

  it('left by the background are taken once', () => {
    const left = { profile: commercial, pausedOrigins: [], pack: null };
    (globalThis as Record<symbol, unknown>)[key] = left;
    expect(takeEngineSettings(globalThis)).toEqual(left);
    expect(takeEngineSettings(globalThis)).toBeUndefined();
  });

  it.each([
    ['nothing', undefined],
    ['a profile that is not one', { profile: { id: 'x' }, pausedOrigins: [], pack: null }],
    ['paused origins that are not a list', { profile: commercial, pausedOrigins: 'all', pack: null }],
  ])('left as %s are not used (the engine reads storage instead)', (_name, value) => {
    (globalThis as Record<symbol, unknown>)[key] = value;
    expect(takeEngineSettings(globalThis)).toBeUndefined();
    expect(key in globalThis).toBe(false);
  });
});

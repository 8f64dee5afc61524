import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_PROFILES } from '../rules';
import { descriptorPackItem } from '../settings/descriptor-pack';
import { engineSettingsIn, readEngineSettings } from '../settings/engine-settings';
import { activeProfileIdItem, pausedOriginsItem } from '../settings/items';

const commercial = BUILTIN_PROFILES.find((profile) => profile.id === 'commercial')!;
describe('engine settings', () => {
  it('are the active profile, the paused origins and the descriptor pack, as stored', async () => {
    await activeProfileIdItem.setValue('commercial');
    await pausedOriginsItem.setValue(['https://portal.example.com']);
    await descriptorPackItem.setValue({ name: 'Clinic pack', descriptors: { '77372': 'Linac SRS, one session' } });
    const settings = await readEngineSettings();
    expect(settings.profile.id).toBe('commercial');
    expect(settings.pausedOrigins).toEqual(['https://portal.example.com']);
    expect(settings.pack?.name).toBe('Clinic pack');
    // The background hands them over in a message answer: plain JSON, nothing lost.
    expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
  });

  it('fall back to defaults when storage is corrupted', async () => {
    await fakeBrowser.storage.sync.set({ activeProfileId: 42, pausedOrigins: 'all' });
    await fakeBrowser.storage.local.set({ descriptorPack: { name: '' } });
    expect(await readEngineSettings()).toMatchObject({ profile: { id: 'medicare-physician' }, pausedOrigins: [], pack: null });
  });

  it('in the background\'s answer are read as they were sent', () => {
    const settings = { profile: commercial, pausedOrigins: ['https://portal.example.com'], pack: null };
    expect(engineSettingsIn({ settings })).toEqual(settings);
  });

  it.each([
    ['no answer', undefined],
    ['an answer of an older background', true],
    ['a profile that is not one', { settings: { profile: { id: 'x' }, pausedOrigins: [], pack: null } }],
    ['paused origins that are not a list', { settings: { profile: commercial, pausedOrigins: 'all', pack: null } }],
  ])('in %s are not used (the engine reads storage instead)', (_name, answer) => {
    expect(engineSettingsIn(answer)).toBeUndefined();
  });
});

import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeProfileIdItem, pausedOriginsItem, PausedOriginsSchema, ProfileIdSchema, readValidated } from '../settings/items';
import { readTicks } from '../settings/checklist';
import { readDescriptorPack } from '../settings/descriptor-pack';

describe('corrupted settings fall back to defaults, flagged as recovered', () => {
  it.each([
    ['a number', 42],
    ['an object', { id: 'medicare-physician' }],
    ['an empty string', ''],
    ['a 10,000-character string', 'x'.repeat(10_000)],
  ])('active profile stored as %s', async (_name, value) => {
    await fakeBrowser.storage.sync.set({ activeProfileId: value });
    expect(await readValidated(activeProfileIdItem, ProfileIdSchema)).toEqual({ value: 'medicare-physician', recovered: true });
  });

  it('keeps a valid stored value', async () => {
    await activeProfileIdItem.setValue('commercial');
    expect(await readValidated(activeProfileIdItem, ProfileIdSchema)).toEqual({ value: 'commercial', recovered: false });
  });

  it('paused sites stored as garbage', async () => {
    await fakeBrowser.storage.sync.set({ pausedOrigins: 'http://127.0.0.1' });
    expect(await readValidated(pausedOriginsItem, PausedOriginsSchema)).toEqual({ value: [], recovered: true });
  });

  it('an unreadable storage area', async () => {
    const failing = { fallback: 'medicare-physician', getValue: () => Promise.reject(new Error('storage corrupted')) };
    expect(await readValidated(failing, ProfileIdSchema)).toEqual({ value: 'medicare-physician', recovered: true });
  });

  it('checklist ticks and the descriptor pack', async () => {
    await fakeBrowser.storage.session.set({ 'checklist:3': ['not', 'a', 'record'] });
    expect(await readTicks(3)).toEqual({});
    await fakeBrowser.storage.local.set({ descriptorPack: { name: 'x', descriptors: { BAD: 1 } } });
    expect(await readDescriptorPack()).toBeNull();
  });
});

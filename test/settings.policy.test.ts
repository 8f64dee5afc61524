import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policySnapshotItem, readManagedPolicy, readPolicySnapshot, refreshPolicySnapshot, samePolicy } from '../settings/policy';

describe('managed policy', () => {
  it('keeps each valid key and drops invalid ones', async () => {
    await fakeBrowser.storage.managed.set({ defaultProfileId: 'commercial', lockProfile: 'yes', sites: ['https://portal.example.com/*'] });
    expect(await readManagedPolicy()).toEqual({ defaultProfileId: 'commercial', sites: ['https://portal.example.com/*'] });
  });

  it('reads as no policy when managed storage fails', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await readManagedPolicy()).toEqual({});
  });
});

describe('policy snapshot (what content scripts evaluate with while managed storage is slow)', () => {
  it('is written by a refresh when the policy changed, and left alone when it did not', async () => {
    await fakeBrowser.storage.managed.set({ defaultProfileId: 'medicaid', lockProfile: true });
    const setValue = vi.spyOn(policySnapshotItem, 'setValue');
    expect(await refreshPolicySnapshot()).toEqual({ defaultProfileId: 'medicaid', lockProfile: true });
    expect(await readPolicySnapshot()).toEqual({ defaultProfileId: 'medicaid', lockProfile: true });
    expect(setValue).toHaveBeenCalledTimes(1);
    await refreshPolicySnapshot();
    expect(setValue).toHaveBeenCalledTimes(1);

    await fakeBrowser.storage.managed.clear();
    await refreshPolicySnapshot();
    expect(await readPolicySnapshot()).toEqual({});
    expect(setValue).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['a string', 'policy'],
    ['a list', [1, 2]],
    ['null', null],
  ])('stored as %s reads as no policy', async (_name, value) => {
    await fakeBrowser.storage.local.set({ policySnapshot: value });
    expect(await readPolicySnapshot()).toEqual({});
  });

  it('keeps the valid keys of a partly corrupted snapshot', async () => {
    await fakeBrowser.storage.local.set({ policySnapshot: { lockProfile: true, defaultProfileId: 7 } });
    expect(await readPolicySnapshot()).toEqual({ lockProfile: true });
  });

  it('compares policies key by key', () => {
    expect(samePolicy({}, {})).toBe(true);
    expect(samePolicy({ lockProfile: true }, { lockProfile: true })).toBe(true);
    expect(samePolicy({ lockProfile: true }, {})).toBe(false);
    expect(samePolicy({ sites: ['a'] }, { sites: ['b'] })).toBe(false);
  });
});

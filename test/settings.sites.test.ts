import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disableSite, enableSite, enabledSites, reconcileSites } from '../settings/sites';

/** fakeBrowser has no permissions/scripting: a small in-memory stand-in that records calls. */
function stubBrowser(grant: boolean) {
  const granted = new Set<string>();
  const scripts = new Map<string, { id: string; matches: string[]; js: string[] }>();
  Object.assign(fakeBrowser, {
    permissions: {
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        if (grant) origins.forEach((origin) => granted.add(origin));
        return grant;
      }),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.delete(origin))),
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin))),
    },
    scripting: {
      registerContentScripts: vi.fn(async (list: { id: string; matches: string[]; js: string[] }[]) => list.forEach((s) => scripts.set(s.id, s))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => scripts.delete(id))),
      updateContentScripts: vi.fn(async (list: { id: string }[]) => list.forEach((s) => scripts.set(s.id, { ...scripts.get(s.id)!, ...s }))),
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
        [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      ),
    },
  });
  return { granted, scripts };
}

describe('enabling a portal', () => {
  it('asks for that one origin, registers the content script for it, and remembers it', async () => {
    const { granted, scripts } = stubBrowser(true);
    expect(await enableSite('https://portal.example.com/*')).toBe(true);
    expect([...granted]).toEqual(['https://portal.example.com/*']);
    expect([...scripts.values()]).toEqual([
      expect.objectContaining({
        matches: ['https://portal.example.com/*'],
        js: ['content-scripts/claim.js'],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: 'document_start',
      }),
    ]);
    expect(await enabledSites()).toEqual(['https://portal.example.com/*']);
  });

  it('brings a registration made by an earlier version (document_idle, no about:blank frames) up to date', async () => {
    const { granted, scripts } = stubBrowser(true);
    granted.add('https://portal.example.com/*');
    const id = 'claimguide:https://portal.example.com/*';
    scripts.set(id, { id, matches: ['https://portal.example.com/*'], js: ['content-scripts/claim.js'], allFrames: true, runAt: 'document_idle' } as never);
    await reconcileSites(['https://portal.example.com/*']);
    expect(scripts.get(id)).toMatchObject({ runAt: 'document_start', matchOriginAsFallback: true, allFrames: true });
    expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('changes nothing when the coder declines the permission', async () => {
    const { scripts } = stubBrowser(false);
    expect(await enableSite('https://portal.example.com/*')).toBe(false);
    expect(scripts.size).toBe(0);
    expect(await enabledSites()).toEqual([]);
  });

  it('disabling revokes the permission and unregisters the script', async () => {
    const { granted, scripts } = stubBrowser(true);
    await enableSite('https://portal.example.com/*');
    await disableSite('https://portal.example.com/*');
    expect(granted.size).toBe(0);
    expect(scripts.size).toBe(0);
    expect(await enabledSites()).toEqual([]);
  });

  it('on start-up, drops registrations whose permission was revoked elsewhere', async () => {
    const { granted, scripts } = stubBrowser(true);
    await enableSite('https://a.example.com/*');
    granted.clear(); // revoked from the browser's own settings
    scripts.clear();
    await reconcileSites();
    expect(scripts.size).toBe(0);
  });
});

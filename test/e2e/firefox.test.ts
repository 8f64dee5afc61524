import { expect } from 'vitest';
import { cpt, mod } from './cms1500';
import { EXTENSION_UUID, launchFirefox, SIDEBAR_ID, TOOLBAR_BUTTON_ID, type FirefoxSession } from './firefox';

/**
 * The Firefox build (`npm run build:firefox`) in Debian's Firefox ESR, installed as a temporary
 * add-on and driven through Marionette: the content script and the injected engine on the demo
 * portal, the real sidebar (read and pressed through its accessibility tree, as a screen reader
 * would) following the portal tab, the error count on the toolbar button, and a payer profile
 * chosen in the popup page re-evaluating the claim (storage in Firefox's background page).
 */
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});
afterEach((context) => {
  // What Firefox printed (extension errors included) explains a failure here better than a timeout.
  if (context.task.result?.state === 'fail') console.log(firefox.output().slice(-4000));
});

const attribute = (selector: string, name: string) => firefox.attribute(selector, name);

/** The sidebar's accessible names joined, once they include `text` (or whatever they are after the wait). */
async function sidebarOnce(text: string): Promise<string> {
  let names = '';
  await expect.poll(async () => (names = (await firefox.sidebarNames()).join(' | ')).includes(text), { timeout: 15_000 }).toBe(true);
  return names;
}

describe('Firefox ESR', () => {
  it('marks the demo claim: the content script loads the engine into the frame, which evaluates the lines', async () => {
    await firefox.navigate(`${firefox.portal}/cms1500.html#example`);
    await expect.poll(() => attribute(cpt(0), 'data-claimguide-severity'), { timeout: 15_000 }).toBe('error');
    expect((await attribute(cpt(0), 'data-claimguide-rules'))?.split(' ')).toContain('srs/modifier-26-technical-only');
    expect(await attribute(cpt(1), 'data-claimguide-severity')).toBe('ok');
    expect(await attribute('[name="line[0][mod1]"]', 'data-claimguide-role')).toBe('modifier');
    // Our UI is one shadow host appended to <html>, as in Chromium.
    expect(await firefox.run('content', 'return document.querySelectorAll("claimguide-layer[data-claimguide-ui]").length')).toBe(1);
  });

  it('shows the side panel as the Firefox sidebar, following the portal tab: lines, descriptors, findings', async () => {
    // Opened as the coder would from View › Sidebar (Firefox also opens it when the add-on is installed).
    await firefox.run('chrome', 'return Services.wm.getMostRecentWindow("navigator:browser").SidebarController.show(arguments[0])', [SIDEBAR_ID]);
    const sidebar = await firefox.run<{ id: string; url: string }>('chrome', `
      const { SidebarController } = Services.wm.getMostRecentWindow('navigator:browser');
      const inner = SidebarController.browser.contentDocument?.getElementById('webext-panels-browser');
      return { id: SidebarController.currentID, url: inner?.currentURI?.spec ?? '' };`);
    expect(sidebar).toEqual({ id: SIDEBAR_ID, url: `moz-extension://${EXTENSION_UUID}/sidepanel.html` });

    const names = await sidebarOnce('Modifier 26 is not valid on 77371');
    expect(names).toContain('Professional (CMS-1500) claim');
    expect(names).toContain('77371');
    expect(names).toContain('multi-source cobalt-60');
    expect(names).toContain('77432');
    // Firefox's sidebar is narrow (about 250 px): every column of the lines table is in view.
    expect(await firefox.sidebarHeaderOverflow()).toBeLessThanOrEqual(0);
  });

  it('a finding pressed in the sidebar focuses its line\'s field in the portal', async () => {
    expect(await firefox.pressInSidebar('Modifier 26 is not valid on 77371')).toBe(true);
    await expect.poll(() => firefox.run('content', 'return document.activeElement?.getAttribute("name") ?? null')).toBe('line[0][cpt]');
  });

  it('a payer profile chosen in the popup re-evaluates the open claim', async () => {
    const portalTab = await firefox.currentHandle();
    // 77372 with TC: an error for Medicare physician billing, a warning under Commercial.
    await firefox.type(cpt(2), '77372');
    await firefox.type(mod(2, 1), 'TC');
    await expect.poll(() => attribute(cpt(2), 'data-claimguide-severity')).toBe('error');
    await firefox.openExtensionTab(`popup.html?tabId=${await firefox.selectedTabId()}`);
    await firefox.selectTab(1);
    await expect.poll(() => firefox.run('content', 'return document.querySelector(\'input[name="profile"]:checked\')?.value ?? null')).toBe('medicare-physician');
    await firefox.click('input[name="profile"][value="commercial"]');
    await firefox.switchTo(portalTab);
    await firefox.selectTab(0);
    await expect.poll(() => attribute(cpt(2), 'data-claimguide-severity')).toBe('warning');
  });

  it('detects and evaluates a claim in a same-origin, a srcdoc and a cross-origin frame', async () => {
    await firefox.navigate(`${firefox.portal}/frames.html`);
    const cases: Array<[frame: string, code: string, other: string, otherValue: string]> = [
      ['#same-origin', '[name="line[0][cpt]"]', '[name="line[0][mod1]"]', '26'],
      ['#srcdoc', '[name="cpt"]', '[name="units"]', '2'],
      ['#cross-origin', '[name="svc[0].hcpcs"]', '[name="svc[0].units"]', '3'],
    ];
    for (const [frame, code, other, otherValue] of cases) {
      await firefox.switchToFrame(frame);
      await firefox.type(code, code.includes('line[0]') ? '77371' : '77372');
      await firefox.type(other, otherValue);
      await expect.poll(() => attribute(code, 'data-claimguide-severity'), { timeout: 15_000 }).toBe('error');
      await firefox.switchToFrame(null);
    }
    await firefox.navigate(`${firefox.portal}/cms1500.html#example`);
    await expect.poll(() => attribute(cpt(0), 'data-claimguide-severity'), { timeout: 15_000 }).toBe('error');
  });

  it('counts the tab\'s errors on the toolbar button (browserAction in the Firefox build)', async () => {
    const badge = () =>
      firefox.run<string | null>('chrome', `
        const win = Services.wm.getMostRecentWindow('navigator:browser');
        const { CustomizableUI } = win;
        CustomizableUI.addWidgetToArea(arguments[0], CustomizableUI.AREA_NAVBAR); // out of the extensions menu, onto the toolbar
        return win.document.getElementById(arguments[0])?.querySelector('.webextension-browser-action')?.getAttribute('badge') ?? null;`, [TOOLBAR_BUTTON_ID]);
    await expect.poll(badge).toBe('1');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../../demo/server.mjs';
import { connectMarionette, type Marionette } from './marionette';

/** Debian's Firefox ESR (or FIREFOX_PATH); never a downloaded browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => existsSync(path)) ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_PATH = resolve('.output/firefox-mv2');
/** The add-on id in the Firefox manifest (wxt.config.ts). */
export const GECKO_ID = 'claimguide@claimguide.example';
/** Firefox gives each install a random moz-extension:// host; the tests fix it with a pref. */
export const EXTENSION_UUID = '5c1a7e3e-2f0b-4c55-9d1e-8a4f3b2c1d00';
/** Firefox's ids for an extension's sidebar and toolbar button: the add-on id made a widget id, plus a suffix. */
const WIDGET_ID = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
export const SIDEBAR_ID = `${WIDGET_ID}-sidebar-action`;
export const TOOLBAR_BUTTON_ID = `${WIDGET_ID}-browser-action`;

export function missingFirefoxPrerequisites(): string[] {
  const problems: string[] = [];
  if (!existsSync(FIREFOX_PATH)) problems.push(`Firefox not found at ${FIREFOX_PATH}. Install it with: apt-get install -y firefox-esr`);
  if (!existsSync(join(FIREFOX_EXTENSION_PATH, 'manifest.json'))) problems.push(`No Firefox build at ${FIREFOX_EXTENSION_PATH}. Run: npm run build:firefox`);
  return problems;
}

type Context = 'content' | 'chrome';

export interface FirefoxSession {
  /** Base URL of the demo portal. */
  portal: string;
  /** Navigates the current tab and waits for its load. */
  navigate(url: string): Promise<void>;
  /**
   * Runs a script (a function body; `arguments` holds `args`) in the current tab's page (in a
   * sandbox seeing the DOM through Xray wrappers; `window.wrappedJSObject` is the page's own), or
   * with `chrome` in the browser window itself (privileged: the sidebar, tabs, the add-on's
   * state). A returned promise is awaited.
   */
  run<T = unknown>(context: Context, script: string, args?: unknown[]): Promise<T>;
  /**
   * The open sidebar's page as a screen reader gets it: the names of its accessibility tree, in
   * order (the page runs in the add-on's own process; the browser holds its accessibility tree).
   */
  sidebarNames(): Promise<string[]>;
  /**
   * How far (px) the sidebar's widest column header reaches past the sidebar's right edge (0 or
   * less: all of them fit), from the accessibility tree's bounds.
   */
  sidebarHeaderOverflow(): Promise<number>;
  /** Presses the first button of the sidebar whose accessible name contains `name`, as assistive technology would; false when none. */
  pressInSidebar(name: string): Promise<boolean>;
  /** An attribute of the element `selector` finds in the current tab (null when absent, or no such element). */
  attribute(selector: string, name: string): Promise<string | null>;
  /** Clicks the element `selector` finds in the current tab, with real input events (WebDriver element click). */
  click(selector: string): Promise<void>;
  /** Types into the field `selector` finds in the current tab, key by key, after clearing it. */
  type(selector: string, text: string): Promise<void>;
  /** Makes the frame `selector` finds (in the current document) the one scripts and clicks go to; null: back to the top document. */
  switchToFrame(selector: string | null): Promise<void>;
  /** The add-on API's id (`tabs.Tab.id`) of the window's selected tab. */
  selectedTabId(): Promise<number>;
  /** Makes the tab at `index` the selected one in the window (a hidden tab does not render, and clicks need a visible one). */
  selectTab(index: number): Promise<void>;
  /** Opens one of the add-on's pages in a new tab (as the add-on itself would) and makes it the current tab. */
  openExtensionTab(path: string): Promise<string>;
  /** Makes another tab the current one (for `run('content')`), without focusing it. */
  switchTo(handle: string): Promise<void>;
  currentHandle(): Promise<string>;
  /** Everything Firefox printed (extension console messages included). */
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Starts headless Firefox ESR with the Firefox build installed as a temporary add-on (unless
 * `withAddon` is false: the same browser without ClaimGuide, to compare with), plus a demo portal server.
 */
export async function launchFirefox(options: { withAddon?: boolean } = {}): Promise<FirefoxSession> {
  const { server, url: portal } = await startDemoServer(0, '127.0.0.1', {});
  const profile = mkdtempSync(join(tmpdir(), 'claimguide-firefox-'));
  const port = await freePort();
  const prefs: Record<string, string | number | boolean> = {
    'marionette.port': port,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // Extension console messages on stdout, for a failing test's report.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    'browser.aboutwelcome.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    // Nothing to fetch on a closed network: Firefox's remote settings, experiments, add-on recommendations.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'app.normandy.enabled': false,
    'extensions.getAddons.cache.enabled': false,
  };
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(''));
  // Marionette sets its recommended preferences itself (no updates, telemetry or first-run pages).
  const firefox: ChildProcess = spawn(FIREFOX_PATH, ['--marionette', '--headless', '--remote-allow-system-access', '--no-remote', '--profile', profile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let printed = '';
  firefox.stdout?.on('data', (chunk) => (printed += chunk));
  firefox.stderr?.on('data', (chunk) => (printed += chunk));

  let marionette: Marionette | undefined;
  for (let waited = 0; !marionette; waited += 100) {
    try {
      marionette = await connectMarionette(port);
    } catch (error) {
      if (waited > 30_000 || firefox.exitCode !== null) throw new Error(`Firefox did not start Marionette on port ${port}: ${String(error)}\n${printed}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  const m = marionette;
  await m.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { pageLoadStrategy: 'normal' } } });
  // Element look-ups wait for the element (pages render after their scripts start).
  await m.send('WebDriver:SetTimeouts', { script: 20_000, implicit: 5_000 });
  if (options.withAddon !== false) await m.send('Addon:Install', { path: FIREFOX_EXTENSION_PATH, temporary: true });

  let context: Context = 'content';
  const use = async (next: Context) => {
    if (context === next) return;
    await m.send('Marionette:SetContext', { value: next });
    context = next;
  };
  const run = async <T>(where: Context, script: string, args: unknown[] = []) => {
    await use(where);
    // Page scripts run in a sandbox that sees the DOM through Xray wrappers (as Playwright's utility
    // world does): a page that patches its own prototypes cannot change what the tests read.
    const sandbox = where === 'content' ? { sandbox: 'claimguide-test' } : {};
    return (await m.send<{ value: T }>('WebDriver:ExecuteScript', { script, args, ...sandbox })).value;
  };
  const handles = async () => {
    await use('content');
    return m.send<string[]>('WebDriver:GetWindowHandles');
  };

  // Chrome-context helpers over the sidebar's accessibility tree (see sidebarNames).
  const SIDEBAR_TREE = `
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    const inner = win.SidebarController.browser.contentDocument?.getElementById('webext-panels-browser');
    const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
    const nodes = [];
    const walk = (node, depth) => {
      if (!node || depth > 80) return;
      nodes.push(node);
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child, depth + 1);
    };
    walk(inner && service.getAccessibleFor(inner), 0);
    const nameOf = (node) => { try { return node.name || ''; } catch { return ''; } };`;

  /** The WebDriver reference of the element `selector` finds in the current tab. */
  const element = async (selector: string) => {
    await use('content');
    const found = await m.send<{ value: Record<string, string> }>('WebDriver:FindElement', { using: 'css selector', value: selector });
    return Object.values(found.value)[0]!;
  };

  return {
    portal,
    attribute: (selector, name) =>
      run<string | null>('content', 'return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null', [selector, name]),
    async click(selector) {
      const id = await element(selector);
      await m.send('WebDriver:ElementClick', { id });
    },
    async type(selector, text) {
      const id = await element(selector);
      await m.send('WebDriver:ElementClear', { id });
      await m.send('WebDriver:ElementSendKeys', { id, text });
    },
    async switchToFrame(selector) {
      if (selector === null) {
        await use('content');
        await m.send('WebDriver:SwitchToFrame', {});
        return;
      }
      await m.send('WebDriver:SwitchToFrame', { element: await element(selector) });
    },
    selectedTabId: () =>
      run<number>('chrome', `
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        return ExtensionParent.apiManager.global.tabTracker.getId(Services.wm.getMostRecentWindow('navigator:browser').gBrowser.selectedTab);`),
    async selectTab(index) {
      await run('chrome', `const win = Services.wm.getMostRecentWindow('navigator:browser'); win.gBrowser.selectedTab = win.gBrowser.tabs[arguments[0]];`, [index]);
    },
    sidebarNames: () => run<string[]>('chrome', `${SIDEBAR_TREE} return nodes.map(nameOf).filter(Boolean);`),
    sidebarHeaderOverflow: () =>
      run<number>('chrome', `${SIDEBAR_TREE}
        const right = (node) => { const x = {}, y = {}, w = {}, h = {}; node.getBounds(x, y, w, h); return x.value + w.value; };
        const doc = nodes.find((node) => service.getStringRole(node.role) === 'document');
        const headers = nodes.filter((node) => service.getStringRole(node.role) === 'columnheader');
        if (!doc || !headers.length) return Infinity;
        return Math.max(...headers.map(right)) - right(doc);`),
    pressInSidebar: (name) =>
      run<boolean>('chrome', `${SIDEBAR_TREE}
        const button = nodes.find((node) => service.getStringRole(node.role) === 'pushbutton' && nameOf(node).includes(arguments[0]));
        if (!button) return false;
        button.doAction(0);
        return true;`, [name]),
    async navigate(url) {
      await use('content');
      await m.send('WebDriver:Navigate', { url });
    },
    run,
    async openExtensionTab(path) {
      const before = await handles();
      // A tab opened by privileged code, as the add-on's own tabs.create would: a session may not navigate to moz-extension:.
      await run('chrome', `
        const win = Services.wm.getMostRecentWindow('navigator:browser');
        win.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
        [`moz-extension://${EXTENSION_UUID}/${path}`]);
      let handle: string | undefined;
      for (let waited = 0; !handle && waited < 10_000; waited += 100) {
        handle = (await handles()).find((h) => !before.includes(h));
        if (!handle) await new Promise((done) => setTimeout(done, 100));
      }
      if (!handle) throw new Error(`no tab opened for ${path}`);
      await m.send('WebDriver:SwitchToWindow', { handle, focus: false });
      return handle;
    },
    async switchTo(handle) {
      await use('content');
      await m.send('WebDriver:SwitchToWindow', { handle, focus: false });
    },
    async currentHandle() {
      await use('content');
      return (await m.send<{ value: string }>('WebDriver:GetWindowHandle')).value;
    },
    output: () => printed,
    async close() {
      try {
        await m.send('Marionette:Quit', { flags: ['eForceQuit'] });
      } catch {
        // already gone
      }
      m.close();
      if (firefox.exitCode === null) {
        await new Promise<void>((done) => {
          const kill = setTimeout(() => firefox.kill('SIGKILL'), 5_000);
          firefox.once('exit', () => {
            clearTimeout(kill);
            done();
          });
        });
      }
      await new Promise((done) => server.close(done));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

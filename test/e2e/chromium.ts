import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { PORTAL_FIXTURE_DIR } from '../fixtures/portals';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_PATH = resolve('.output/chrome-mv3');

export function missingPrerequisites(): string[] {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) {
    problems.push(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
    problems.push(`No extension build at ${EXTENSION_PATH}. Run: npm run build`);
  }
  return problems;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Base URL of the demo portal, e.g. http://127.0.0.1:41234 */
  portal: string;
  /** Opens a demo-portal page and waits until the content script has marked its fields. */
  openPortal(path: string): Promise<Page>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches headless Chromium with the built extension loaded, plus a fresh demo portal server. */
export interface LaunchOptions {
  extraArgs?: string[];
  /** Another copy of the build (its own extension id), e.g. one an enterprise policy targets. */
  extensionPath?: string;
  /** Extra environment for the browser, e.g. { LANGUAGE: 'es' } with --lang=es for a Spanish UI. */
  env?: Record<string, string>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  const { server, url: portal } = await startDemoServer(0, '127.0.0.1', { mounts: { '/fixtures/': PORTAL_FIXTURE_DIR } });
  const profileDir = mkdtempSync(join(tmpdir(), 'claimguide-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // the new headless mode below is the one that loads extensions
    viewport: { width: 1280, height: 800 },
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    worker,
    extensionId,
    portal,
    async openPortal(path) {
      const page = await context.newPage();
      await page.goto(`${portal}${path}`);
      await page.locator('[data-claimguide-role="cpt"]').first().waitFor({ state: 'attached', timeout: 10_000 });
      return page;
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await new Promise((done) => server.close(done));
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The browser tab id of a page, as the extension sees it (from the service worker). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.worker.evaluate(async (pageUrl) => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** One extension session per test file: launched before its tests, closed after them. */
export function useExtensionSession(options?: LaunchOptions | (() => LaunchOptions)): () => ExtensionSession {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchWithExtension(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('The extension session has not started');
    return session;
  };
}

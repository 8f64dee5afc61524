import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { launchWithExtension, type ExtensionSession } from './chromium';

/**
 * Privacy, proven in the real browser: a whole session on the demo portal with recognisable fake
 * patient data, then every network request the browser made (Chromium's own net log), every
 * storage area and every console message of every extension context are checked.
 */
const FAKE_PATIENT = {
  name: 'Quillon Zebedee Marchbanks',
  memberId: 'QZM558213907',
  dob: '07/19/1948',
  zip: '90210-4321',
  dx: 'C79.31',
};

let session: ExtensionSession;
let netLog: string;
const consoleLines: string[] = [];
const pageRequests: string[] = [];
let storage: unknown;

beforeAll(async () => {
  netLog = join(mkdtempSync(join(tmpdir(), 'claimguide-netlog-')), 'net.json');
  session = await launchWithExtension({ extraArgs: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'] });
  session.worker.on('console', (message) => consoleLines.push(`[worker] ${message.text()}`));
  session.context.on('console', (message) => consoleLines.push(`[page] ${message.text()}`));
  session.context.on('request', (request) => pageRequests.push(request.url()));

  // A full session: type a claim with patient data, open the panel and popup, switch profile.
  const page = await session.openPortal('/cms1500.html');
  page.on('console', (message) => consoleLines.push(`[portal] ${message.text()}`));
  await page.fill('#patient-name', FAKE_PATIENT.name);
  await page.fill('#member-id', FAKE_PATIENT.memberId);
  await page.fill('#patient-dob', FAKE_PATIENT.dob);
  await page.fill('#patient-zip', FAKE_PATIENT.zip);
  await page.fill('#dx-a', FAKE_PATIENT.dx);
  await page.fill('[name="line[0][from]"]', '03/02/26');
  await page.fill('[name="line[0][cpt]"]', '77371');
  await page.fill('[name="line[0][mod1]"]', '26');
  await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity')).toBe('error');
  const panel = await session.extensionPage('sidepanel.html');
  await expect.poll(() => panel.locator('[data-rule-id]').count(), { timeout: 5000 }).toBeGreaterThan(0);
  const popup = await session.extensionPage('popup.html');
  await popup.locator('input[value="commercial"]').check();
  await popup.locator('input[value="medicare-physician"]').check();
  await page.fill('[name="line[0][mod1]"]', '');
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  await popup.close();
  await panel.close();
  await page.close();
  storage = await session.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> } }).chrome.storage;
    return { local: await api.local!.get(null), sync: await api.sync!.get(null), session: await api.session!.get(null) };
  });
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('privacy', () => {
  it('makes no network request outside the demo portal and the extension itself', async () => {
    await session.context.close(); // flushes the net log
    const log = readFileSync(netLog, 'utf8');
    const urls = [...log.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(0); // the log really recorded the session
    const portal = new URL(session.portal);
    const outside = [...new Set([...urls, ...pageRequests])].filter((url) => {
      if (/^(chrome-extension|chrome|data|blob|about):/.test(url)) return false;
      try {
        return new URL(url).host !== portal.host;
      } catch {
        return true;
      }
    });
    expect(outside).toEqual([]);
  });

  it('stores no patient data in any storage area and logs none to any console', async () => {
    expect(JSON.stringify(storage)).toContain('activeProfileId'); // the snapshot really read our settings
    const haystack = JSON.stringify(storage) + '\n' + consoleLines.join('\n');
    for (const value of Object.values(FAKE_PATIENT)) expect(haystack).not.toContain(value);
    expect(haystack).not.toContain('Quillon');
  });
});

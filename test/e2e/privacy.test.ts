import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CANARY, FAKE_PATIENT } from './fake-patient';
import { launchWithExtension, type ExtensionSession } from './chromium';

/**
 * Privacy, proven in the real browser: a whole session on the demo portal with recognisable fake
 * patient data, then every network request the browser made (Chromium's own net log), every
 * storage area and every console message of every extension context are checked.
 */

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
  await page.waitForSelector('[name="line[0][cpt]"][data-claimguide-severity="error"]', { state: 'attached' });
  const panel = await session.extensionPage('sidepanel.html');
  await panel.locator('[data-rule-id]').first().waitFor({ timeout: 5000 });
  const popup = await session.extensionPage('popup.html');
  await popup.locator('input[value="commercial"]').check();
  await popup.locator('input[value="medicare-physician"]').check();
  await page.fill('[name="line[0][mod1]"]', '');
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  // A deliberate request from an extension page: the detector below must catch it (and only it).
  await popup.evaluate((url) => void fetch(url).catch(() => {}), CANARY);
  await popup.evaluate(() => new Promise((done) => setTimeout(done, 300)));
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
  it('makes no network request outside the demo portal, from the extension or the page it runs in', async () => {
    await session.context.close(); // flushes the net log
    const log = JSON.parse(readFileSync(netLog, 'utf8')) as NetLog;
    const requests = startedRequests(log);
    expect(requests.some((request) => request.url.startsWith(session.portal))).toBe(true); // the log really recorded the session
    const portalHost = new URL(session.portal).host;
    const extensionOrigin = `chrome-extension://${session.extensionId}`;
    // Requests the extension or the portal page started (Chromium's own housekeeping has no initiator origin).
    const ours = requests.filter((request) => request.initiator === extensionOrigin || request.initiator === session.portal);
    const outside = ours.filter((request) => !/^(chrome-extension|data|blob):/.test(request.url) && new URL(request.url).host !== portalHost);
    expect(outside.map((request) => request.url)).toEqual([CANARY]);
    // And nothing the pages themselves requested left the portal or the extension.
    const pageOutside = pageRequests.filter((url) => !/^(chrome-extension|data|blob|about):/.test(url) && new URL(url).host !== portalHost);
    expect(pageOutside).toEqual([CANARY]);
  });

  it('stores no patient data in any storage area and logs none to any console', async () => {
    expect(JSON.stringify(storage)).toContain('activeProfileId'); // the snapshot really read our settings
    const haystack = JSON.stringify(storage) + '\n' + consoleLines.join('\n');
    for (const value of Object.values(FAKE_PATIENT)) expect(haystack).not.toContain(value);
    expect(haystack).not.toContain('Quillon');
  });
});

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

/** Every URL request Chromium started, with the origin that initiated it. */
function startedRequests(log: NetLog): { url: string; initiator: string }[] {
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((event) => event.type === start && event.params?.url)
    .map((event) => ({ url: event.params!.url!, initiator: event.params!.initiator ?? '' }));
}

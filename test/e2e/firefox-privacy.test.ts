import { expect } from 'vitest';
import { CANARY, FAKE_PATIENT } from './fake-patient';
import { cpt, mod } from './cms1500';
import { GECKO_ID, launchFirefox, type FirefoxSession } from './firefox';

/**
 * Privacy in Firefox ESR (test/e2e/privacy.test.ts proves it in Chromium): a session on the demo
 * portal with recognisable fake patient data, while the browser itself records every HTTP request
 * and who started it; then every storage area of the add-on and everything Firefox printed
 * (the add-on's console messages included) are checked.
 */

interface SeenRequest {
  url: string;
  /** The add-on whose code started it ('' for none). */
  addonId: string;
  /** Who started it: the page's or the add-on's origin, both for a content script ('' for Firefox itself). */
  origin: string;
}

let firefox: FirefoxSession;
let requests: SeenRequest[];
let storage: string;

beforeAll(async () => {
  firefox = await launchFirefox();
  // Every HTTP request from now on, as the network layer sees it, with its triggering principal.
  await firefox.run('chrome', `
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    win.claimguideRequests = [];
    win.claimguideObserver = {
      observe(subject) {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        const principal = channel.loadInfo?.triggeringPrincipal;
        // A content script's own fetch carries an expanded principal: the page's and the add-on's.
        const origin = !principal || principal.isSystemPrincipal ? ''
          : principal.isExpandedPrincipal ? principal.allowlist.map((p) => p.origin).join(' ')
          : principal.origin;
        win.claimguideRequests.push({ url: channel.URI.spec, addonId: principal?.addonId ?? '', origin });
      },
    };
    Services.obs.addObserver(win.claimguideObserver, 'http-on-modify-request');`);

  // A whole session: a claim with patient data, the popup's profile switch, a finding cleared.
  await firefox.navigate(`${firefox.portal}/cms1500.html`);
  const portalTab = await firefox.currentHandle();
  for (const [selector, value] of [
    ['#patient-name', FAKE_PATIENT.name],
    ['#member-id', FAKE_PATIENT.memberId],
    ['#patient-dob', FAKE_PATIENT.dob],
    ['#patient-zip', FAKE_PATIENT.zip],
    ['#dx-a', FAKE_PATIENT.dx],
    ['[name="line[0][from]"]', '03/02/26'],
    [cpt(0), '77371'],
    [mod(0, 1), '26'],
  ] as const) {
    await firefox.type(selector, value);
  }
  await firefox.run('content', `
    return new Promise((done, fail) => {
      const started = Date.now();
      const check = () => document.querySelector(arguments[0]).getAttribute('data-claimguide-severity') === 'error' ? done()
        : Date.now() - started > 15000 ? fail(new Error('the claim was not evaluated')) : setTimeout(check, 100);
      check();
    });`, [cpt(0)]);
  await firefox.openExtensionTab(`popup.html?tabId=${await firefox.selectedTabId()}`);
  await firefox.selectTab(1);
  await firefox.click('input[name="profile"][value="commercial"]');
  await firefox.click('input[name="profile"][value="medicare-physician"]');
  // A deliberate request from an extension page: the recorder must catch it (and only it).
  await firefox.run('content', 'fetch(arguments[0]).catch(() => {}); return new Promise((done) => setTimeout(done, 300))', [CANARY]);
  storage = await firefox.run<string>('content', `
    const areas = window.wrappedJSObject.browser.storage;
    return Promise.all([areas.local.get(null), areas.sync.get(null), areas.session.get(null)]).then((all) => JSON.stringify(all));`);
  await firefox.switchTo(portalTab);
  await firefox.selectTab(0);
  await firefox.type(mod(0, 1), '');
  await firefox.run('content', 'return new Promise((done) => setTimeout(done, 500))');
  requests = await firefox.run<SeenRequest[]>('chrome', `
    const win = Services.wm.getMostRecentWindow('navigator:browser');
    Services.obs.removeObserver(win.claimguideObserver, 'http-on-modify-request');
    return win.claimguideRequests;`);
}, 120_000);

afterAll(async () => {
  await firefox?.close();
});

describe('privacy in Firefox', () => {
  it('makes no network request from the add-on, and the portal page only to the portal', () => {
    const portalOrigin = new URL(firefox.portal).origin;
    expect(requests.some((request) => request.url.startsWith(firefox.portal))).toBe(true); // the recorder really saw the session
    const fromAddon = requests.filter((request) => request.addonId === GECKO_ID || request.origin.includes('moz-extension:'));
    expect(fromAddon.map((request) => request.url)).toEqual([CANARY]);
    const fromPortal = requests.filter((request) => request.origin === portalOrigin);
    expect(fromPortal.filter((request) => new URL(request.url).origin !== portalOrigin)).toEqual([]);
  });

  it('stores no patient data in any storage area and prints none to any console', () => {
    expect(storage).toContain('activeProfileId'); // the snapshot really read our settings
    const haystack = `${storage}\n${firefox.output()}`;
    for (const value of Object.values(FAKE_PATIENT)) expect(haystack).not.toContain(value);
    expect(haystack).not.toContain('Quillon');
  });
});

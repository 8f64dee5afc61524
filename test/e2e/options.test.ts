import { expect } from 'vitest';
import { tabIdOf, useExtensionSession, type ExtensionSession } from './chromium';
import { cpt, mod } from './cms1500';

/**
 * Payer profiles on the options page in real Chromium: a malformed import is rejected whole,
 * and a custom profile made from a built-in changes a finding's severity on the demo portal.
 *
 * Not covered here: a managed-policy profile shown locked. Chromium reads a third-party
 * extension's policy only from /etc/chromium/policies/managed (root-owned, machine-wide), which
 * a test must not write; test/components/options-policy.test.tsx covers it with storage.managed.
 */
const extension = useExtensionSession();

/** chrome.storage.local as the extension sees it, read from its service worker. */
const storedProfiles = (session: ExtensionSession) =>
  session.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('customProfiles')).customProfiles ?? null;
  });

describe('payer profiles on the options page', () => {
  it('rejects a malformed profile file with the path, line and reason of each problem, changing nothing stored', async () => {
    const options = await extension().extensionPage('options.html');
    const input = options.locator('input[type="file"][data-import="profiles"]');
    await input.setInputFiles({
      name: 'acme.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ id: 'acme', name: { en: 'Acme Health', es: 'Acme Salud' } })),
    });
    await options.locator('[data-profile="acme"]').waitFor();
    await expect.poll(() => storedProfiles(extension())).toHaveLength(1);
    const before = await storedProfiles(extension());

    const malformed = [
      '{',
      '  "id": "beta",',
      '  "name": { "en": "Beta" },',
      '  "rules": { "srs/modifier-26-technical-only": "loud", "srs/no-such-rule": "off" }',
      '}',
    ].join('\n');
    await input.setInputFiles({ name: 'beta.json', mimeType: 'application/json', buffer: Buffer.from(malformed) });
    const problems = options.locator('section[aria-labelledby="profiles-title"] [role="alert"]');
    await problems.waitFor();
    const text = await problems.innerText();
    expect(text).toContain('Line 3:');
    expect(text).toContain('name.es');
    expect(text).toContain('Line 4:');
    expect(text).toContain('rules["srs/modifier-26-technical-only"]');
    expect(text).toContain('“loud” is not a severity: use off, info, warning or error.');
    expect(text).toContain('No rule has the id “srs/no-such-rule”');
    expect(await options.getByText('beta.json was not imported: nothing was changed.').count()).toBe(1);
    expect(await options.locator('[data-profile="beta"]').count()).toBe(0);
    expect(await storedProfiles(extension())).toEqual(before);
    await options.close();
  });

  it('a custom profile from Commercial with 26-on-technical-only as a warning changes the portal finding', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');

    const options = await extension().extensionPage('options.html');
    await options.getByRole('button', { name: 'New custom profile' }).click();
    const form = options.getByRole('form', { name: 'New custom profile' });
    await form.getByLabel('Based on').selectOption('commercial');
    await form.getByLabel('Id', { exact: true }).fill('commercial-tc26');
    await form.getByLabel('Name in English').fill('Commercial, 26 tolerated');
    await form.getByLabel('Setting for srs/modifier-26-technical-only').selectOption('warning');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await options.locator('[data-profile="commercial-tc26"]').waitFor();
    const stored = (await storedProfiles(extension())) as { id: string; rules: Record<string, string> }[];
    const saved = stored.find((profile) => profile.id === 'commercial-tc26');
    expect(saved).toMatchObject({ id: 'commercial-tc26', rules: { 'srs/modifier-26-technical-only': 'warning' } });

    const popup = await extension().extensionPage(`popup.html?tabId=${await tabIdOf(extension(), page)}`);
    const radio = popup.locator('input[name="profile"][value="commercial-tc26"]');
    await radio.waitFor();
    // Custom profiles (acme was imported by the test above) come after the four built-ins.
    expect(await popup.locator('input[name="profile"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([
      'medicare-physician',
      'medicare-outpatient',
      'medicaid',
      'commercial',
      'acme',
      'commercial-tc26',
    ]);
    await radio.check();
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('warning');
    expect((await page.getAttribute(cpt(0), 'data-claimguide-rules'))?.split(' ')).toContain('srs/modifier-26-technical-only');

    // Deleting the active custom profile re-evaluates the claim under the default profile.
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByRole('button', { name: 'Delete Commercial, 26 tolerated' }).click();
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');
    await popup.close();
    await options.close();
    await page.close();
  });
});

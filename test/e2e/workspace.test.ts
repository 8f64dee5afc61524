import { expect } from 'vitest';
import { tabIdOf, useExtensionSession } from './chromium';
import { cpt, mod } from './cms1500';

/** The coder's workspace in real Chromium: popup profile switch and pause, side panel checklist. */
const extension = useExtensionSession();


describe('popup', () => {
  it('switching the payer profile re-evaluates the open claim at once', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77372');
    await page.fill(mod(0, 1), 'TC');
    await page.fill(cpt(1), '77372');
    await page.fill(mod(1, 1), '59');
    await page.fill('[name="line[1][from]"]', '03/03/26');
    await page.fill('[name="line[0][from]"]', '03/02/26');
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');
    expect((await page.getAttribute(cpt(1), 'data-claimguide-rules'))?.split(' ')).toContain('srs/modifier-59-prefer-x');

    const popup = await extension().extensionPage(`popup.html?tabId=${await tabIdOf(extension(), page)}`);
    expect(await popup.locator('input[name="profile"]:checked').getAttribute('value')).toBe('medicare-physician');
    await popup.locator('input[value="commercial"]').check();
    // TC is tolerated (a warning) and 59 is not steered to X modifiers under Commercial.
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('warning');
    await expect.poll(async () => (await page.getAttribute(cpt(1), 'data-claimguide-rules'))?.split(' ')).not.toContain('srs/modifier-59-prefer-x');
    await popup.locator('input[value="medicare-physician"]').check();
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');
    await popup.close();
    await page.close();
  });

  it('pauses ClaimGuide on the site: no attributes and no markers until resumed', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');
    const popup = await extension().extensionPage(`popup.html?tabId=${await tabIdOf(extension(), page)}`);
    await expect.poll(() => popup.locator('[data-site-status]').getAttribute('data-site-status')).toBe('enabled');
    await popup.getByRole('button', { name: 'Pause on this site' }).click();
    await expect.poll(() => page.locator('[data-claimguide-role]').count()).toBe(0);
    // Markers are redrawn on the next animation frame, which a loaded machine may not have run yet.
    await expect.poll(() => page.locator('[data-claimguide-marker]').count()).toBe(0);
    // Typing while paused marks nothing.
    await page.fill(cpt(1), '77372');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    expect(await page.locator('[data-claimguide-role]').count()).toBe(0);

    await popup.getByRole('button', { name: 'Resume on this site' }).click();
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');
    await popup.close();
    await page.close();
  });
});

describe('toolbar', () => {
  it('badges the open error count on a claim tab, and clears it when the errors are fixed', async () => {
    const page = await extension().openPortal('/cms1500.html');
    const tabId = await tabIdOf(extension(), page);
    const badge = () =>
      extension().worker.evaluate(async (id) => {
        const api = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome;
        return api.action.getBadgeText({ tabId: id });
      }, tabId);
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await expect.poll(badge).toBe('1');
    await page.fill(cpt(1), '77372');
    await page.fill(mod(1, 1), '26');
    await expect.poll(badge).not.toBe('1');
    const errors = Number(await badge());
    expect(errors).toBeGreaterThan(1);
    await page.fill(mod(0, 1), '');
    await page.fill(mod(1, 1), '');
    await page.fill(cpt(1), '');
    await expect.poll(badge).toBe('');
    await page.close();
  });

  it('the popup opens the options page', async () => {
    const page = await extension().openPortal('/cms1500.html');
    const popup = await extension().extensionPage(`popup.html?tabId=${await tabIdOf(extension(), page)}`);
    const opened = extension().context.waitForEvent('page', (candidate) => candidate.url().endsWith('/options.html'));
    await popup.getByRole('button', { name: 'Options' }).click();
    const options = await opened;
    await options.getByRole('heading', { name: 'ClaimGuide options' }).waitFor();
    await options.close();
    await page.close();
  });
});

describe('side panel', () => {
  it('keeps checklist ticks across a panel reload, and forgets them when the tab closes', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77372');
    const tabId = await tabIdOf(extension(), page);
    const panel = await extension().extensionPage(`sidepanel.html?tabId=${tabId}`);
    const firstItem = panel.locator('[data-checklist="77372"] input[type="checkbox"]').first();
    await firstItem.waitFor();
    await firstItem.check();
    await panel.reload();
    await expect.poll(() => panel.locator('[data-checklist="77372"] input[type="checkbox"]').first().isChecked()).toBe(true);

    const stored = () =>
      extension().worker.evaluate(async (key) => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        return (await api.storage.session.get(key))[key] ?? null;
      }, `checklist:${tabId}`);
    const ticks = (await stored()) as Record<string, string[]>;
    expect(Object.keys(ticks)).toEqual(['77372']); // keyed by code and item id only
    await page.close();
    await expect.poll(stored).toBeNull();
    await panel.close();
  });

  it('focuses the field when a finding is clicked', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(2), '77371');
    await page.fill(mod(2, 1), '26');
    await page.focus('#patient-name');
    const panel = await extension().extensionPage(`sidepanel.html?tabId=${await tabIdOf(extension(), page)}`);
    const finding = panel.locator('[data-rule-id="srs/modifier-26-technical-only"] button').first();
    await finding.waitFor();
    await finding.click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('line[2][cpt]');
    await panel.close();
    await page.close();
  });
});

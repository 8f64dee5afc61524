import { expect } from 'vitest';
import { useExtensionSession } from './chromium';
import { cpt, mod, units } from './cms1500';

/** The walking skeleton, through the real extension in real Chromium on the demo portal. */
const extension = useExtensionSession();


describe('CMS-1500 demo page in Chromium with the extension loaded', () => {
  it('marks the detected claim fields with the testing contract', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-role')).toBe('cpt');
    expect(await page.getAttribute(cpt(2), 'data-claimguide-line')).toBe('2');
    expect(await page.getAttribute(mod(0, 1), 'data-claimguide-role')).toBe('modifier');
    expect(await page.getAttribute(units(0), 'data-claimguide-role')).toBe('units');
    expect(await page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('ok');
    // Distractors stay unmarked.
    for (const selector of ['#patient-zip', '#claim-number', '#billing-npi', '#tax-id', '#member-id']) {
      expect(await page.getAttribute(selector, 'data-claimguide-role'), selector).toBeNull();
    }
    await page.close();
  });

  it('flags 77371 with modifier 26 as an error within a second, with a marker beside the field', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    const typedAt = Date.now();
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity'), { timeout: 1000, interval: 25 }).toBe('error');
    expect(Date.now() - typedAt).toBeLessThan(1000);
    expect((await page.getAttribute(cpt(0), 'data-claimguide-rules'))?.split(' ')).toContain('srs/modifier-26-technical-only');

    const marker = page.locator('[data-claimguide-marker="0:0"]');
    await expect.poll(() => marker.isVisible()).toBe(true);
    expect(await marker.getAttribute('data-severity')).toBe('error');
    const field = (await page.locator(cpt(0)).boundingBox())!;
    const badge = (await marker.boundingBox())!;
    // The marker sits on the field's right end, vertically within it.
    expect(badge.x).toBeGreaterThanOrEqual(field.x);
    expect(badge.x + badge.width).toBeLessThanOrEqual(field.x + field.width + 1);
    expect(badge.y).toBeGreaterThanOrEqual(field.y - 1);
    expect(badge.y + badge.height).toBeLessThanOrEqual(field.y + field.height + 1);

    // The marker is in our shadow root, not in the portal's table.
    expect(await page.locator('#service-lines [data-claimguide-marker]').count()).toBe(0);
    await page.close();
  });

  it('flags units above 1 on 77372 and clears when corrected', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(1), '77372');
    await page.fill(units(1), '2');
    await expect.poll(() => page.getAttribute(cpt(1), 'data-claimguide-severity'), { timeout: 1000 }).toBe('error');
    expect((await page.getAttribute(cpt(1), 'data-claimguide-rules'))?.split(' ')).toContain('srs/single-session-units');
    await page.fill(units(1), '1');
    await expect.poll(() => page.getAttribute(cpt(1), 'data-claimguide-severity'), { timeout: 1000 }).toBe('ok');
    await page.close();
  });

  it('lists the finding and the descriptor in the side panel page', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');

    const panel = await extension().extensionPage('sidepanel.html');
    const finding = panel.locator('[data-rule-id="srs/modifier-26-technical-only"]');
    await expect.poll(() => finding.count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await finding.first().getAttribute('data-severity')).toBe('error');
    const text = await panel.locator('main').innerText();
    expect(text).toContain('77371');
    expect(text).toMatch(/cobalt/i); // our plain-language descriptor of 77371
    await panel.close();
    await page.close();
  });

  it('shows the active payer profile in the popup', async () => {
    const popup = await extension().extensionPage('popup.html');
    const checked = popup.locator('input[name="profile"]:checked');
    await expect.poll(() => checked.count()).toBe(1);
    expect(await checked.getAttribute('value')).toBe('medicare-physician');
    await popup.close();
  });
});

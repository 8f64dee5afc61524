import { chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH, launchWithExtension, tabIdOf, useExtensionSession } from './chromium';
import { cpt, mod } from './cms1500';

/** Accessibility and quietness of the in-page layer, in real Chromium. */
const extension = useExtensionSession();


describe('in-page layer', () => {
  it('shows the meaning of a modifier when its field is hovered', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77372');
    await page.fill(mod(0, 1), '59');
    await page.hover(mod(0, 1));
    const tooltip = page.locator('[data-claimguide-tooltip="59"]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toContain('Modifier 59');
    await page.close();
  });

  it('sets no attribute on portal elements beyond the testing contract (no aria-invalid)', async () => {
    const attributes = async (page: Page) => {
      await page.fill(cpt(0), '77371');
      await page.fill(mod(0, 1), '26');
      await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
      return page.evaluate(() =>
        [...document.querySelectorAll('body *')].map((element) =>
          [...element.attributes].map((attribute) => attribute.name).filter((name) => !name.startsWith('data-claimguide-')).sort().join(' '),
        ),
      );
    };
    const withExtension = await extension().openPortal('/cms1500.html');
    const withAttributes = await attributes(withExtension);
    expect(await withExtension.locator('[aria-invalid]').count()).toBe(0);
    const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    const page = await plain.newPage();
    await page.goto(`${extension().portal}/cms1500.html`);
    expect(withAttributes).toEqual(await attributes(page));
    await plain.close();
    await withExtension.close();
  });

  it('follows a dark colour scheme', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await page.click('[data-claimguide-marker="0:0"]');
    const background = await page.getByRole('dialog').evaluate((card) => getComputedStyle(card).backgroundColor);
    expect(background).toBe('rgb(30, 34, 40)');
    await page.close();
  });
});

describe('Spanish', () => {
  it('shows the popup, the panel and the findings in Spanish when the browser is in Spanish', async () => {
    const spanish = await launchWithExtension({ extraArgs: ['--lang=es'] });
    try {
      const page = await spanish.openPortal('/cms1500.html');
      await page.fill(cpt(0), '77371');
      await page.fill(mod(0, 1), '26');
      await page.waitForSelector(`${cpt(0)}[data-claimguide-severity="error"]`, { state: 'attached' });
      const tabId = await tabIdOf(spanish, page);
      const popup = await spanish.extensionPage(`popup.html?tabId=${tabId}`);
      await expect.poll(() => popup.locator('main').innerText()).toContain('Perfil del pagador');
      const panel = await spanish.extensionPage(`sidepanel.html?tabId=${tabId}`);
      const finding = panel.locator('[data-rule-id="srs/modifier-26-technical-only"]');
      await finding.waitFor();
      expect(await finding.innerText()).toMatch(/modificador 26/i);
      expect(await panel.locator('main').innerText()).toContain('Hallazgos');
    } finally {
      await spanish.close();
    }
  });
});

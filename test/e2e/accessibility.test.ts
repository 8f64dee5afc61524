import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** The smallest computed font size of any visible text in a page, with where it is. */
async function smallestText(page: Page): Promise<{ size: number; where: string }> {
  return page.evaluate(() => {
    let smallest = { size: Infinity, where: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent?.trim() || !parent || !parent.checkVisibility({ visibilityProperty: true })) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < smallest.size) smallest = { size, where: `${parent.tagName.toLowerCase()}.${parent.className}: ${node.textContent.trim().slice(0, 40)}` };
    }
    return smallest;
  });
}

/** axe-core, injected through the DevTools protocol (extension pages' CSP refuses script tags). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

describe('extension pages', () => {
  it('have no axe violations: popup, side panel (a finding opened) and options, light and dark', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await page.waitForSelector(`${cpt(0)}[data-claimguide-severity="error"]`, { state: 'attached' });
    const tabId = await tabIdOf(extension(), page);
    const popup = await extension().extensionPage(`popup.html?tabId=${tabId}`);
    await popup.locator('input[name="profile"]:checked').waitFor();
    const panel = await extension().extensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.locator('[data-finding-toggle]').first().click();
    const options = await extension().extensionPage('options.html');
    await options.getByRole('button', { name: /^View rules/ }).first().click();
    await options.locator('[data-profile-rules]').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, view] of [['popup', popup], ['side panel', panel], ['options', options]] as const) {
        await view.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(view), `${name} (${scheme})`).toEqual([]);
      }
    }
    // The check itself finds what it should: an image without a text alternative.
    await options.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: '/icon/16.png' })));
    expect((await axeViolations(options)).join()).toContain('image-alt');
    for (const view of [popup, panel, options, page]) await view.close();
  });

  it('set every text at 13 px or more, despite the 75% Chromium gives extension pages, in light and dark', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await page.waitForSelector(`${cpt(0)}[data-claimguide-severity="error"]`, { state: 'attached' });
    const tabId = await tabIdOf(extension(), page);

    const popup = await extension().extensionPage(`popup.html?tabId=${tabId}`);
    await popup.locator('input[name="profile"]:checked').waitFor();
    const panel = await extension().extensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.locator('[data-rule-id]').first().waitFor();
    // Why and sources, opened: their text too.
    await panel.locator('[data-finding-toggle]').first().click();
    const options = await extension().extensionPage('options.html');
    await options.getByRole('button', { name: /^View rules/ }).first().click();
    await options.locator('[data-profile-rules]').waitFor();

    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, view] of [['popup', popup], ['side panel', panel], ['options', options]] as const) {
        await view.emulateMedia({ colorScheme: scheme });
        // Chromium's own rule is there: the scale has to win over it.
        expect(await view.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(15);
        const smallest = await smallestText(view);
        expect(smallest.size, `${name} (${scheme}): ${smallest.where}`).toBeGreaterThanOrEqual(13);
        expect(smallest.size, name).toBeLessThan(Infinity);
      }
    }
    for (const view of [popup, panel, options, page]) await view.close();
  });
});

describe('Spanish', () => {
  it('shows every extension page in the one language of the extension’s messages when the browser is in Spanish', async () => {
    const spanish = await launchWithExtension({ extraArgs: ['--lang=es'], env: { LANGUAGE: 'es' } });
    try {
      const page = await spanish.openPortal('/cms1500.html');
      await page.fill(cpt(0), '77371');
      await page.fill(mod(0, 1), '26');
      await page.waitForSelector(`${cpt(0)}[data-claimguide-severity="error"]`, { state: 'attached' });
      const tabId = await tabIdOf(spanish, page);

      const popup = await spanish.extensionPage(`popup.html?tabId=${tabId}`);
      await expect.poll(() => popup.locator('main').innerText()).toContain('Perfil del pagador');
      // Profile names follow the same language as the strings around them.
      expect(await popup.locator('main').innerText()).toContain('Medicare médico (MPFS, CMS-1500)');
      expect(await popup.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['es', 'ClaimGuide']);
      expect(await popup.getByRole('button', { name: 'Opciones' }).count()).toBe(1);

      const panel = await spanish.extensionPage(`sidepanel.html?tabId=${tabId}`);
      const finding = panel.locator('[data-rule-id="srs/modifier-26-technical-only"]');
      await finding.waitFor();
      expect(await finding.innerText()).toMatch(/modificador 26/i);
      const text = await panel.locator('main').innerText();
      expect(text).toContain('Hallazgos');
      expect(text).toMatch(/cobalto-60/); // the descriptor
      expect(text).toMatch(/volumen blanco/); // the checklist
      expect(text).toMatch(/acelerador lineal/); // related codes
      expect(await panel.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['es', 'Panel lateral de ClaimGuide']);

      const options = await spanish.extensionPage('options.html');
      await options.getByRole('button', { name: /^Ver reglas/ }).first().click();
      const rules = options.locator('[data-profile-rules]').first();
      await rules.waitFor();
      expect(await rules.locator('tr[data-rule="srs/modifier-26-technical-only"]').innerText()).toMatch(/código solo técnico/);
      expect(await options.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['es', 'Opciones de ClaimGuide']);
      // An import refused, its reasons in Spanish, with their lines.
      await options.locator('input[type="file"][data-import="profiles"]').setInputFiles({
        name: 'malo.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{\n  "id": "malo",\n  "name": {"en": "Bad", "es": "Malo"},\n  "rules": {"srs/duplicate-line": "fatal"}\n}'),
      });
      const problems = options.locator('section[aria-labelledby="profiles-title"] [role="alert"]');
      await problems.waitFor();
      expect(await problems.innerText()).toContain('“fatal” no es una gravedad: use off, info, warning o error.');
      expect(await problems.locator('li').getAttribute('data-problem-line')).toBe('4');
    } finally {
      await spanish.close();
    }
  });
});

import { chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH, useExtensionSession } from './chromium';
import { cpt, mod } from './cms1500';

/** In-page guidance in real Chromium: markers, card, Apply/Undo, hover lookups, layout. */
const extension = useExtensionSession();


async function typeSrsWith26(page: Page, line = 0): Promise<void> {
  await page.fill(cpt(line), '77371');
  await page.fill(mod(line, 1), '26');
  await expect.poll(() => page.getAttribute(cpt(line), 'data-claimguide-severity')).toBe('error');
}

async function markerOffset(page: Page, line: number) {
  const marker = page.locator(`[data-claimguide-marker="0:${line}"]`);
  await expect.poll(() => marker.isVisible()).toBe(true);
  // Let the per-frame redraw settle.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const field = (await page.locator(cpt(line)).boundingBox())!;
  const box = (await marker.boundingBox())!;
  return { dx: box.x - (field.x + field.width), dy: box.y + box.height / 2 - (field.y + field.height / 2) };
}

describe('inline markers', () => {
  it('stay aligned with their field after scrolling an inner container and resizing the window', async () => {
    const page = await extension().openPortal('/cms1500.html?lines=30&scroll');
    await typeSrsWith26(page, 3);
    const before = await markerOffset(page, 3);
    await page.evaluate(() => document.getElementById('lines-scroller')!.scrollBy(0, 40));
    const afterScroll = await markerOffset(page, 3);
    await page.setViewportSize({ width: 900, height: 700 });
    const afterResize = await markerOffset(page, 3);
    for (const after of [afterScroll, afterResize]) {
      expect(Math.abs(after.dx - before.dx)).toBeLessThanOrEqual(4);
      expect(Math.abs(after.dy - before.dy)).toBeLessThanOrEqual(4);
    }
    await page.close();
  });

  it('hide when their field scrolls out of the inner container, and come back', async () => {
    const page = await extension().openPortal('/cms1500.html?lines=30&scroll');
    await typeSrsWith26(page, 0);
    const marker = page.locator('[data-claimguide-marker="0:0"]');
    await expect.poll(() => marker.count()).toBe(1);
    await page.evaluate(() => document.getElementById('lines-scroller')!.scrollTo(0, 2000));
    await expect.poll(() => marker.count()).toBe(0);
    await page.evaluate(() => document.getElementById('lines-scroller')!.scrollTo(0, 0));
    await expect.poll(() => marker.count()).toBe(1);
    await page.close();
  });
});

describe('finding card', () => {
  it('opens by mouse, and Apply removes the modifier through the portal input listener; Undo restores it', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await typeSrsWith26(page);
    const inputEventsBefore = await page.evaluate(() => (window as unknown as { portalInputEvents: number }).portalInputEvents);
    await page.click('[data-claimguide-marker="0:0"]');
    const card = page.getByRole('dialog');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toMatch(/cobalt/i);
    await card.locator('[data-rule-id="srs/modifier-26-technical-only"] [data-claimguide-action="apply"]').click();
    expect(await page.inputValue(mod(0, 1))).toBe('');
    const inputEventsAfter = await page.evaluate(() => (window as unknown as { portalInputEvents: number }).portalInputEvents);
    expect(inputEventsAfter).toBeGreaterThan(inputEventsBefore);
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).not.toBe('error');

    await page.click('[data-claimguide-action="undo"]');
    expect(await page.inputValue(mod(0, 1))).toBe('26');
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');
    await page.close();
  });

  it('opens from the keyboard on the focused field (Alt+Shift+G) and closes with Escape, returning focus', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await typeSrsWith26(page);
    await page.focus(cpt(0));
    await page.keyboard.press('Alt+Shift+KeyG');
    const card = page.getByRole('dialog');
    await expect.poll(() => card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('line[0][cpt]');
    await page.close();
  });

  it('announces a new error on the line being edited in a polite live region', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.focus(mod(0, 1));
    await page.keyboard.type('26');
    const live = page.locator('[data-claimguide-live]');
    await expect.poll(() => live.innerText()).not.toBe('');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await page.close();
  });
});

describe('hover lookups', () => {
  it('show the descriptor when hovering a detected code field', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77372');
    await page.hover(cpt(0));
    const tooltip = page.locator('[data-claimguide-tooltip="77372"]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toMatch(/linear accelerator/i);
    await page.close();
  });

  it('show the descriptor of a code written in the page text, without changing the text', async () => {
    const page = await extension().openPortal('/cms1500.html');
    const cell = page.locator('#history td', { hasText: '77432' });
    const htmlBefore = await page.locator('#history').innerHTML();
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.boundingBox())!;
    await page.mouse.move(box.x + 8, box.y + box.height / 2);
    const tooltip = page.locator('[data-claimguide-tooltip="77432"]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await page.locator('#history').innerHTML()).toBe(htmlBefore);
    await page.close();
  });

  it('load the engine into a page without a claim only when a described code is hovered', async () => {
    const page = await extension().context.newPage();
    await page.goto(`${extension().portal}/remittance.html`);
    const layer = page.locator('[data-claimguide-ui]');
    // Text that merely contains a code (a ZIP+4) and plain numbers wake nothing.
    for (const text of ['12345', '77372-0001', '9800.00']) {
      const box = (await page.getByText(text).first().boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
    }
    await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
    expect(await layer.count()).toBe(0);
    const cell = page.locator('#remittance td', { hasText: /^77372$/ });
    const box = (await cell.boundingBox())!;
    await page.mouse.move(box.x + 8, box.y + box.height / 2);
    // Answered without a further move: the engine describes what the pointer already rests on.
    const tooltip = page.locator('[data-claimguide-tooltip="77372"]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await layer.count()).toBe(1);
    expect(await page.locator('[data-claimguide-role]').count()).toBe(0);
    await page.close();
  });
});

describe('the portal is untouched', () => {
  it('has the same layout (bounding boxes of its form elements) with and without the extension', async () => {
    const collect = async (page: Page) => {
      await page.fill(cpt(0), '77371');
      await page.fill(mod(0, 1), '26');
      await page.fill(cpt(1), '77372');
      await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
      return page.evaluate(() =>
        [...document.querySelectorAll('form input, form button, form table, form fieldset, h1')].map((element) => {
          const rect = element.getBoundingClientRect();
          return [rect.x, rect.y, rect.width, rect.height].map((value) => Math.round(value * 10) / 10);
        }),
      );
    };
    const withExtension = await extension().openPortal('/cms1500.html');
    const boxesWith = await collect(withExtension);
    expect(await withExtension.locator('[data-claimguide-marker]').count()).toBeGreaterThan(0);

    const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    const page = await plain.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${extension().portal}/cms1500.html`);
    const boxesWithout = await collect(page);
    await plain.close();
    expect(boxesWith).toEqual(boxesWithout);
    await withExtension.close();
  });
});

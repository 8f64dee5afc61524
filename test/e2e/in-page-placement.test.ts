import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { useExtensionSession } from './chromium';
import { cpt, mod, units } from './cms1500';
import { expectInside, floatingReport, focusedName, settle } from './layer-probe';

/**
 * The card, tooltips and the Undo notice stay on screen and off the work, and the card is driven
 * from the keyboard (real Chromium, the built extension, the demo portal).
 */
const extension = useExtensionSession();

/** Scrolls the page so that `line` is the last fully visible line (its bottom 4 px above the viewport's). */
async function scrollToLastVisible(page: Page, line: number): Promise<number> {
  await page.evaluate((name) => {
    const field = document.querySelector(name)!.closest('tr')!;
    window.scrollBy(0, field.getBoundingClientRect().bottom - document.documentElement.clientHeight + 4);
  }, cpt(line));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  return line;
}

/** Scrolls `by` pixels and returns the index of the last line whose fields are fully visible. */
async function lastVisibleLine(page: Page, by: number, lines: number): Promise<number> {
  await page.evaluate((y) => window.scrollTo(0, y), by);
  return page.evaluate((count) => {
    let last = -1;
    for (let i = 0; i < count; i++) {
      const field = document.querySelector(`[name="line[${i}][cpt]"]`);
      if (field && field.getBoundingClientRect().bottom <= document.documentElement.clientHeight) last = i;
    }
    return last;
  }, lines);
}

async function typeSrsWith26(page: Page, line: number): Promise<void> {
  // Set as the portal's own script would, so Playwright does not scroll the field into view.
  await page.evaluate(
    ([codeField, modField]) => {
      for (const [name, value] of [[codeField!, '77371'], [modField!, '26']] as const) {
        const input = document.querySelector<HTMLInputElement>(name)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    [cpt(line), mod(line, 1)],
  );
  // (The engine may still be starting on a slow machine: its first evaluation, not a fixed delay.)
  await expect.poll(() => page.getAttribute(cpt(line), 'data-claimguide-severity'), { timeout: 10_000 }).toBe('error');
}

const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;
const overlaps = (a: { left: number; top: number; right: number; bottom: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.left < b.x + b.width && b.x < a.right && a.top < b.y + b.height && b.y < a.bottom;

describe.each([
  { width: 1280, height: 800, lines: 12 },
  { width: 1000, height: 640, lines: 6 },
])('on the last visible line of a scrolled page ($width × $height, $lines lines)', ({ lines, ...viewport }) => {
  it('the card opens fully inside the viewport, covering no portal input centre nor the field being edited, and follows scrolling', async () => {
    const page = await extension().openPortal(`/cms1500.html?lines=${lines}`);
    await page.setViewportSize(viewport);
    const line = await scrollToLastVisible(page, lines - 1);
    await typeSrsWith26(page, line);
    await page.focus(mod(line, 1));
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect.poll(async () => (await floatingReport(page, '.cg-card')).rect).not.toBeNull();
    await settle(page);
    const report = await floatingReport(page, '.cg-card');
    expectInside(report);
    expect(report.coveredCentres).toEqual([]);
    // It stays put while nothing moves (placing it never changes what it is placed by).
    await page.waitForTimeout(250);
    expect((await floatingReport(page, '.cg-card')).rect).toEqual(report.rect);
    expect(overlaps(report.rect!, await box(page, mod(line, 1)))).toBe(false);
    expect(overlaps(report.rect!, await box(page, cpt(line)))).toBe(false);
    // Its Apply button, reached with Tab, is in view (the page does not scroll; the card may, inside).
    const scrollY = await page.evaluate(() => window.scrollY);
    for (let i = 0; i < 8 && (await focusedName(page)) !== 'card:apply'; i++) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('card:apply');
    await settle(page);
    const apply = (await page.locator('[data-claimguide-action="apply"]').first().boundingBox())!;
    expect(apply.y).toBeGreaterThanOrEqual(report.rect!.top);
    expect(apply.y + apply.height).toBeLessThanOrEqual(Math.min(report.rect!.bottom, viewport.height));
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);

    // The page scrolls a little: the card goes with its line, still inside and off the fields.
    await page.evaluate(() => window.scrollBy(0, 40));
    await settle(page);
    const after = await floatingReport(page, '.cg-card');
    expectInside(after);
    expect(after.coveredCentres).toEqual([]);
    expect(overlaps(after.rect!, await box(page, cpt(line)))).toBe(false);
    await page.close();
  });

  it('a tooltip flips above its field near the bottom, covers no portal input centre, and follows scrolling or closes', async () => {
    const page = await extension().openPortal(`/cms1500.html?lines=${lines}`);
    await page.setViewportSize(viewport);
    const line = await scrollToLastVisible(page, lines - 1);
    await page.evaluate((name) => {
      const input = document.querySelector<HTMLInputElement>(name)!;
      input.value = '77372';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, cpt(line));
    await expect.poll(() => page.getAttribute(cpt(line), 'data-claimguide-line')).toBe(String(line));
    const field = await box(page, cpt(line));
    await page.mouse.move(field.x + 10, field.y + field.height / 2);
    await expect.poll(async () => (await floatingReport(page, '[data-claimguide-tooltip="77372"]')).rect).not.toBeNull();
    await settle(page);
    const report = await floatingReport(page, '.cg-tooltip');
    expectInside(report);
    expect(report.coveredCentres).toEqual([]);
    expect(report.rect!.bottom).toBeLessThanOrEqual(field.y);

    await page.evaluate(() => window.scrollBy(0, 30));
    await settle(page);
    const after = await floatingReport(page, '.cg-tooltip');
    if (after.rect) {
      expectInside(after);
      expect(after.coveredCentres).toEqual([]);
    }
    // Scrolled far enough that the field leaves the viewport, the tooltip closes.
    await page.evaluate(() => window.scrollBy(0, -2000));
    await settle(page);
    await expect.poll(async () => (await floatingReport(page, '[data-claimguide-tooltip="77372"]')).rect).toBeNull();
    await page.close();
  });
});

describe('a claim whose lines fill the whole viewport (no free space anywhere)', () => {
  it('the card stays fully inside the viewport, never over the field being edited, with Apply in view', async () => {
    const page = await extension().openPortal('/cms1500.html?lines=40');
    const line = await lastVisibleLine(page, 700, 40);
    expect(line).toBeGreaterThan(10);
    await typeSrsWith26(page, line);
    await page.focus(mod(line, 1));
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect.poll(async () => (await floatingReport(page, '.cg-card')).rect).not.toBeNull();
    await settle(page);
    const report = await floatingReport(page, '.cg-card');
    expectInside(report);
    expect(overlaps(report.rect!, await box(page, mod(line, 1)))).toBe(false);
    expect(overlaps(report.rect!, await box(page, cpt(line)))).toBe(false);
    // Shortened to hide fewer fields, it scrolls inside: Apply, reached with Tab, is in view.
    for (let i = 0; i < 8 && (await focusedName(page)) !== 'card:apply'; i++) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('card:apply');
    await settle(page);
    const apply = (await page.locator('[data-claimguide-action="apply"]').first().boundingBox())!;
    const card = (await floatingReport(page, '.cg-card')).rect!;
    expect(apply.y).toBeGreaterThanOrEqual(card.top);
    expect(apply.y + apply.height).toBeLessThanOrEqual(Math.min(card.bottom, report.viewport.height));
    // Applied: the Undo notice may have had to cover a field here; once the coder types, it does not.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe(`line[${line}][mod1]`);
    await page.keyboard.type('59');
    await settle(page);
    expect((await floatingReport(page, '.cg-undo')).coveredCentres).toEqual([]);
    expect((await floatingReport(page, '.cg-card')).rect).toBeNull();
    await page.close();
  });
});

describe('keyboard first', () => {
  /** Counts every key event and form submission the page's own listeners see, capture and bubble. */
  const watchPageKeys = (page: Page) =>
    page.evaluate(() => {
      const seen = { keys: 0, submits: 0 };
      (window as unknown as { seen: typeof seen }).seen = seen;
      for (const type of ['keydown', 'keypress', 'keyup']) {
        window.addEventListener(type, () => seen.keys++, true);
        document.addEventListener(type, () => seen.keys++);
        document.documentElement.addEventListener(type, () => seen.keys++, true);
      }
      document.getElementById('claim')!.addEventListener('submit', (event) => {
        seen.submits++;
        event.preventDefault();
      });
    });
  const pageSaw = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { seen: { keys: number; submits: number } }).seen }));
  const resetSeen = (page: Page) => page.evaluate(() => Object.assign((window as unknown as { seen: object }).seen, { keys: 0, submits: 0 }));

  it('Alt+Shift+G from any field of the line opens the card; Tab cycles inside it; keys in it never reach the page; Apply closes it and returns to the field; the Undo notice covers no input and Alt+Shift+Z undoes', async () => {
    const page = await extension().openPortal('/cms1500.html?lines=12');
    await typeSrsWith26(page, 2);
    await watchPageKeys(page);
    await page.focus(units(2));
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect.poll(() => focusedName(page)).toMatch(/^card:/);
    await resetSeen(page);

    // Tab and Shift+Tab never leave the card.
    const visited = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const name = await focusedName(page);
      expect(name).toMatch(/^card:/);
      visited.add(name);
    }
    expect(visited.has('card:apply')).toBe(true);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusedName(page)).toMatch(/^card:/);
    }
    // Letters, arrows and Enter pressed in the card: the page sees none of them, and nothing is submitted.
    await page.keyboard.press('KeyS');
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 8 && (await focusedName(page)) !== 'card:apply'; i++) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('card:apply');
    await page.keyboard.press('Enter');
    expect(await pageSaw(page)).toEqual({ keys: 0, submits: 0 });

    // Applied: the card is closed, focus is back in the field it was opened from.
    await expect.poll(() => page.inputValue(mod(2, 1))).toBe('');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focusedName(page)).toBe('line[2][units]');
    // The Undo notice is on screen, off every portal input, and Alt+Shift+Z undoes from the field.
    await expect.poll(async () => (await floatingReport(page, '.cg-undo')).rect).not.toBeNull();
    await settle(page);
    const notice = await floatingReport(page, '.cg-undo');
    expectInside(notice);
    expect(notice.coveredCentres).toEqual([]);
    await page.keyboard.press('Alt+Shift+KeyZ');
    await expect.poll(() => page.inputValue(mod(2, 1))).toBe('26');
    await expect.poll(async () => (await floatingReport(page, '.cg-undo')).rect).toBeNull();
    expect((await pageSaw(page)).submits).toBe(0);
    await page.close();
  });

  it('Alt+Shift+G toggles; Esc closes and returns focus to the field, also when the card was opened by a click', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await typeSrsWith26(page, 0);
    await page.focus(mod(0, 1));
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect.poll(() => focusedName(page)).toMatch(/^card:/);
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await focusedName(page)).toBe('line[0][mod1]');

    await page.click('[data-claimguide-marker="0:0"]');
    await expect.poll(() => focusedName(page)).toMatch(/^card:/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await focusedName(page)).toBe('line[0][cpt]');
    await page.close();
  });

  it('the marker is reached with Tab after the page, opens with Enter, and Esc returns to its field', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await typeSrsWith26(page, 1);
    await page.focus('#submit-claim');
    let name = '';
    for (let i = 0; i < 10 && !name.startsWith('layer:'); i++) {
      await page.keyboard.press('Tab');
      name = await focusedName(page);
    }
    expect(name).toBe('layer:0:1');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toMatch(/^card:/);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('line[1][cpt]');
    await page.close();
  });

  it('typing in the page closes the card and tooltip: nothing of ours stays over the field being typed in', async () => {
    const page = await extension().openPortal('/cms1500.html');
    await typeSrsWith26(page, 0);
    await page.click('[data-claimguide-marker="0:0"]');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.click(units(0));
    await page.keyboard.type('1');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const field = await box(page, cpt(0));
    await page.mouse.move(field.x + 10, field.y + field.height / 2);
    await expect.poll(async () => (await floatingReport(page, '.cg-tooltip')).rect).not.toBeNull();
    await page.keyboard.type('2');
    await expect.poll(async () => (await floatingReport(page, '.cg-tooltip')).rect).toBeNull();
    await page.close();
  });
});

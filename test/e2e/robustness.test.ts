import { chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH, useExtensionSession } from './chromium';

/**
 * Pages that fight back. ClaimGuide keeps working where it can, never adds an error to the
 * page's own window, and never changes what the portal submits.
 */
const extension = useExtensionSession();

const pageErrors = (page: Page) => page.evaluate(() => (window as unknown as { pageErrors: string[] }).pageErrors.length);

/** The same interaction in plain Chromium, to count the errors the page makes on its own. */
async function errorsWithoutExtension(path: string, interact: (page: Page) => Promise<void>): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${extension().portal}${path}`);
    await interact(page);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    return await pageErrors(page);
  } finally {
    await browser.close();
  }
}

const srsWith26 = async (page: Page) => {
  await page.fill('[name="line[0][cpt]"]', '77371');
  await page.fill('[name="line[0][mod1]"]', '26');
};

describe.each([
  ['/hostile/throws.html', 'handlers that throw'],
  ['/hostile/prototypes.html', 'overridden prototypes'],
  ['/hostile/observers.html', 'a frozen, replaced MutationObserver and requestAnimationFrame'],
  ['/hostile/document-write.html', 'document.write'],
])('%s (%s)', (path) => {
  it('still flags 77371 with modifier 26, and adds no error to the page', async () => {
    const page = await extension().openPortal(path);
    await srsWith26(page);
    await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity')).toBe('error');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    expect(await pageErrors(page)).toBe(await errorsWithoutExtension(path, srsWith26));
    await page.close();
  });
});

describe('a form whose controls clobber its DOM properties (form.parentNode, form.closest… name inputs)', () => {
  // Driven from the page's own script: Playwright's actionability checks read form.getAttribute too.
  const type = (page: Page, name: string, value: string) =>
    page.evaluate(([field, text]) => {
      const input = document.querySelector<HTMLInputElement>(`[name="${field}"]`)!;
      input.value = text!;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, [name, value]);

  it('marks the lines added to it and evaluates them, with no error in the page', async () => {
    const page = await extension().openPortal('/hostile/clobbered.html');
    // The page's document is clobbered too, in its own world (named images); ours reads the real ones.
    expect(await page.evaluate(() => [typeof document.addEventListener, String(document.readyState)])).toEqual(['object', '[object HTMLImageElement]']);
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('#add-line')!.click();
      document.querySelector<HTMLButtonElement>('#add-line')!.click();
    });
    await type(page, 'line[2][cpt]', '77372');
    await type(page, 'line[2][mod1]', '26');
    await expect.poll(() => page.getAttribute('[name="line[2][cpt]"]', 'data-claimguide-line')).toBe('2');
    await expect.poll(() => page.getAttribute('[name="line[2][cpt]"]', 'data-claimguide-severity')).toBe('error');
    // Its marker is drawn, positioned by walking up through the form, and the page still answers.
    await expect.poll(() => page.locator('[data-claimguide-marker]').count()).toBeGreaterThan(0);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await pageErrors(page)).toBe(0);
    await page.close();
  });
});

describe('a page that adds rows while MutationObserver is replaced in its own world', () => {
  it('detects the new row (our observer lives in the isolated world)', async () => {
    const page = await extension().openPortal('/hostile/observers.html');
    await page.click('#add-row');
    await page.fill('[name="line[2][cpt]"]', '77372');
    await page.fill('[name="line[2][units]"]', '3');
    await expect.poll(() => page.getAttribute('[name="line[2][cpt]"]', 'data-claimguide-severity')).toBe('error');
    await page.close();
  });
});

describe('odd values', () => {
  it('survives 10,000-character, emoji and right-to-left values without an error', async () => {
    const page = await extension().openPortal('/hostile/odd-values.html');
    await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity')).not.toBeNull();
    expect(await page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-rules')).toContain('code/invalid-format');
    await page.fill('[name="line[1][cpt]"]', '77372');
    await expect.poll(() => page.getAttribute('[name="line[1][cpt]"]', 'data-claimguide-severity')).not.toBeNull();
    expect(await pageErrors(page)).toBe(0);
    await page.close();
  });
});

describe('deeply nested shadow roots', () => {
  it('finds and evaluates a claim twelve open shadow roots deep', async () => {
    // Playwright's CSS locators pierce open shadow roots, as our detection must.
    const page = await extension().openPortal('/hostile/deep-shadow.html');
    await page.locator('input[name="cpt"]').fill('77372');
    await page.locator('input[name="modifier"]').fill('26');
    await expect.poll(() => page.locator('input[name="cpt"]').getAttribute('data-claimguide-severity')).toBe('error');
    expect(await pageErrors(page)).toBe(0);
    await page.close();
  });
});

describe('form submission', () => {
  it('sends exactly what the coder typed, byte for byte, with the extension active', async () => {
    const page = await extension().openPortal('/cms1500.html');
    const values: Record<string, string> = {
      patient_name: 'Zoë Ñandú-Østergaard',
      insured_id: 'MBR 0042 ✓',
      patient_dob: '01/02/1950',
      dx_a: 'C79.31',
      'line[0][from]': '03/02/26',
      'line[0][cpt]': '77371',
      'line[0][mod1]': '26',
      'line[0][units]': '2',
      'line[1][cpt]': '77372 59',
      'line[1][pointer]': 'שלום',
    };
    for (const [name, value] of Object.entries(values)) await page.fill(`[name="${name}"]`, value);
    await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity')).toBe('error');
    const expected = await page.evaluate(() => new URLSearchParams(new FormData(document.getElementById('claim') as HTMLFormElement) as unknown as string[][]).toString());
    await Promise.all([page.waitForURL('**/submit'), page.click('#submit-claim')]);
    const received = await (await fetch(`${extension().portal}/last-submission`)).text();
    expect(received).toBe(expected);
    for (const [name, value] of Object.entries(values)) expect(new URLSearchParams(received).get(name)).toBe(value);
    await page.close();
  });
});

describe('pages that remove the nodes they did not create', () => {
  /**
   * Samples, in the page, for `ms`: whether a marker (and the card) of ours is shown, and the
   * longest stretch each was missing. Every 20 ms, from the page's own timers.
   */
  const watchPresence = (page: Page, ms: number) =>
    page.evaluate(async (duration) => {
      const shown = (css: string) => {
        const host = document.querySelector('claimguide-layer');
        return Boolean(host?.isConnected && host.shadowRoot?.querySelector(css));
      };
      const longest = { marker: 0, card: 0 };
      const since: { marker: number | null; card: number | null } = { marker: null, card: null };
      const start = performance.now();
      while (performance.now() - start < duration) {
        await new Promise((done) => setTimeout(done, 20));
        const now = performance.now();
        for (const [what, css] of [['marker', '[data-claimguide-marker]'], ['card', '.cg-card']] as const) {
          if (shown(css)) since[what] = null;
          else {
            since[what] ??= now;
            longest[what] = Math.max(longest[what], now - since[what]!);
          }
        }
      }
      return { longest, markerAtEnd: shown('[data-claimguide-marker]'), cardAtEnd: shown('.cg-card') };
    }, ms);
  const removalsOfOurs = (page: Page) =>
    page.evaluate(() => (window as unknown as { foreignRemovals: { tag: string }[] }).foreignRemovals.filter((r) => r.tag === 'claimguide-layer').length);
  const typeInPage = (page: Page, name: string, value: string) =>
    page.evaluate(([field, text]) => {
      const input = document.querySelector<HTMLInputElement>(`[name="${field}"]`)!;
      input.value = text!;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, [name, value]);

  it('a timer that clears foreign children of <html> and <body>: markers and the open card come back within a second, every time', async () => {
    const page = await extension().openPortal('/hostile/foreign-nodes.html');
    await typeInPage(page, 'line[0][cpt]', '77371');
    await typeInPage(page, 'line[0][mod1]', '26');
    await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity')).toBe('error');
    await expect.poll(() => page.locator('[data-claimguide-marker="0:0"]').count(), { timeout: 3000 }).toBe(1);
    await page.focus('[name="line[0][cpt]"]');
    await page.keyboard.press('Alt+Shift+KeyG');
    await expect.poll(() => page.locator('.cg-card').count(), { timeout: 3000 }).toBe(1);
    const before = await removalsOfOurs(page);
    const seen = await watchPresence(page, 4000);
    expect((await removalsOfOurs(page)) - before).toBeGreaterThanOrEqual(4);
    expect(seen.longest.marker).toBeLessThan(1000);
    expect(seen.longest.card).toBeLessThan(1000);
    await expect.poll(() => page.locator('[data-claimguide-marker="0:0"]').count(), { timeout: 1000 }).toBe(1);
    expect(await pageErrors(page)).toBe(0);
    await page.close();
  });

  it('a page that removes the layer the moment it is back: re-attached with backoff, never in a loop', async () => {
    const page = await extension().openPortal('/hostile/foreign-nodes.html?instant');
    await typeInPage(page, 'line[0][cpt]', '77371');
    await typeInPage(page, 'line[0][mod1]', '26');
    await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity')).toBe('error');
    await expect.poll(() => removalsOfOurs(page)).toBeGreaterThanOrEqual(6);
    const before = await removalsOfOurs(page);
    await page.waitForTimeout(3000);
    const during = (await removalsOfOurs(page)) - before;
    // Backed off to one try every 800 ms: about 4 in 3 s (a loop would make thousands).
    expect(during).toBeGreaterThanOrEqual(2);
    expect(during).toBeLessThanOrEqual(5);
    // The page still answers, and has no error of ours.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(await pageErrors(page)).toBe(0);
    await page.close();
  });

  it('a framework that re-renders the whole document every second: the markers follow the new fields within a second', async () => {
    const page = await extension().openPortal('/hostile/rerender.html');
    await typeInPage(page, 'line[0][cpt]', '77371');
    await typeInPage(page, 'line[0][mod1]', '26');
    await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity')).toBe('error');
    await expect.poll(() => page.locator('[data-claimguide-marker="0:0"]').count(), { timeout: 3000 }).toBe(1);
    const rendersBefore = await page.evaluate(() => (window as unknown as { renders: number }).renders);
    const seen = await watchPresence(page, 4000);
    expect(await page.evaluate(() => (window as unknown as { renders: number }).renders)).toBeGreaterThanOrEqual(rendersBefore + 3);
    expect(seen.longest.marker).toBeLessThan(1000);
    await expect.poll(() => page.getAttribute('[name="line[0][cpt]"]', 'data-claimguide-severity'), { timeout: 1000 }).toBe('error');
    expect(await pageErrors(page)).toBe(0);
    await page.close();
  });
});

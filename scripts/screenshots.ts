// `npm run screenshots`: regenerates the README's pictures from the real extension on the demo
// portal (needs a build and Debian's Chromium): the in-page card and tooltip, then the popup, the
// side panel and the options page in English and Spanish, light and dark.
import type { Page } from 'playwright-core';
import { launchWithExtension, tabIdOf, type ExtensionSession } from '../test/e2e/chromium';

const out = (name: string) => `docs/images/${name}.png`;

/** A claim with findings on the demo portal, for the popup and side panel to show. */
async function claimPage(session: ExtensionSession): Promise<Page> {
  const page = await session.openPortal('/cms1500.html#example');
  await page.setViewportSize({ width: 1100, height: 860 });
  await page.waitForSelector('[name="line[0][cpt]"][data-claimguide-severity="error"]', { state: 'attached' });
  return page;
}

async function inPage(session: ExtensionSession): Promise<void> {
  const page = await claimPage(session);
  const field = page.locator('[name="line[0][cpt]"]');
  await field.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 330));
  await page.click('[data-claimguide-marker="0:0"]');
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(150); // placed off the fields (overlay/floating.ts) once it is measured
  await page.screenshot({ path: out('demo-card') });

  await page.keyboard.press('Escape');
  const historyCell = page.locator('#history td', { hasText: '77432' });
  await historyCell.scrollIntoViewIfNeeded();
  const box = (await historyCell.boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.locator('[data-claimguide-tooltip]').waitFor();
  await page.waitForTimeout(100); // placed off the fields (overlay/floating.ts) once it is measured
  // The hovered code and its tooltip, wherever the tooltip was placed.
  const tip = (await page.locator('[data-claimguide-tooltip]').boundingBox())!;
  const top = Math.max(0, Math.min(box.y, tip.y) - 60);
  const bottom = Math.min(860, Math.max(box.y + box.height, tip.y + tip.height) + 60);
  await page.screenshot({ path: out('tooltip'), clip: { x: 0, y: top, width: 900, height: bottom - top } });
  await page.close();
}

/** popup-<lang>-<scheme>.png, side-panel-…, options-… */
async function extensionPages(session: ExtensionSession, lang: 'en' | 'es'): Promise<void> {
  const page = await claimPage(session);
  const tabId = await tabIdOf(session, page);
  const panel = await session.extensionPage(`sidepanel.html?tabId=${tabId}`);
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.locator('[data-rule-id]').first().waitFor();
  // One finding opened, to show its why and sources.
  await panel.locator('[data-finding-toggle]').first().click();

  const popup = await session.extensionPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 340, height: 560 });
  await popup.locator('input[name="profile"]:checked').waitFor();

  const options = await session.extensionPage('options.html');
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.locator('[data-profile]').first().waitFor();

  for (const scheme of ['light', 'dark'] as const) {
    for (const view of [panel, popup, options]) await view.emulateMedia({ colorScheme: scheme });
    await panel.screenshot({ path: out(`side-panel-${lang}-${scheme}`) });
    // The popup is as tall as its content.
    const height = await popup.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().height));
    await popup.screenshot({ path: out(`popup-${lang}-${scheme}`), clip: { x: 0, y: 0, width: 340, height } });
    await options.screenshot({ path: out(`options-${lang}-${scheme}`), fullPage: true });
  }
  for (const view of [panel, popup, options, page]) await view.close();
}

const english = await launchWithExtension();
try {
  await inPage(english);
  await extensionPages(english, 'en');
} finally {
  await english.close();
}
// Chromium's UI language on Linux: --lang and LANGUAGE together.
const spanish = await launchWithExtension({ extraArgs: ['--lang=es'], env: { LANGUAGE: 'es' } });
try {
  await extensionPages(spanish, 'es');
} finally {
  await spanish.close();
}
console.log('Screenshots written to docs/images/');

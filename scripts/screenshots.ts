// `npm run screenshots`: regenerates the README's pictures from the real extension on the demo
// portal (needs a build and Debian's Chromium).
import { launchWithExtension, tabIdOf } from '../test/e2e/chromium';

const out = (name: string) => `docs/images/${name}.png`;
const session = await launchWithExtension();
try {
  const page = await session.openPortal('/cms1500.html#example');
  await page.setViewportSize({ width: 1100, height: 860 });
  await page.waitForSelector('[name="line[0][cpt]"][data-claimguide-severity="error"]', { state: 'attached' });
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

  const tabId = await tabIdOf(session, page);
  const panel = await session.extensionPage(`sidepanel.html?tabId=${tabId}`);
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.locator('[data-rule-id]').first().waitFor();
  await panel.screenshot({ path: out('side-panel'), fullPage: false });

  const popup = await session.extensionPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 340, height: 420 });
  await popup.locator('input[name="profile"]:checked').waitFor();
  await popup.screenshot({ path: out('popup') });
  console.log('Screenshots written to docs/images/');
} finally {
  await session.close();
}

// `npm run screenshots`: regenerates the README's pictures from the real extension on the demo
// portal (needs a build and Debian's Chromium).
import { launchWithExtension, tabIdOf } from '../test/e2e/chromium';

const out = (name: string) => `docs/images/${name}.png`;
const session = await launchWithExtension();
try {
  const page = await session.openPortal('/cms1500.html#example');
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.waitForSelector('[name="line[0][cpt]"][data-claimguide-severity="error"]', { state: 'attached' });
  const field = page.locator('[name="line[0][cpt]"]');
  await field.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 260));
  await page.click('[data-claimguide-marker="0:0"]');
  await page.getByRole('dialog').waitFor();
  await page.screenshot({ path: out('demo-card') });

  await page.keyboard.press('Escape');
  const historyCell = page.locator('#history td', { hasText: '77432' });
  await historyCell.scrollIntoViewIfNeeded();
  const box = (await historyCell.boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.locator('[data-claimguide-tooltip]').waitFor();
  await page.screenshot({ path: out('tooltip'), clip: { x: 0, y: Math.max(0, box.y - 120), width: 900, height: 260 } });

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

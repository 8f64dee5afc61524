// `npx tsx scripts/screenshots-corrections.ts [en|es] [dir]`: pictures of "This field is…" in the
// in-page card, the side panel and the options page's corrections, from the real extension on the
// demo portal (demo/public/svc-grid.html), in the browser language given (default en, into
// docs/images). Needs a build and Debian's Chromium. (The browser's own context menu is drawn by the
// browser, outside any page: a headless browser cannot picture it.)
import { launchWithExtension, tabIdOf } from '../test/e2e/chromium';

const lang = process.argv[2] === 'es' ? 'es' : 'en';
const dir = process.argv[3] ?? 'docs/images';
// Chromium on Linux takes its UI language, which the extension's strings follow, from the environment.
process.env.LANGUAGE = lang;
process.env.LC_ALL = lang === 'es' ? 'es_ES.UTF-8' : 'en_US.UTF-8';
const out = (name: string) => `${dir}/${name}${lang === 'en' ? '' : `-${lang}`}.png`;
const session = await launchWithExtension({ extraArgs: [`--lang=${lang}`] });
try {
  const page = await session.openPortal('/svc-grid.html');
  await page.setViewportSize({ width: 1000, height: 640 });
  await page.fill('[name="SVCDATE_1"]', '03/02/26');
  await page.fill('[name="SVCDATE_PROC_1"]', '77372');
  await page.fill('[name="SVCDATE_MOD_1"]', 'TC');
  await page.fill('[name="SVCDATE_UNITS_1"]', '1');
  await page.fill('[name="SVCDATE_PROC_2"]', '77371');
  await page.click('[data-claimguide-marker="0:0"]');
  const card = page.getByRole('dialog');
  await card.waitFor();
  await card.locator('summary').last().click();
  await card.locator('[data-correct-field][data-role="charge"] [data-correct-role]').selectOption('pointer');
  // The first field, a date of service: for the whole claim (a line's own field could go on line 2).
  await card.locator('[data-correct-field][data-role="dos"] [data-correct-line-rule]').selectOption('claim');
  await card.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await page.screenshot({ path: out('corrections-card') });

  const panel = await session.extensionPage(`sidepanel.html?tabId=${await tabIdOf(session, page)}`);
  await panel.setViewportSize({ width: 400, height: 760 });
  await panel.locator('details.cg-correct summary').first().click();
  await panel.locator('[data-correct-line="0"]').click();
  await panel.locator('[data-correct-field]').first().waitFor();
  await panel.locator('details.cg-correct').scrollIntoViewIfNeeded();

  // One correction saved from the panel, then the options page lists it.
  const modifier = panel.locator('[data-correct-field][data-role="modifier"]');
  await modifier.locator('[data-correct-role]').selectOption('units');
  await modifier.locator('[data-correct-line-rule]').selectOption('line:2');
  await modifier.locator('button').click();
  await panel.locator('.cg-correct__status:not(:empty)').waitFor();
  await panel.screenshot({ path: out('corrections-panel') });
  const options = await session.extensionPage('options.html');
  await options.setViewportSize({ width: 900, height: 700 });
  const section = options.locator('[data-section="corrections"]');
  await section.locator('tbody tr').first().waitFor();
  await section.screenshot({ path: out('corrections-options') });
  console.log(`Screenshots written to ${dir}/`);
} finally {
  await session.close();
}

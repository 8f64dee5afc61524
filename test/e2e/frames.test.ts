import { expect } from 'vitest';
import { useExtensionSession } from './chromium';

/** Every frame runs its own content script: same-origin, srcdoc and cross-origin frames. */
const extension = useExtensionSession();

describe('claims inside frames', () => {
  it('detects and evaluates a claim in a same-origin, a srcdoc and a cross-origin frame', async () => {
    const page = await extension().context.newPage();
    await page.goto(`${extension().portal}/frames.html`);

    const same = page.frameLocator('#same-origin');
    await same.locator('[name="line[0][cpt]"]').fill('77371');
    await same.locator('[name="line[0][mod1]"]').fill('26');
    await expect.poll(() => same.locator('[name="line[0][cpt]"]').getAttribute('data-claimguide-severity')).toBe('error');

    const srcdoc = page.frameLocator('#srcdoc');
    await srcdoc.locator('[name="cpt"]').fill('77372');
    await srcdoc.locator('[name="units"]').fill('2');
    await expect.poll(() => srcdoc.locator('[name="cpt"]').getAttribute('data-claimguide-severity')).toBe('error');

    const cross = page.frameLocator('#cross-origin');
    expect(new URL((await page.locator('#cross-origin').getAttribute('src'))!).hostname).toBe('localhost');
    await cross.locator('[name="svc[0].hcpcs"]').fill('77372');
    await cross.locator('[name="svc[0].units"]').fill('3');
    await expect.poll(() => cross.locator('[name="svc[0].hcpcs"]').getAttribute('data-claimguide-severity')).toBe('error');
    await page.close();
  });
});

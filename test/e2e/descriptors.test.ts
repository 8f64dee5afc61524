import { expect } from 'vitest';
import { useExtensionSession } from './chromium';
import { cpt, mod } from './cms1500';

/** An organization's licensed descriptor file replaces our plain-language summaries everywhere. */
const extension = useExtensionSession();

describe('licensed descriptor pack', () => {
  it('rejects a bad file whole, with the line and reason of each problem', async () => {
    const options = await extension().extensionPage('options.html');
    await options.locator('input[type="file"][accept*=".tsv"]').setInputFiles({
      name: 'descriptors.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('77371\tLicensed text\nnot-a-code\tx\n'),
    });
    const problems = options.getByRole('alert');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('Line 2');
    expect(await options.locator('[data-pack-state]').getAttribute('data-pack-state')).toBe('none');
    await options.close();
  });

  it('shows the official text in the card once a valid file is imported', async () => {
    const options = await extension().extensionPage('options.html');
    await options.locator('input[type="file"][accept*=".tsv"]').setInputFiles({
      name: 'org-cpt-2026.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('77371\tOFFICIAL-DESCRIPTOR-TEXT-FOR-TEST\n'),
    });
    await expect.poll(() => options.locator('[data-pack-state]').getAttribute('data-pack-state')).toBe('loaded');

    const page = await extension().openPortal('/cms1500.html');
    await page.fill(cpt(0), '77371');
    await page.fill(mod(0, 1), '26');
    await page.click('[data-claimguide-marker="0:0"]');
    const card = page.getByRole('dialog');
    await expect.poll(() => card.innerText()).toContain('OFFICIAL-DESCRIPTOR-TEXT-FOR-TEST');
    expect(await card.innerText()).toContain("organization's licensed file");

    await options.getByRole('button', { name: 'Remove the descriptor file' }).click();
    await expect.poll(() => options.locator('[data-pack-state]').getAttribute('data-pack-state')).toBe('none');
    await page.close();
    await options.close();
  });
});

import { expect } from 'vitest';
import { BUILTIN_PROFILES, type PayerProfile } from '../../rules';
import { useExtensionSession, type ExtensionSession } from './chromium';
import { deployManagedPolicy } from './managed-policy';
import { cpt, mod } from './cms1500';

/**
 * Enterprise policy in real Chromium: an administrator's profile, pushed through the browser's
 * managed policy files (read into `storage.managed`; see managed-policy.ts), is shown locked in the
 * popup and the options page and used on the portal.
 */
const commercial = BUILTIN_PROFILES.find((profile) => profile.id === 'commercial')!;
const orgProfile: PayerProfile = { ...commercial, id: 'org-plan', name: { en: 'Org plan', es: 'Plan de la organización' } };

const withPolicy = deployManagedPolicy('e2e', { defaultProfileId: 'org-plan', lockProfile: true, customProfilesJson: JSON.stringify([orgProfile]) });

async function popupProfiles(session: ExtensionSession) {
  const popup = await session.extensionPage('popup.html');
  await popup.locator('input[name="profile"]').first().waitFor();
  return popup;
}

/** Line 1 with 77372-TC: an error under Medicare physician, a warning under Commercial rules. */
async function portalWithTechnicalOnlyLine(session: ExtensionSession) {
  const page = await session.openPortal('/cms1500.html');
  await page.fill(cpt(0), '77372');
  await page.fill(mod(0, 1), 'TC');
  return page;
}

describe.skipIf(!withPolicy)('a profile set by enterprise policy', () => {
  const extension = useExtensionSession(() => ({ extensionPath: withPolicy!.extensionPath }));

  it('reaches the extension through managed storage', async () => {
    const managed = () =>
      extension().worker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(),
      );
    await expect.poll(managed, { timeout: 10_000 }).toMatchObject({ defaultProfileId: 'org-plan', lockProfile: true });
  });

  it('is shown locked in the popup: chosen, with the reason, and no other profile can be picked', async () => {
    const popup = await popupProfiles(extension());
    await expect.poll(() => popup.locator('input[name="profile"]:checked').getAttribute('value'), { timeout: 10_000 }).toBe('org-plan');
    const fieldset = popup.locator('fieldset.cg-profiles');
    expect(await fieldset.evaluate((element) => (element as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await fieldset.locator('legend .cg-locked').innerText()).toBe('Set by your organization');
    expect(await popup.locator('#profile-locked').isVisible()).toBe(true);
    expect(await popup.locator('input[value="medicare-physician"]').isDisabled()).toBe(true);
    await popup.close();
  });

  it('is shown locked in the options page, with the policy default', async () => {
    const options = await extension().extensionPage('options.html');
    const row = options.locator('[data-profile="org-plan"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-profile-source')).toBe('policy');
    expect(await row.locator('.cg-locked').innerText()).toBe('Set by your organization');
    expect(await row.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await row.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    expect(await options.locator('[data-policy-default]').innerText()).toContain('Org plan');
    expect(await options.locator('[data-policy-lock]').isVisible()).toBe(true);
    await options.close();
  });

  it('is the profile the portal is evaluated with', async () => {
    const page = await portalWithTechnicalOnlyLine(extension());
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('warning');
    await page.close();
  });
});

describe('without a policy (control)', () => {
  const extension = useExtensionSession();

  it('the popup offers every profile, unlocked, and the options page lists no policy profile', async () => {
    const popup = await popupProfiles(extension());
    expect(await popup.locator('input[name="profile"]:checked').getAttribute('value')).toBe('medicare-physician');
    expect(await popup.locator('fieldset.cg-profiles').evaluate((element) => (element as HTMLFieldSetElement).disabled)).toBe(false);
    expect(await popup.locator('input[value="commercial"]').isDisabled()).toBe(false);
    expect(await popup.locator('.cg-locked').count()).toBe(0);
    await popup.close();
    const options = await extension().extensionPage('options.html');
    await options.locator('[data-profile="commercial"]').waitFor();
    expect(await options.locator('[data-profile-source="policy"]').count()).toBe(0);
    await options.close();
  });

  it('the portal is evaluated with the default Medicare physician profile', async () => {
    const page = await portalWithTechnicalOnlyLine(extension());
    await expect.poll(() => page.getAttribute(cpt(0), 'data-claimguide-severity')).toBe('error');
    await page.close();
  });
});

import { browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import { readValidated } from './items';
import { BUILT_IN_PATTERNS } from './portals';

/**
 * Portals the coder enabled beyond the demo portal. Enabling asks for that origin's optional
 * host permission and registers the content script for it; disabling revokes and unregisters both.
 */
export const SitePatternsSchema = z.array(z.string().check(z.regex(/^https?:\/\/(\*\.)?[A-Za-z0-9.-]+\/\*$/)));
export const enabledSitesItem = storage.defineItem<string[]>('sync:enabledSites', { fallback: [], version: 1 });

/** The bundled content script, as WXT names it in the build. */
const CONTENT_SCRIPT_FILE = 'content-scripts/claim.js';
const scriptId = (pattern: string) => `claimguide:${pattern}`;

export async function enabledSites(): Promise<string[]> {
  return (await readValidated(enabledSitesItem, SitePatternsSchema)).value;
}

/** How a portal's content script is registered: every frame, including about:blank and srcdoc ones. */
function registration(pattern: string) {
  return {
    id: scriptId(pattern),
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    // about:blank / srcdoc frames (and data:/blob:) created by the portal inherit its origin.
    matchOriginAsFallback: true,
    runAt: 'document_start' as const, // as the manifest's script (see entrypoints/claim.content)
    persistAcrossSessions: true,
  };
}

async function register(pattern: string): Promise<void> {
  const wanted = registration(pattern);
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [wanted.id] });
  if (!existing) {
    await browser.scripting.registerContentScripts([wanted]);
  } else if (existing.runAt !== wanted.runAt || existing.matchOriginAsFallback !== true || existing.allFrames !== true) {
    // Registered by an earlier version with other settings: bring it up to date.
    const { persistAcrossSessions: _keep, ...update } = wanted;
    await browser.scripting.updateContentScripts([update]);
  }
}

/** Must run from a user gesture (the permission prompt). Resolves false when the coder declines. */
export async function enableSite(pattern: string): Promise<boolean> {
  if ((BUILT_IN_PATTERNS as readonly string[]).includes(pattern)) return true;
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) return false;
  await register(pattern);
  const sites = await enabledSites();
  if (!sites.includes(pattern)) await enabledSitesItem.setValue([...sites, pattern]);
  return true;
}

export async function disableSite(pattern: string): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(pattern)] }).catch(() => {});
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  await enabledSitesItem.setValue((await enabledSites()).filter((site) => site !== pattern));
}

/**
 * On start-up: keep registrations in step with what is both enabled and still permitted
 * (the coder may have revoked a permission from the browser's own settings).
 */
export async function reconcileSites(extraPatterns: readonly string[] = []): Promise<void> {
  const wanted = [...new Set([...(await enabledSites()), ...extraPatterns])];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] })) await register(pattern).catch(() => {});
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered.map((script) => script.id).filter((id) => id.startsWith('claimguide:') && !wanted.some((p) => scriptId(p) === id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale }).catch(() => {});
}

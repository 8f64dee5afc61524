import { browser } from 'wxt/browser';
import { t } from '../components/i18n';
import { ContextFieldAnswerSchema, parseMessage } from '../messaging/schemas';
import { CORRECTION_ROLES, type CorrectionRole } from '../settings/corrections';
import { recordCorrection } from '../settings/record-correction';
import { readPolicySnapshot } from '../settings/policy';
import { BUILT_IN_PATTERNS } from '../settings/portals';
import { enabledSites } from '../settings/sites';

/**
 * The browser's context menu on editable fields of enabled sites: "ClaimGuide: this field is…" with
 * a submenu of roles and "Not a claim field". A choice asks the frame's sensor where the right-clicked
 * field is (content/corrections.ts) and saves a recipe for it; the sensor then detects the page again
 * with it. Only the field's place in the markup travels, never its value.
 */
export const MENU_ID = 'claimguide-field-is';
const ITEM_PREFIX = `${MENU_ID}:`;

/** The i18n key naming a correction role in menus and pickers. */
export const roleLabelKey = (role: CorrectionRole): string => (role === 'none' ? 'correction_role_none' : `correction_role_${role}`);

type Menus = typeof browser.contextMenus;
const menusApi = (): Menus | undefined =>
  (browser as unknown as { contextMenus?: Menus; menus?: Menus }).contextMenus ?? (browser as unknown as { menus?: Menus }).menus;

let building: Promise<void> = Promise.resolve();

/** (Re)creates the menu for the sites enabled now: the demo portal, the coder's and the organization's. */
export function buildCorrectionMenu(): Promise<void> {
  building = building.then(async () => {
    const menus = menusApi();
    if (!menus) return;
    const [sites, policy] = await Promise.all([enabledSites(), readPolicySnapshot()]);
    const documentUrlPatterns = [...new Set([...BUILT_IN_PATTERNS, ...sites, ...(policy.sites ?? [])])];
    await menus.removeAll();
    const contexts: ['editable'] = ['editable'];
    menus.create({ id: MENU_ID, title: t('menu_field_is'), contexts, documentUrlPatterns });
    for (const role of CORRECTION_ROLES) {
      menus.create({ id: `${ITEM_PREFIX}${role}`, parentId: MENU_ID, title: t(roleLabelKey(role)), contexts, documentUrlPatterns });
    }
  }).catch(() => {});
  return building;
}

/** A click on one of the menu's roles: the frame's sensor names the field, a recipe is saved. */
export async function correctContextField(tabId: number, frameId: number, role: CorrectionRole): Promise<boolean> {
  const answer = parseMessage(
    ContextFieldAnswerSchema,
    await browser.tabs.sendMessage(tabId, { type: 'context-field-address' }, { frameId }).catch(() => null),
  );
  if (!answer) return false;
  return (await recordCorrection(answer, role)).ok;
}

/** Wires the menu: built now, rebuilt when the enabled sites or the policy change. */
export function startCorrectionMenu(): void {
  const menus = menusApi();
  if (!menus) return;
  void buildCorrectionMenu();
  menus.onClicked.addListener((info, tab) => {
    const id = String(info.menuItemId);
    if (!id.startsWith(ITEM_PREFIX) || tab?.id === undefined) return;
    const role = id.slice(ITEM_PREFIX.length) as CorrectionRole;
    if (!(CORRECTION_ROLES as readonly string[]).includes(role)) return;
    void correctContextField(tab.id, info.frameId ?? 0, role);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'sync' && 'enabledSites' in changes) || (area === 'local' && 'policySnapshot' in changes)) void buildCorrectionMenu();
  });
}

import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { countFindings, createTabRegistry } from '../background/tab-registry';
import { startCorrectionMenu } from '../background/correction-menu';
import { forgetTicks } from '../settings/checklist';
import { refreshPolicySnapshot } from '../settings/policy';
import { readEngineSettings, type EngineSettings } from '../settings/engine-settings';
import { reconcileSites } from '../settings/sites';
import {
  ContentMessageSchema,
  frameStateIn,
  FromPanelMessageSchema,
  LoadEngineRequestSchema,
  PANEL_PORT_NAME,
  parseMessage,
  TabSummaryRequestSchema,
  type ToContentMessage,
  type ToPanelMessage,
} from '../messaging/schemas';

/** The engine's bundle (entrypoints/engine.ts), as built. */
const ENGINE_FILE = '/engine.js';

/**
 * The hub between content scripts and the side panel: keeps each tab's latest claim state
 * in memory, forwards it to the panels watching that tab (one long-lived port per panel),
 * and shows the error count on the toolbar badge. No network, no storage of claim data.
 */
export default defineBackground(() => {
  const registry = createTabRegistry();
  /** Each panel port and the tab it shows (null = follow the active tab). */
  const panels = new Map<Browser.runtime.Port, { fixedTabId: number | null; tabId: number | null }>();

  // Chrome: the toolbar button opens the popup; the popup opens the side panel.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
  // Portals the coder enabled: keep content-script registrations in step with permissions.
  void reconcileSites().catch(() => {});
  // Content scripts evaluate with the last policy seen; keep that copy current.
  void refreshPolicySnapshot().catch(() => {});
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshPolicySnapshot().catch(() => {});
  });
  // The context menu on fields of enabled sites: "ClaimGuide: this field is…" (corrections).
  startCorrectionMenu();
  // Wakes the worker when the browser starts, so a changed policy is picked up then (the refresh above runs).
  browser.runtime.onStartup.addListener(() => {});

  function post(port: Browser.runtime.Port, message: ToPanelMessage): void {
    try {
      port.postMessage(message);
    } catch {
      panels.delete(port);
    }
  }

  function pushToPanels(tabId: number): void {
    for (const [port, watch] of panels) if (watch.tabId === tabId) post(port, { type: 'tab-state', tab: registry.get(tabId) });
  }

  function askTab(tabId: number): void {
    const message: ToContentMessage = { type: 'request-state' };
    browser.tabs.sendMessage(tabId, message).catch(() => {});
  }

  // The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in the Firefox (MV2) build.
  const toolbarButton = browser.action ?? browser.browserAction;

  async function updateBadge(tabId: number): Promise<void> {
    const { error } = countFindings(registry.get(tabId));
    await toolbarButton.setBadgeText({ tabId, text: error ? String(error) : '' }).catch(() => {});
    await toolbarButton.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => {});
    // White on the error red (7:1); older browsers without setBadgeTextColor pick a colour themselves.
    await (toolbarButton as { setBadgeTextColor?: (details: { tabId: number; color: string }) => Promise<void> })
      .setBadgeTextColor?.({ tabId, color: '#ffffff' })
      .catch(() => {});
  }

  /** The tab a following panel shows: the active web tab, else the one that reported last. */
  async function followedTab(): Promise<number | null> {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id !== undefined && registry.has(active.id)) return active.id;
    return registry.lastUpdatedTab;
  }

  async function watch(port: Browser.runtime.Port, fixedTabId: number | null): Promise<void> {
    const tabId = fixedTabId ?? (await followedTab());
    panels.set(port, { fixedTabId, tabId });
    post(port, { type: 'tab-state', tab: tabId === null ? null : registry.get(tabId) });
    if (tabId !== null) askTab(tabId);
  }

  /**
   * Loads the engine (rules, settings, overlay) into the one frame whose sensor asked: only frames
   * with a claim pay for it. It is one of our own packaged files, never remote code. The answer is
   * the engine's start-up settings, read here while the page is busy: the sensor keeps them for the
   * engine, which then evaluates without waiting for storage (see settings/engine-settings.ts).
   */
  async function loadEngine(tabId: number, frameId: number): Promise<{ settings: EngineSettings }> {
    const settings = await currentEngineSettings();
    browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ENGINE_FILE] }).catch(() => {
      // the frame navigated away or the site's permission was removed meanwhile
    });
    return { settings };
  }

  // Kept from one request to the next until storage changes: a page's sensor asks while the page
  // is loading, and the answer must come before the engine does.
  let engineSettings: Promise<EngineSettings> | undefined;
  const currentEngineSettings = () => (engineSettings ??= readEngineSettings());
  browser.storage.onChanged.addListener(() => {
    engineSettings = undefined;
  });
  void currentEngineSettings();

  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const summary = parseMessage(TabSummaryRequestSchema, message);
    if (summary) return Promise.resolve(countFindings(registry.get(summary.tabId)));
    const tabId = sender.tab?.id;
    if (tabId !== undefined && parseMessage(LoadEngineRequestSchema, message)) {
      return loadEngine(tabId, sender.frameId ?? 0);
    }
    const parsed = parseMessage(ContentMessageSchema, message);
    const state = parsed && frameStateIn(parsed);
    if (!state || tabId === undefined) return undefined;
    registry.update(tabId, sender.frameId ?? 0, state);
    pushToPanels(tabId);
    void updateBadge(tabId);
    for (const [port, watchState] of panels) {
      if (watchState.fixedTabId === null && watchState.tabId === null) void watch(port, null);
    }
    return undefined;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT_NAME || port.sender?.id !== browser.runtime.id) return;
    panels.set(port, { fixedTabId: null, tabId: null });
    port.onDisconnect.addListener(() => panels.delete(port));
    port.onMessage.addListener((message) => {
      const parsed = parseMessage(FromPanelMessageSchema, message);
      if (!parsed) return;
      if (parsed.type === 'watch-tab') void watch(port, parsed.tabId ?? null);
      else {
        const toContent: ToContentMessage = { type: 'focus-line', claimIndex: parsed.claimIndex, line: parsed.line };
        browser.tabs.sendMessage(parsed.tabId, toContent, { frameId: parsed.frameId }).catch(() => {});
      }
    });
  });

  browser.tabs.onActivated.addListener(() => {
    for (const [port, watchState] of panels) if (watchState.fixedTabId === null) void watch(port, null);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    registry.forget(tabId);
    void forgetTicks(tabId).catch(() => {});
    pushToPanels(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A navigation starts afresh: the new page's frames report again once loaded.
    if (change.status === 'loading' && change.url) {
      registry.forget(tabId);
      pushToPanels(tabId);
    }
  });
});

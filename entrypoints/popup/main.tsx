import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type SiteStatus } from '../../components/Popup';
import { parseMessage, TabSummarySchema } from '../../messaging/schemas';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../../rules';
import { activeProfileIdItem, pausedOriginsItem, PausedOriginsSchema, ProfileIdSchema, readValidated } from '../../settings/items';

/** Origins where the content script runs without asking (the demo portal). */
const BUILT_IN_ORIGINS = [/^http:\/\/localhost(:\d+)?$/, /^http:\/\/127\.0\.0\.1(:\d+)?$/];

/** `?tabId=N` targets one tab (the popup opened as a page, e.g. in tests); else the active tab. */
const pinnedTabId = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

async function activeTab() {
  if (pinnedTabId !== undefined) return browser.tabs.get(pinnedTabId).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function App() {
  const [profileId, setProfileId] = useState(DEFAULT_PROFILE_ID);
  const [recovered, setRecovered] = useState(false);
  const [origin, setOrigin] = useState<string | null>(null);
  const [paused, setPaused] = useState<string[]>([]);
  const [counts, setCounts] = useState({ error: 0, warning: 0 });

  useEffect(() => {
    void (async () => {
      const stored = await readValidated(activeProfileIdItem, ProfileIdSchema);
      const known = BUILTIN_PROFILES.some((profile) => profile.id === stored.value);
      setProfileId(known ? stored.value : DEFAULT_PROFILE_ID);
      setRecovered(stored.recovered || !known);
      setPaused((await readValidated(pausedOriginsItem, PausedOriginsSchema)).value);
      const tab = await activeTab();
      if (tab?.id !== undefined) {
        const summary = parseMessage(TabSummarySchema, await browser.runtime.sendMessage({ type: 'tab-summary', tabId: tab.id }).catch(() => null));
        if (summary) setCounts(summary);
      }
      try {
        setOrigin(tab?.url ? new URL(tab.url).origin : null);
      } catch {
        setOrigin(null);
      }
    })();
  }, []);

  const enabled = origin !== null && BUILT_IN_ORIGINS.some((pattern) => pattern.test(origin));
  const status: SiteStatus = !enabled ? 'not-enabled' : paused.includes(origin!) ? 'paused' : 'enabled';

  return (
    <Popup
      profiles={BUILTIN_PROFILES}
      activeProfileId={profileId}
      recovered={recovered}
      site={{ origin, status }}
      counts={counts}
      onSelectProfile={(id) => {
        setProfileId(id);
        setRecovered(false);
        void activeProfileIdItem.setValue(id);
      }}
      onTogglePause={() => {
        if (!origin) return;
        const next = paused.includes(origin) ? paused.filter((o) => o !== origin) : [...paused, origin];
        setPaused(next);
        void pausedOriginsItem.setValue(next);
      }}
      onOpenPanel={async () => {
        const tab = await activeTab();
        const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: object): Promise<void> } } }).chrome?.sidePanel;
        const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
        if (chromeSidePanel && tab?.windowId !== undefined) await chromeSidePanel.open({ windowId: tab.windowId });
        else await firefoxSidebar?.open();
        window.close();
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);

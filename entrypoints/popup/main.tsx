import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type SiteStatus } from '../../components/Popup';
import { localizeDocument } from '../../components/i18n';
import { parseMessage, TabSummarySchema } from '../../messaging/schemas';
import { activeProfileIdItem, pausedOriginsItem, PausedOriginsSchema, readValidated } from '../../settings/items';
import { readManagedPolicy, type ManagedPolicy } from '../../settings/policy';
import {
  chooseActiveProfile,
  customProfilesItem,
  effectiveProfiles,
  readCustomProfiles,
  readProfileChoice,
  type CustomProfiles,
} from '../../settings/profiles';

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
  const [choice, setChoice] = useState<{ id: string | null; recovered: boolean }>({ id: null, recovered: false });
  const [custom, setCustom] = useState<CustomProfiles>({ profiles: [], recovered: false });
  /** null until managed storage answers (seconds right after the browser starts): never waited on. */
  const [policy, setPolicy] = useState<ManagedPolicy | null>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  const [paused, setPaused] = useState<string[]>([]);
  const [counts, setCounts] = useState({ error: 0, warning: 0 });

  useEffect(() => {
    void readManagedPolicy().then(setPolicy);
    const refreshProfiles = async () => setCustom(await readCustomProfiles());
    const unwatchProfiles = customProfilesItem.watch(refreshProfiles);
    void (async () => {
      const [stored] = await Promise.all([readProfileChoice(), refreshProfiles()]);
      setChoice(stored);
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
    return unwatchProfiles;
  }, []);

  const profiles = effectiveProfiles(custom.profiles, policy ?? {});
  const active = chooseActiveProfile(choice.id, profiles, policy ?? {});

  const enabled = origin !== null && BUILT_IN_ORIGINS.some((pattern) => pattern.test(origin));
  const status: SiteStatus = !enabled ? 'not-enabled' : paused.includes(origin!) ? 'paused' : 'enabled';

  return (
    <Popup
      profiles={profiles.map((entry) => entry.profile)}
      activeProfileId={active.id}
      // A stored id no profile has (e.g. a deleted custom one) is reported once policy profiles are known.
      recovered={choice.recovered || (active.fellBack && policy !== null)}
      profilesRecovered={custom.recovered}
      profileLocked={active.locked}
      site={{ origin, status }}
      counts={counts}
      onSelectProfile={(id) => {
        if (active.locked) return;
        setChoice({ id, recovered: false });
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
      onOpenOptions={async () => {
        await browser.runtime.openOptionsPage();
        window.close();
      }}
    />
  );
}

localizeDocument('title_popup');
render(<App />, document.getElementById('app')!);

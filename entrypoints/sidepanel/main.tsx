import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { SidePanel, type FocusTarget } from '../../components/SidePanel';
import { FromPanelMessageSchema, PANEL_PORT_NAME, parseMessage, ToPanelMessageSchema, type TabState } from '../../messaging/schemas';

/** `?tabId=N` pins the panel to one tab (used when the panel is opened as a page); else it follows the active tab. */
const pinnedTabId = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

function App() {
  const [tab, setTab] = useState<TabState | null>(null);
  const [port, setPort] = useState<Browser.runtime.Port | null>(null);

  useEffect(() => {
    let current: Browser.runtime.Port | null = null;
    let closed = false;
    const connect = () => {
      current = browser.runtime.connect({ name: PANEL_PORT_NAME });
      current.onMessage.addListener((message) => {
        const parsed = parseMessage(ToPanelMessageSchema, message);
        if (parsed) setTab(parsed.tab);
      });
      // The service worker may stop; reconnect and ask again for the current state.
      current.onDisconnect.addListener(() => {
        if (!closed) setTimeout(connect, 300);
      });
      current.postMessage({ type: 'watch-tab', tabId: pinnedTabId });
      setPort(current);
    };
    connect();
    return () => {
      closed = true;
      current?.disconnect();
    };
  }, []);

  const focusLine = (target: FocusTarget) => {
    if (!port || !tab) return;
    const message = parseMessage(FromPanelMessageSchema, { type: 'focus-line', tabId: tab.tabId, ...target });
    if (message) port.postMessage(message);
  };

  return <SidePanel tab={tab} onFocusLine={focusLine} />;
}

render(<App />, document.getElementById('app')!);

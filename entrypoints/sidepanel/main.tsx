import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { SidePanel, type FocusTarget } from '../../components/SidePanel';
import { summaryText } from '../../components/summary';
import { localizeDocument, t } from '../../components/i18n';
import * as z from 'zod/mini';
import {
  FromPanelMessageSchema,
  LineFieldsSchema,
  PANEL_PORT_NAME,
  parseMessage,
  ToPanelMessageSchema,
  type FieldAddressMessage,
  type TabState,
  type ToContentMessage,
} from '../../messaging/schemas';
import type { CorrectionRole, LineRule } from '../../settings/corrections';
import { recordCorrection } from '../../settings/record-correction';
import { setDescriptorPack } from '../../components/descriptors';
import { descriptorPackItem, readDescriptorPack } from '../../settings/descriptor-pack';
import { checklistItem, readTicks, toggleTick, type ChecklistTicks } from '../../settings/checklist';

/** `?tabId=N` pins the panel to one tab (used when the panel is opened as a page); else it follows the active tab. */
const pinnedTabId = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

function App() {
  const [tab, setTab] = useState<TabState | null>(null);
  const [port, setPort] = useState<Browser.runtime.Port | null>(null);
  const [ticks, setTicks] = useState<ChecklistTicks>({});
  const [status, setStatus] = useState('');
  const tabId = tab?.tabId;

  // Ticks belong to the tab shown; reload them when it changes (and survive a panel reload).
  useEffect(() => {
    if (tabId === undefined) return;
    void readTicks(tabId).then(setTicks);
    return checklistItem(tabId).watch(() => void readTicks(tabId).then(setTicks));
  }, [tabId]);

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

  const tick = (code: string, itemId: string, checked: boolean) => {
    if (tabId === undefined) return;
    const next = toggleTick(ticks, code, itemId, checked);
    setTicks(next);
    void checklistItem(tabId).setValue(next);
  };

  const copySummary = async () => {
    try {
      await navigator.clipboard.writeText(summaryText(tab, ticks));
      setStatus(t('status_copied'));
    } catch {
      setStatus(t('status_copy_failed'));
    }
  };

  // "This field is…": the page names the line's fields; the correction is saved here, as a recipe.
  const loadLineFields = async ({ frameId, claimIndex, line }: FocusTarget) => {
    if (!tab) return null;
    const request: ToContentMessage = { type: 'line-fields', claimIndex, line };
    const answer: unknown = await browser.tabs.sendMessage(tab.tabId, request, { frameId }).catch(() => null);
    return parseMessage(z.nullable(LineFieldsSchema), answer) ?? null;
  };
  const correct = async (address: FieldAddressMessage, role: CorrectionRole, line: LineRule) => (await recordCorrection(address, role, line)).ok;

  return (
    <SidePanel
      tab={tab}
      ticks={ticks}
      onTick={tick}
      onFocusLine={focusLine}
      onCopySummary={copySummary}
      status={status}
      loadLineFields={loadLineFields}
      onCorrect={correct}
    />
  );
}

localizeDocument('title_panel');
// The licensed descriptor pack, when imported, replaces our summaries; then the panel renders.
void readDescriptorPack().then((pack) => {
  setDescriptorPack(pack);
  render(<App />, document.getElementById('app')!);
});
descriptorPackItem.watch(() => location.reload());

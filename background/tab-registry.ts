import type { FrameState, TabState } from '../messaging/schemas';

/**
 * What each tab's frames last reported (in memory only; code-level state, no patient data).
 * Pure bookkeeping so it can be unit-tested without a browser.
 */
export function createTabRegistry() {
  const tabs = new Map<number, Map<number, FrameState>>();
  let lastUpdatedTab: number | null = null;

  return {
    update(tabId: number, frameId: number, state: FrameState): void {
      let frames = tabs.get(tabId);
      if (!frames) tabs.set(tabId, (frames = new Map()));
      frames.set(frameId, state);
      lastUpdatedTab = tabId;
    },
    forget(tabId: number): void {
      tabs.delete(tabId);
      if (lastUpdatedTab === tabId) lastUpdatedTab = null;
    },
    has(tabId: number): boolean {
      return tabs.has(tabId);
    },
    get(tabId: number): TabState | null {
      const frames = tabs.get(tabId);
      if (!frames) return null;
      return {
        tabId,
        frames: [...frames].sort(([a], [b]) => a - b).map(([frameId, state]) => ({ frameId, state })),
      };
    },
    /** The tab a panel without an explicit tab should show when the active one has nothing. */
    get lastUpdatedTab(): number | null {
      return lastUpdatedTab;
    },
  };
}

/** Error and warning counts over every claim of every frame of a tab. */
export function countFindings(tab: TabState | null): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const { state } of tab?.frames ?? []) {
    for (const claim of state.claims) for (const finding of claim.findings) counts[finding.severity] += 1;
  }
  return counts;
}

import { render } from 'preact';
import { createElement } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { MarkerLayer, type MarkerSeverity, type MarkerView } from '../components/MarkerLayer';
import type { Finding } from '../rules';
import { scrollClips } from './clips';
import { markerPosition } from './geometry';
import './overlay.css';

/** A marker to show: anchored to a portal field, described by its line's findings. */
export interface OverlayMarker {
  key: string;
  anchor: Element;
  severity: MarkerSeverity;
  code: string;
  lineNumber: number;
  findings: readonly Finding[];
}

/** Attribute on our UI host, so detection and the page's own tools can tell it apart. */
export const UI_HOST_ATTRIBUTE = 'data-claimguide-ui';

/**
 * ClaimGuide's single in-page layer: one shadow root appended to <html>, outside the portal's
 * own subtrees (never inside a table cell, form or framework-managed container), zero-sized and
 * fixed, so it cannot change the portal's layout. Markers are positioned over their fields
 * and follow scrolling (window and inner containers) and resizing, batched per animation frame.
 */
export async function createOverlay(ctx: ContentScriptContext, onError: (error: unknown) => void) {
  let markers: OverlayMarker[] = [];
  let openKey: string | null = null;
  let frame = 0;

  const ui = await createShadowRootUi(ctx, {
    name: 'claimguide-layer',
    position: 'inline',
    anchor: () => document.documentElement,
    append: (anchor, host) => anchor.append(host),
    onMount: (container) => container,
  });
  ui.mount();
  const host = ui.shadowHost;
  host.setAttribute(UI_HOST_ATTRIBUTE, '');
  // Re-asserted inline with !important: a portal's own CSS must not move or reveal the host.
  for (const [name, value] of Object.entries({
    position: 'fixed',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    overflow: 'visible',
    'z-index': '2147483647',
    display: 'block',
    margin: '0',
    padding: '0',
    border: '0',
  })) {
    host.style.setProperty(name, value, 'important');
  }

  const resizeObserver = new ResizeObserver(() => schedule());

  function draw(): void {
    frame = 0;
    try {
      const viewport = { top: 0, left: 0, right: window.innerWidth, bottom: window.innerHeight };
      const views: MarkerView[] = markers.map((marker) => {
        const rect = marker.anchor.isConnected ? marker.anchor.getBoundingClientRect() : null;
        const position = rect ? markerPosition(rect, viewport, scrollClips(marker.anchor)) : null;
        return { ...marker, position };
      });
      render(createElement(MarkerLayer, { markers: views, openKey, onToggle }), ui.uiContainer);
    } catch (error) {
      onError(error);
    }
  }

  function schedule(): void {
    if (!frame && !ctx.isInvalid) frame = requestAnimationFrame(draw);
  }

  function onToggle(key: string | null): void {
    openKey = key;
    schedule();
  }

  ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });

  return {
    setMarkers(next: OverlayMarker[]): void {
      resizeObserver.disconnect();
      markers = next;
      for (const marker of markers) resizeObserver.observe(marker.anchor);
      if (openKey && !markers.some((marker) => marker.key === openKey)) openKey = null;
      schedule();
    },
    open(key: string): void {
      onToggle(key);
    },
    destroy(): void {
      resizeObserver.disconnect();
      if (frame) cancelAnimationFrame(frame);
      render(null, ui.uiContainer);
      ui.remove();
    },
  };
}

export type Overlay = Awaited<ReturnType<typeof createOverlay>>;

import { createElement, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { MarkerLayer, type MarkerSeverity, type MarkerView } from '../components/MarkerLayer';
import type { TooltipView } from '../components/Tooltip';
import type { FieldChoice } from '../components/CorrectionPicker';
import type { CorrectionRole } from '../settings/corrections';
import { safeDom, UI_ATTRIBUTE } from '../detection';
import { describeCode, describeModifier, type Finding } from '../rules';
import { scrollClips } from './clips';
import { markerPosition, MARKER_SIZE } from './geometry';
import { wordAtPoint } from './text-at-point';
// Inlined, not a web-accessible file: pages cannot probe for it, and it works on any origin.
import overlayCss from './overlay.css?inline';

/** A marker to show: anchored to a portal field, described by its line's findings. */
export interface OverlayMarker {
  key: string;
  anchor: Element;
  severity: MarkerSeverity;
  code: string;
  lineNumber: number;
  findings: readonly Finding[];
  /** The line's detected fields, for the card's "This field is…" (components/CorrectionPicker.tsx). */
  fields?: readonly FieldChoice[];
}

export interface OverlayUndo {
  anchor: Element;
  label: string;
  undo(): void;
}

export interface OverlayOptions {
  onError(error: unknown): void;
  /** The coder clicked Apply on a finding of a marker's line. */
  onApply(markerKey: string, finding: Finding): void;
  /** The coder said what field `fieldIndex` of a marker's line is (resolves whether it was saved). */
  onCorrect?(markerKey: string, fieldIndex: number, role: CorrectionRole): Promise<boolean>;
}

/** Opens the card of the focused field's line. */
export const CARD_SHORTCUT = { altKey: true, shiftKey: true, code: 'KeyG' } as const;
const HOVER_DELAY_MS = 350;

/**
 * ClaimGuide's single in-page layer: one shadow root appended to <html>, outside the portal's
 * own subtrees (never inside a table cell, form or framework-managed container), zero-sized and
 * fixed, so it cannot change the portal's layout. Markers are positioned over their fields and
 * follow scrolling (window and inner containers) and resizing, redrawn once per animation frame.
 */
export async function createOverlay(ctx: ContentScriptContext, options: OverlayOptions) {
  let markers: OverlayMarker[] = [];
  let openKey: string | null = null;
  let undo: OverlayUndo | null = null;
  let tooltip: TooltipView | null = null;
  let announcement = '';
  let frame = 0;
  let hoverTimer = 0;
  let returnFocusTo: HTMLElement | null = null;

  const ui = await createShadowRootUi(ctx, {
    name: 'claimguide-layer',
    css: overlayCss,
    position: 'inline',
    anchor: () => document.documentElement,
    append: (anchor, host) => anchor.append(host),
    onMount: (container) => container,
  });
  ui.mount();
  const host = ui.shadowHost;
  host.setAttribute(UI_ATTRIBUTE, '');
  // Re-asserted inline with !important: a portal's own CSS must not move or reveal the host.
  for (const [name, value] of Object.entries({
    position: 'fixed', top: '0', left: '0', width: '0', height: '0', overflow: 'visible',
    'z-index': '2147483647', display: 'block', margin: '0', padding: '0', border: '0',
  })) {
    host.style.setProperty(name, value, 'important');
  }

  const resizeObserver = new ResizeObserver(() => schedule());
  const guarded = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      options.onError(error);
    }
  };

  function viewport() {
    return { top: 0, left: 0, right: window.innerWidth, bottom: window.innerHeight };
  }

  function positionOf(anchor: Element) {
    if (!anchor.isConnected) return null;
    return markerPosition(anchor.getBoundingClientRect(), viewport(), scrollClips(anchor));
  }

  const draw = guarded(() => {
    frame = 0;
    const views: MarkerView[] = markers.map((marker) => ({ ...marker, position: positionOf(marker.anchor) }));
    const undoAt = undo ? positionOf(undo.anchor) : null;
    render(
      createElement(MarkerLayer, {
        markers: views,
        openKey,
        onToggle: toggle,
        onApply: (finding: Finding) => openKey && options.onApply(openKey, finding),
        onCorrect: options.onCorrect && ((fieldIndex: number, role: CorrectionRole) => (openKey ? options.onCorrect!(openKey, fieldIndex, role) : false)),
        undo: undo ? { label: undo.label, position: undoAt ? { x: undoAt.x + MARKER_SIZE + 6, y: undoAt.y - 4 } : null } : null,
        onUndo: guarded(() => {
          const current = undo;
          undo = null;
          current?.undo();
          schedule();
        }),
        onDismissUndo: () => {
          undo = null;
          schedule();
        },
        tooltip,
        announcement,
      }),
      ui.uiContainer,
    );
  });

  function schedule(): void {
    if (!frame && !ctx.isInvalid) frame = requestAnimationFrame(draw);
  }

  function toggle(key: string | null): void {
    if (key === null && openKey !== null) {
      // Closing the card returns focus to the field it was opened from.
      const target = returnFocusTo;
      returnFocusTo = null;
      setTimeout(() => target?.focus(), 0);
    }
    openKey = key;
    schedule();
  }

  // Hover lookups: a detected code or modifier field, or a known code written in page text.
  const onPointerMove = guarded((event: MouseEvent) => {
    clearTimeout(hoverTimer);
    if (tooltip) {
      tooltip = null;
      schedule();
    }
    const target = event.composedPath()[0];
    const { clientX: x, clientY: y } = event;
    hoverTimer = window.setTimeout(
      guarded(() => {
        tooltip = lookup(target, x, y);
        if (tooltip) schedule();
      }),
      HOVER_DELAY_MS,
    );
  });

  function lookup(target: EventTarget | undefined, x: number, y: number): TooltipView | null {
    const place = { x: x + 12, y: y + 16 };
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
      const role = target.getAttribute('data-claimguide-role');
      const value = target.value.trim().toUpperCase().split(/[\s,;-]+/)[0] ?? '';
      if (role === 'cpt' && describeCode(value)) return { kind: 'code', value, ...place };
      if (role === 'modifier' && describeModifier(value)) return { kind: 'modifier', value, ...place };
      return null;
    }
    const over = target instanceof Element ? target : undefined;
    if (over?.closest(`[${UI_ATTRIBUTE}]`)) return null;
    const word = wordAtPoint(document, x, y, (candidate) => Boolean(describeCode(candidate)), over);
    return word ? { kind: 'code', value: word, ...place } : null;
  }

  const onKeyDown = guarded((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Esc closes our card and tooltip wherever focus is (the field it came from, or the card).
      if (tooltip) {
        tooltip = null;
        schedule();
      }
      if (openKey !== null) toggle(null);
      return;
    }
    if (event.altKey !== CARD_SHORTCUT.altKey || event.shiftKey !== CARD_SHORTCUT.shiftKey || event.code !== CARD_SHORTCUT.code) return;
    const field = event.composedPath()[0];
    if (!(field instanceof HTMLElement)) return;
    const marker = markers.find((candidate) => candidate.anchor === field) ?? markerOfLine(field);
    if (!marker) return;
    event.preventDefault();
    returnFocusTo = field;
    toggle(marker.key);
  });

  /** The marker of the line a focused field belongs to (any detected field of that line). */
  function markerOfLine(field: HTMLElement): OverlayMarker | undefined {
    const line = field.getAttribute('data-claimguide-line');
    if (line === null) return undefined;
    const form = field.closest('form, table, [role="grid"]');
    return markers.find(
      (marker) => marker.anchor.getAttribute('data-claimguide-line') === line && (!form || safeDom.contains(form, marker.anchor)),
    );
  }

  ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  ctx.addEventListener(document, 'mousemove', onPointerMove as EventListener, { passive: true, capture: true });
  ctx.addEventListener(document, 'keydown', onKeyDown as EventListener, { capture: true });

  return {
    /** Looks up what is under a point now, as a hover there would (the pointer may not move again). */
    hoverAt: guarded((x: number, y: number) => {
      tooltip = lookup(deepElementFromPoint(x, y) ?? undefined, x, y);
      if (tooltip) schedule();
    }),
    setMarkers(next: OverlayMarker[]): void {
      resizeObserver.disconnect();
      markers = next;
      for (const marker of markers) resizeObserver.observe(marker.anchor);
      if (openKey && !markers.some((marker) => marker.key === openKey)) openKey = null;
      if (undo && !undo.anchor.isConnected) undo = null;
      schedule();
    },
    showUndo(next: OverlayUndo | null): void {
      undo = next;
      schedule();
    },
    announce(text: string): void {
      // Re-setting the same text would not be announced again; clear first.
      announcement = '';
      draw();
      announcement = text;
      schedule();
    },
    destroy(): void {
      resizeObserver.disconnect();
      clearTimeout(hoverTimer);
      if (frame) cancelAnimationFrame(frame);
      render(null, ui.uiContainer);
      ui.remove();
    },
  };
}

/** The innermost element at a point, through open shadow roots (ours excluded by lookup). */
function deepElementFromPoint(x: number, y: number): Element | null {
  let element = document.elementFromPoint(x, y);
  for (let depth = 0; element?.shadowRoot && depth < 32; depth++) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}

export type Overlay = Awaited<ReturnType<typeof createOverlay>>;

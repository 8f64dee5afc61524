import { createElement, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ReferenceElement } from '@floating-ui/dom';
import { MarkerLayer, type MarkerView } from '../components/MarkerLayer';
import type { TooltipView } from '../components/Tooltip';
import type { CorrectionRole, LineRule } from '../settings/corrections';
import { safeDom, UI_ATTRIBUTE } from '../detection/dom';
import { describeCode, describeModifier, type Finding } from '../rules';
import { scrollClips } from './clips';
import { float, type Floating } from './floating';
import { markerPosition } from './geometry';
import { keepAttached } from './reattach';
import { wordAtPoint } from './text-at-point';
// Inlined, not a web-accessible file: pages cannot probe for it, and it works on any origin.
import overlayCss from './overlay.css?inline';

/** A marker to show: anchored to a portal field, described by its line's findings (the layer works out where it is). */
export interface OverlayMarker extends Omit<MarkerView, 'position'> {
  anchor: Element;
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
  onCorrect?(markerKey: string, fieldIndex: number, role: CorrectionRole, line: LineRule): Promise<boolean>;
}

type Shortcut = { readonly altKey: boolean; readonly shiftKey: boolean; readonly code: string };
/** Opens (or closes) the card of the focused field's line. */
export const CARD_SHORTCUT: Shortcut = { altKey: true, shiftKey: true, code: 'KeyG' };
/** Undoes the last fix applied, while its notice is shown. */
export const UNDO_SHORTCUT: Shortcut = { altKey: true, shiftKey: true, code: 'KeyZ' };
const HOVER_DELAY_MS = 350;
/** The card may be shortened to this (it scrolls inside) to fit beside the fields rather than over them. */
const CARD_MIN_HEIGHT = 200;
const LAYER_TAG = 'claimguide-layer';

const matches = (event: KeyboardEvent, shortcut: Shortcut) =>
  event.altKey === shortcut.altKey && event.shiftKey === shortcut.shiftKey && !event.ctrlKey && !event.metaKey && event.code === shortcut.code;

/** Keys that only modify others: pressing them is not typing. */
const MODIFIER_KEYS = new Set(['Alt', 'AltGraph', 'Control', 'Meta', 'Shift', 'CapsLock', 'Fn', 'OS']);

/** What can take focus inside the card, in order. */
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * ClaimGuide's single in-page layer: one shadow root appended to <html>, outside the portal's
 * own subtrees (never inside a table cell, form or framework-managed container), zero-sized and
 * fixed, so it cannot change the portal's layout. Markers are positioned over their fields and
 * follow scrolling (window and inner containers) and resizing, redrawn once per animation frame.
 * The card, tooltips and the Undo notice float next to what they belong to, inside the viewport
 * and off the portal's fields (overlay/floating.ts). Removed by the page, the layer comes back
 * (overlay/reattach.ts).
 */
export async function createOverlay(ctx: ContentScriptContext, options: OverlayOptions) {
  let markers: OverlayMarker[] = [];
  let openKey: string | null = null;
  let undo: OverlayUndo | null = null;
  let tooltip: { view: TooltipView; reference: ReferenceElement } | null = null;
  let announcement = '';
  let frame = 0;
  let hoverTimer = 0;
  let returnFocusTo: HTMLElement | null = null;
  const floating: { card: Floating | null; tooltip: Floating | null; undo: Floating | null } = { card: null, tooltip: null, undo: null };

  const ui = await createShadowRootUi(ctx, {
    name: LAYER_TAG,
    css: overlayCss,
    position: 'inline',
    anchor: () => document.documentElement,
    append: (anchor, host) => anchor.append(host),
    onMount: (container) => container,
  });
  ui.mount();
  const host = ui.shadowHost;
  const shadow = ui.shadow;
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

  const attachment = keepAttached(host, {
    setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => performance.now(),
    onError: options.onError,
    onAttached: () => {
      schedule();
      for (const piece of Object.values(floating)) piece?.update();
    },
  });

  function viewport() {
    return { top: 0, left: 0, right: window.innerWidth, bottom: window.innerHeight };
  }

  function positionOf(anchor: Element) {
    if (!anchor.isConnected) return null;
    return markerPosition(anchor.getBoundingClientRect(), viewport(), scrollClips(anchor));
  }

  /** The field the coder is in (through open shadow roots), when it is the page's, not ours. */
  function focusedField(): Element | null {
    let active: Element | null = document.activeElement;
    if (active === host) return null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active && active !== document.body && active !== document.documentElement ? active : null;
  }

  const draw = guarded(() => {
    frame = 0;
    const views: MarkerView[] = markers.map((marker) => ({ ...marker, position: positionOf(marker.anchor) }));
    render(
      createElement(MarkerLayer, {
        markers: views,
        openKey,
        onToggle: (key: string | null) => (key === null ? closeCard(true) : openCard(key, null)),
        onApply: (finding: Finding) => {
          const key = openKey;
          if (!key) return;
          // Focus goes back to the field first, so the notice is placed off the field being edited.
          closeCard(true);
          options.onApply(key, finding);
        },
        onCorrect: options.onCorrect && ((fieldIndex: number, role: CorrectionRole, line: LineRule) => (openKey ? options.onCorrect!(openKey, fieldIndex, role, line) : false)),
        undo: undo ? { label: undo.label, visible: positionOf(undo.anchor) !== null } : null,
        onUndo: runUndo,
        onDismissUndo: () => {
          const wasFocused = shadow.activeElement !== null;
          const field = undo?.anchor;
          undo = null;
          if (wasFocused && field instanceof HTMLElement) field.focus();
          schedule();
        },
        tooltip: tooltip?.view ?? null,
        announcement,
      }),
      ui.uiContainer,
    );
    syncFloating();
  });

  /** Starts, moves or stops the floating placement of the card, the tooltip and the Undo notice. */
  function syncFloating(): void {
    const container = ui.uiContainer;
    const open = markers.find((marker) => marker.key === openKey);
    const keepClear = (...also: Array<Element | null | undefined>) => () =>
      [focusedField() ?? returnFocusTo, ...also].filter((element): element is Element => element instanceof Element);
    sync('card', open?.anchor ?? null, container.querySelector<HTMLElement>('.cg-card'), 'bottom-end', keepClear(open?.anchor), CARD_MIN_HEIGHT);
    sync('tooltip', tooltip?.reference ?? null, container.querySelector<HTMLElement>('.cg-tooltip'), 'bottom-start', () => {
      const reference = tooltip?.reference;
      return keepClear(reference instanceof Element ? reference : reference?.contextElement)();
    });
    sync('undo', undo?.anchor ?? null, container.querySelector<HTMLElement>('.cg-undo'), 'top-end', keepClear(undo?.anchor));
  }

  function sync(
    which: keyof typeof floating,
    reference: ReferenceElement | null,
    element: HTMLElement | null,
    placement: 'bottom-end' | 'bottom-start' | 'top-end',
    keepClear: () => Element[],
    minHeight?: number,
  ): void {
    const current = floating[which];
    if (current && reference && element && current.reference === reference && current.element === element) return;
    current?.stop();
    floating[which] = null;
    if (!reference || !element) return;
    floating[which] = float(reference, element, {
      placement,
      keepClear,
      ...(minHeight ? { minHeight } : {}),
      onError: options.onError,
      onReferenceHidden:
        which === 'tooltip'
          ? () => {
              // A tooltip whose field or word has scrolled away closes.
              tooltip = null;
              schedule();
            }
          : undefined,
    });
  }

  function schedule(): void {
    if (!frame && !ctx.isInvalid) frame = requestAnimationFrame(draw);
  }

  function openCard(key: string, from: HTMLElement | null): void {
    const marker = markers.find((candidate) => candidate.key === key);
    if (!marker) return;
    // Esc returns to the field the card was opened from; from a click, to the line's code field.
    returnFocusTo = from ?? (marker.anchor instanceof HTMLElement ? marker.anchor : null);
    openKey = key;
    tooltip = null;
    draw();
    const card = ui.uiContainer.querySelector<HTMLElement>('.cg-card');
    card?.focus({ preventScroll: true });
  }

  function closeCard(restoreFocus: boolean): void {
    if (openKey === null) return;
    openKey = null;
    const target = returnFocusTo;
    returnFocusTo = null;
    draw();
    if (restoreFocus && target?.isConnected) target.focus({ preventScroll: true });
  }

  const runUndo = guarded(() => {
    const current = undo;
    if (!current) return;
    const fromLayer = shadow.activeElement !== null;
    undo = null;
    current.undo();
    // Undone from the notice's button: focus goes back to the field it changed.
    if (fromLayer && current.anchor instanceof HTMLElement && current.anchor.isConnected) current.anchor.focus({ preventScroll: true });
    schedule();
  });

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

  function lookup(target: EventTarget | undefined, x: number, y: number): typeof tooltip {
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
      const role = target.getAttribute('data-claimguide-role');
      const value = target.value.trim().toUpperCase().split(/[\s,;-]+/)[0] ?? '';
      if (role === 'cpt' && describeCode(value)) return { view: { kind: 'code', value }, reference: target };
      if (role === 'modifier' && describeModifier(value)) return { view: { kind: 'modifier', value }, reference: target };
      return null;
    }
    const over = target instanceof Element ? target : undefined;
    if (!over || over.closest(`[${UI_ATTRIBUTE}]`)) return null;
    const word = wordAtPoint(document, x, y, (candidate) => Boolean(describeCode(candidate)), over);
    return word ? { view: { kind: 'code', value: word }, reference: pointIn(over, x, y) } : null;
  }

  /** Keys from a portal field: the shortcuts, Esc, and typing (which clears our floating pieces off the field). */
  const onKeyDown = guarded((event: KeyboardEvent) => {
    if (event.target === host) return; // ours: handled by onLayerKey
    if (event.key === 'Escape') {
      // Esc closes our card and tooltip (the page still sees the key: it may close its own things).
      if (tooltip) {
        tooltip = null;
        schedule();
      }
      closeCard(true);
      return;
    }
    if (matches(event, UNDO_SHORTCUT) && undo) {
      event.preventDefault();
      event.stopPropagation();
      runUndo();
      return;
    }
    if (matches(event, CARD_SHORTCUT)) {
      const field = event.composedPath()[0];
      if (!(field instanceof HTMLElement)) return;
      const marker = markers.find((candidate) => candidate.anchor === field) ?? markerOfLine(field);
      if (!marker) return;
      event.preventDefault();
      event.stopPropagation();
      if (openKey === marker.key) closeCard(true);
      else openCard(marker.key, field);
      return;
    }
    if (MODIFIER_KEYS.has(event.key)) return;
    // The coder is typing in the page: nothing of ours stays over a field. The Undo notice stays
    // only where it hides none (a page with no free space left it over some).
    if (tooltip) {
      tooltip = null;
      schedule();
    }
    if (openKey !== null) closeCard(false);
    if (undo && (floating.undo?.spot?.coveredCentres ?? 0) > 0) {
      undo = null;
      schedule();
    }
  });

  /**
   * Keys pressed in our layer (the card, a marker, the Undo notice). The sensor stops them before
   * any of the page's listeners (content/sensor.ts): the page never sees a key pressed in our UI,
   * so Enter on Apply cannot submit its form. Default actions (a button's click, Tab) still happen.
   */
  const onLayerKey = guarded((event: KeyboardEvent) => {
    if (event.type !== 'keydown') return;
    const card = ui.uiContainer.querySelector<HTMLElement>('.cg-card');
    const active = shadow.activeElement;
    const inCard = Boolean(card && active && card.contains(active));
    if (event.key === 'Escape' || (matches(event, CARD_SHORTCUT) && inCard)) {
      event.preventDefault();
      if (inCard) closeCard(true);
      else if (tooltip) {
        tooltip = null;
        schedule();
      }
      return;
    }
    if (matches(event, UNDO_SHORTCUT) && undo) {
      event.preventDefault();
      runUndo();
      return;
    }
    if (event.key === 'Tab' && card && inCard) {
      // Tab and Shift+Tab cycle inside the open card.
      const items = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (!items.length) return;
      const at = items.indexOf(active as HTMLElement);
      const next = event.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at < 0 || at === items.length - 1 ? 0 : at + 1;
      event.preventDefault();
      items[next]!.focus();
    }
  });

  /** A press in the page outside our layer closes the card (focus goes where the coder clicked). */
  const onPointerDown = guarded((event: Event) => {
    if (event.target === host || openKey === null) return;
    closeCard(false);
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
  ctx.addEventListener(document, 'pointerdown', onPointerDown, { capture: true, passive: true });

  return {
    /** The layer's host element: key events from it are ours (the sensor keeps them from the page). */
    host,
    /** Handles a key pressed inside the layer (called by the sensor's guard, before the page's listeners). */
    onLayerKey,
    /** Looks up what is under a point now, as a hover there would (the pointer may not move again). */
    hoverAt: guarded((x: number, y: number) => {
      tooltip = lookup(deepElementFromPoint(x, y) ?? undefined, x, y);
      if (tooltip) schedule();
    }),
    setMarkers(next: OverlayMarker[]): void {
      resizeObserver.disconnect();
      markers = next;
      for (const marker of markers) resizeObserver.observe(marker.anchor);
      if (openKey && !markers.some((marker) => marker.key === openKey)) {
        openKey = null;
        returnFocusTo = null;
      }
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
    /** How many times the page removed the layer and it was put back. */
    get reattachments(): number {
      return attachment.reattachments;
    },
    destroy(): void {
      attachment.stop();
      resizeObserver.disconnect();
      clearTimeout(hoverTimer);
      if (frame) cancelAnimationFrame(frame);
      for (const piece of Object.values(floating)) piece?.stop();
      render(null, ui.uiContainer);
      ui.remove();
    },
  };
}

/**
 * A point in page text as a reference that follows scrolling: the pointer's offset inside the
 * element it was over.
 */
function pointIn(element: Element, x: number, y: number): ReferenceElement {
  const start = element.getBoundingClientRect();
  const dx = x - start.left;
  const dy = y - start.top;
  return {
    contextElement: element,
    getBoundingClientRect() {
      const now = element.getBoundingClientRect();
      const left = now.left + dx;
      const top = now.top + dy - 9;
      return { x: left, y: top, left, top, right: left + 1, bottom: top + 18, width: 1, height: 18 };
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

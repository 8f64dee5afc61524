/**
 * Keeps a floating piece of our UI (the card, a tooltip, the Undo notice) next to what it belongs
 * to, fully inside the viewport and off the portal's fields, while the page scrolls and resizes.
 * Floating UI does the positioning (flip to the side that fits, size to the room there, shift into
 * the viewport, autoUpdate on scroll of any ancestor, resize and layout change); `avoidFields`
 * (overlay/placement.ts) then moves it off any portal control it would hide.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type Middleware, type Placement, type ReferenceElement } from '@floating-ui/dom';
import type { Box } from './geometry';
import { findSpot, type Previous, type Spot } from './placement';

/** Margin kept from the viewport's edges, and from the field. */
export const EDGE = 8;
const GAP = 6;
/** The widest a floating piece gets (a tooltip; the card is narrower). */
const MAX_WIDTH = 320;

/** The portal's own controls: what the coder reads and types into. */
const CONTROLS = 'input:not([type="hidden"]), select, textarea, button, [contenteditable=""], [contenteditable="true"]';
/** Most controls measured around the reference (document order), so a 2000-line claim costs the same as 50. */
const MAX_CONTROLS = 1200;
/** How long the list of controls is reused while a piece stays open (the page may add rows). */
const CONTROLS_TTL_MS = 1000;

export interface FloatOptions {
  placement: Placement;
  /** Lowest height it may be shortened to (it scrolls inside) to stay off the fields; none: never shortened. */
  minHeight?: number;
  /** Elements the piece must never overlap (the field being edited); read at each update. */
  keepClear(): readonly Element[];
  /** Called when the reference has left the viewport (scrolled away, hidden, removed). */
  onReferenceHidden?(): void;
  onError(error: unknown): void;
}

export interface Floating {
  readonly reference: ReferenceElement;
  readonly element: HTMLElement;
  /** The latest placement (null before the first). */
  readonly spot: Spot | null;
  update(): void;
  stop(): void;
}

const toBox = (rect: { top: number; left: number; right: number; bottom: number }): Box => ({
  top: rect.top,
  left: rect.left,
  right: rect.right,
  bottom: rect.bottom,
});

function viewportBounds(): Box {
  const width = document.documentElement.clientWidth || window.innerWidth;
  const height = document.documentElement.clientHeight || window.innerHeight;
  return { top: EDGE, left: EDGE, right: Math.max(EDGE, width - EDGE), bottom: Math.max(EDGE, height - EDGE) };
}

/** The portal controls around `near` in document order (and in its shadow root, if any). */
export function controlsAround(near: Element | null): Element[] {
  const root = near?.getRootNode();
  const lists: Element[][] = [[...document.querySelectorAll(CONTROLS)]];
  if (root && root !== document && root instanceof ShadowRoot) lists.push([...root.querySelectorAll(CONTROLS)]);
  const out: Element[] = [];
  for (const all of lists) {
    if (all.length <= MAX_CONTROLS || !near) {
      out.push(...all.slice(0, MAX_CONTROLS));
      continue;
    }
    // Binary search for the reference's place in document order, then a window around it.
    let low = 0;
    let high = all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (all[mid]!.compareDocumentPosition(near) & Node.DOCUMENT_POSITION_FOLLOWING) low = mid + 1;
      else high = mid;
    }
    const start = Math.max(0, Math.min(low - MAX_CONTROLS / 2, all.length - MAX_CONTROLS));
    out.push(...all.slice(start, start + MAX_CONTROLS));
  }
  return out;
}

/** Boxes of the controls that are in view (hidden and zero-sized ones left out). */
function visibleBoxes(elements: readonly Element[], bounds: Box): Box[] {
  const boxes: Box[] = [];
  for (const element of elements) {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) continue;
    if (rect.bottom < bounds.top - EDGE || rect.top > bounds.bottom + EDGE || rect.right < bounds.left - EDGE || rect.left > bounds.right + EDGE) continue;
    boxes.push(toBox(rect));
  }
  return boxes;
}

function isOutOfView(rect: Box): boolean {
  const width = document.documentElement.clientWidth || window.innerWidth;
  const height = document.documentElement.clientHeight || window.innerHeight;
  return rect.right - rect.left <= 0 || rect.bottom <= 0 || rect.top >= height || rect.right <= 0 || rect.left >= width;
}

/**
 * Places `element` (position: fixed, in our shadow root) next to `reference` now and after every
 * scroll, resize or layout change, until `stop()`.
 */
export function float(reference: ReferenceElement, element: HTMLElement, options: FloatOptions): Floating {
  let controls: Element[] = [];
  let controlsAt = -Infinity;
  let previous: Previous | undefined;
  let latest: Spot | null = null;
  let stopped = false;
  let hiddenReported = false;
  const contextElement = reference instanceof Element ? reference : (reference.contextElement ?? null);

  const avoidFields: Middleware = {
    name: 'avoidFields',
    fn(state) {
      const now = performance.now();
      if (now - controlsAt > CONTROLS_TTL_MS) {
        controls = controlsAround(contextElement);
        controlsAt = now;
      }
      const bounds = viewportBounds();
      const referenceBox = rectOf(state.rects.reference);
      const keep = options.keepClear().filter((clear) => clear.isConnected).map((clear) => toBox(clear.getBoundingClientRect()));
      // Its whole height (what a max-height set before may hide): the same at every update, so
      // placing never changes the size it is placed by, and never loops.
      const floatingElement = state.elements.floating;
      const border = floatingElement.offsetHeight - floatingElement.clientHeight;
      const natural = Math.max(state.rects.floating.height, floatingElement.scrollHeight + border);
      const spot = findSpot({
        size: { width: state.rects.floating.width, height: natural },
        bounds,
        reference: referenceBox,
        preferred: { x: state.x, y: state.y },
        obstacles: visibleBoxes(controls, bounds),
        keepClear: keep,
        gap: GAP,
        previous,
        minHeight: options.minHeight,
      });
      floatingElement.style.maxHeight = spot.height < natural ? `${spot.height}px` : '';
      previous = { dx: spot.x - referenceBox.left, dy: spot.y - referenceBox.top, height: spot.height, natural, coveredCentres: spot.coveredCentres };
      latest = spot;
      return { x: spot.x, y: spot.y, data: { coveredCentres: spot.coveredCentres } };
    },
  };

  const update = () => {
    if (stopped) return;
    const rect = toBox(reference.getBoundingClientRect());
    if ((contextElement && !contextElement.isConnected) || isOutOfView(rect)) {
      element.style.visibility = 'hidden';
      if (!hiddenReported) {
        hiddenReported = true;
        options.onReferenceHidden?.();
      }
      return;
    }
    hiddenReported = false;
    computePosition(reference, element, {
      strategy: 'fixed',
      placement: options.placement,
      middleware: [
        offset(GAP),
        flip({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableWidth, elements }) {
            // Never wider than the viewport (its height is set by avoidFields, which may move it).
            elements.floating.style.maxWidth = `min(${MAX_WIDTH}px, ${Math.floor(availableWidth)}px)`;
          },
        }),
        shift({ padding: EDGE }),
        avoidFields,
      ],
    }).then(
      ({ x, y }) => {
        if (stopped) return;
        element.style.left = `${x}px`;
        element.style.top = `${y}px`;
        element.style.visibility = 'visible';
      },
      (error: unknown) => options.onError(error),
    );
  };

  element.style.visibility = 'hidden';
  const cleanup = autoUpdate(reference, element, () => {
    try {
      update();
    } catch (error) {
      options.onError(error);
    }
  });

  return {
    reference,
    element,
    get spot() {
      return latest;
    },
    update,
    stop() {
      stopped = true;
      cleanup();
    },
  };
}

function rectOf(rect: { x: number; y: number; width: number; height: number }): Box {
  return { left: rect.x, top: rect.y, right: rect.x + rect.width, bottom: rect.y + rect.height };
}

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { correctionFor, reasonsFor, watchClaims, type ClaimWatcher, type DetectedClaim, type PageCorrections } from '../detection';
import { answerContextMenu, locateField, watchCorrections } from './corrections';
import { SENSOR_KEY, sensorOf, type ClaimListener, type LayerKeys, type PointerPlace, type Sensor, type SensorDetection } from './protocol';
import { wordAtPoint } from '../overlay/text-at-point';
import type { LoadEngineRequest } from '../messaging/schemas';
import { CATALOG_CODE_IDS } from '../rules/catalog/code-ids';

/**
 * The always-on part of ClaimGuide in a frame: it watches the page for claims and nothing else.
 * It writes nothing to the page and reads one setting: the coder's corrections for this site
 * (content/corrections.ts), which detection applies before its heuristics. When a claim appears
 * (or the pointer rests on a code the catalog describes), it asks the background to load the
 * engine into this frame: rules, settings, markers and cards, which read the claims from here and
 * ask this script about fields (the protocol: content/protocol.ts).
 */
export type { ClaimListener, LayerKeys, PointerPlace, Sensor, SensorDetection } from './protocol';
export { SENSOR_KEY, sensorOf } from './protocol';

/** The codes the catalog describes; the engine looks up what each means. */
const DESCRIBED_CODES = new Set(CATALOG_CODE_IDS);

/** Longest wait, once the page is parsed, for its load event before the first scan starts anyway (ms). */
const LOAD_WAIT_MAX_MS = 1000;

/** How long the pointer rests on a code before the engine is loaded to describe it. */
const HOVER_REST_MS = 150;

export function startSensor(ctx: ContentScriptContext, onError: (error: unknown) => void): Sensor {
  const listeners = new Set<ClaimListener>();
  let claims: readonly DetectedClaim[] = [];
  let engineRequested = false;
  let engineAttached = false;
  let layerKeys: LayerKeys | null = null;
  let engineAnswer: unknown;
  let pendingAnswer: Promise<unknown> | undefined;
  let scanned = false;
  let lastPointer: PointerPlace | null = null;
  const notePointer = (event: Event) => {
    const { clientX, clientY } = event as PointerEvent;
    lastPointer = { x: clientX, y: clientY, at: performance.now() };
  };

  const requestEngine = () => {
    if (engineRequested || ctx.isInvalid) return;
    engineRequested = true;
    const request: LoadEngineRequest = { type: 'load-engine' };
    pendingAnswer = browser.runtime.sendMessage(request).then(
      (answer: unknown) => (engineAnswer = answer),
      () => {
        engineRequested = false; // the worker was not listening yet: ask again on the next change
        return undefined;
      },
    );
  };

  let watcher: ClaimWatcher | undefined;
  // The coder's corrections for this site: read at once (well before the load event the first scan
  // waits for); when they come later, or change, the page is watched again with them.
  let corrections: PageCorrections = [];
  let stopWatcher: AbortController | undefined;
  watchCorrections(
    ctx,
    (next) => {
      corrections = next;
      if (!watcher) return;
      stopWatcher?.abort();
      watcher = undefined;
      beginWatching();
    },
    onError,
  );
  answerContextMenu(ctx, onError);
  const beginWatching = () => {
    if (watcher || ctx.isInvalid) return;
    const stop = (stopWatcher = new AbortController());
    ctx.signal.addEventListener('abort', () => stop.abort(), { once: true });
    watcher = watchClaims(document, {
      signal: stop.signal,
      corrections,
      onError,
      // A long first scan: the engine loads while the rest of the page is read.
      onProcedureField: requestEngine,
      onChange(next, change, values) {
        claims = next;
        scanned = true;
        if (next.length) requestEngine();
        for (const listener of listeners) {
          try {
            listener(next, change, values);
          } catch (error) {
            onError(error);
          }
        }
      },
    });
  };
  // The first scan of a long claim takes the main thread for a while: it waits for the page's own
  // load event (Chrome fires it only after such work, however it is sliced), or, for a page whose
  // images or frames keep loading, a moment after it is parsed.
  if (document.readyState === 'complete') beginWatching();
  else {
    ctx.addEventListener(window, 'load', () => ctx.setTimeout(beginWatching, 0), { once: true });
    const afterParsing = () => ctx.setTimeout(beginWatching, LOAD_WAIT_MAX_MS);
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', afterParsing, { once: true });
    else afterParsing();
  }

  // A code written in the page (a claim history, a remittance): load the engine to describe it when
  // the pointer rests on it. Only the word under the pointer counts, as the engine's own lookup.
  let restTimer = 0;
  const onPointerMove = (event: Event) => {
    if (engineAttached || engineRequested) return;
    notePointer(event);
    const over = event.composedPath()[0];
    clearTimeout(restTimer);
    restTimer = ctx.setTimeout(() => {
      try {
        const place = lastPointer;
        const known = (word: string) => DESCRIBED_CODES.has(word);
        if (place && wordAtPoint(document, place.x, place.y, known, over instanceof Element ? over : undefined)) requestEngine();
      } catch (error) {
        onError(error);
      }
    }, HOVER_REST_MS);
  };
  ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true, capture: true });

  // Keys pressed in our UI are ours alone. Registered on the window's capture phase at
  // document_start, before any page script can listen, so this runs first: the page's listeners
  // (capture or bubble, on window, document or <html>) never see them, and Enter on our Apply can
  // never submit the portal's form. The browser's default actions (a button's click, Tab) remain.
  // A key pressed in our UI whose press moved focus back to the page (Apply, Esc) is released
  // there: that release is ours too.
  const pressedInLayer = new Set<string>();
  const guardLayerKeys = (event: Event) => {
    const layer = layerKeys;
    if (!layer) return;
    const { code, type } = event as KeyboardEvent;
    // (At the window, the browser retargets an event from our shadow root to its host.)
    if (event.target !== layer.host && !event.composedPath().includes(layer.host)) {
      if (type === 'keyup' && pressedInLayer.delete(code)) event.stopImmediatePropagation();
      return;
    }
    event.stopImmediatePropagation();
    if (type === 'keydown') pressedInLayer.add(code);
    else if (type === 'keyup') pressedInLayer.delete(code);
    try {
      layer.onKey(event as KeyboardEvent);
    } catch (error) {
      onError(error);
    }
  };
  for (const type of ['keydown', 'keypress', 'keyup']) ctx.addEventListener(window, type, guardLayerKeys, { capture: true });

  const detection: SensorDetection = {
    locate: locateField,
    isCorrected: (element) => corrections.length > 0 && correctionFor(element, corrections) !== undefined,
    reasonsFor,
  };
  const sensor: Sensor = {
    ctx,
    get claims() {
      return claims;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rescan: () => watcher?.rescan(),
    get lastPointer() {
      return lastPointer;
    },
    attachEngine() {
      if (engineAttached || ctx.isInvalid) return false;
      engineAttached = true;
      return true;
    },
    get engineAnswer() {
      return engineAnswer;
    },
    engineAnswered: () => pendingAnswer ?? Promise.resolve(undefined),
    get scanned() {
      return scanned;
    },
    setLayerKeys(keys) {
      layerKeys = keys;
    },
    get corrections() {
      return corrections;
    },
    detection,
  };
  (globalThis as { [SENSOR_KEY]?: Sensor })[SENSOR_KEY] = sensor;
  ctx.onInvalidated(() => {
    listeners.clear();
    if (sensorOf(globalThis) === sensor) delete (globalThis as { [SENSOR_KEY]?: Sensor })[SENSOR_KEY];
  });
  return sensor;
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClaimChange, DetectedClaim, FieldAddress, FieldElement, FieldReason, FieldValues, PageCorrections } from '../detection';

/**
 * How the two content scripts of a frame meet. Types only, plus the one lookup the engine uses:
 * the engine's bundle carries none of detection's evidence, vocabulary or scoring. (Reading a
 * detected claim's values into the claim model, detection/read.ts, is small and pure: the engine
 * does that itself.)
 *
 * 1. The **sensor** (content/sensor.ts, the manifest's content script) starts at `document_start`
 *    in every frame of an enabled site and publishes a {@link Sensor} under {@link SENSOR_KEY} on
 *    this isolated world's global object.
 * 2. After the page's load event it scans. When a procedure-code field appears (or the pointer
 *    rests on a code the catalog describes) it sends the background a `load-engine` request
 *    (messaging/schemas.ts).
 * 3. The background injects `engine.js` into this frame and answers the request with the engine's
 *    start-up settings ({@link Sensor.engineAnswer}, validated by the engine: settings/engine-settings.ts).
 * 4. The **engine** (entrypoints/engine.ts → content/main.ts) finds the sensor with {@link sensorOf},
 *    claims it once with {@link Sensor.attachEngine}, follows its claims with
 *    {@link Sensor.subscribe}, and asks it about fields through {@link Sensor.detection}.
 * 5. Once the engine's layer exists it hands the sensor its key handler ({@link Sensor.setLayerKeys}),
 *    which the sensor calls from the listeners it registered before any page script could.
 */
export interface Sensor {
  ctx: ContentScriptContext;
  /** The claims found by the latest scan. */
  readonly claims: readonly DetectedClaim[];
  /** Calls `listener` after every scan that changed the claims or their values (with what changed, when known). */
  subscribe(listener: ClaimListener): () => void;
  /** Scans the whole page again now and reports (nothing before the first scan has started). */
  rescan(): void;
  /** Where the pointer last was (and when, `performance.now()`), so a hover that woke the engine is still answered. */
  readonly lastPointer: PointerPlace | null;
  /** True the first time it is called: the engine that gets true runs; a second injection does nothing. */
  attachEngine(): boolean;
  /** The background's answer when asked for the engine (its start-up settings), kept as is for the engine to validate. */
  readonly engineAnswer: unknown;
  /** That answer once it has come (undefined when the request failed, or none was made). */
  engineAnswered(): Promise<unknown>;
  /** True once the first scan has reported (its claims may be none). */
  readonly scanned: boolean;
  /** The coder's corrections for this site that detection applies (content/corrections.ts). */
  readonly corrections: PageCorrections;
  /** Detection's answers about fields, from the sensor's own code. */
  readonly detection: SensorDetection;
  /**
   * Key events from `keys.host` (our shadow root: the card, a marker) go to `keys.onKey` and never
   * reach the page's own listeners; null stops that.
   */
  setLayerKeys(keys: LayerKeys | null): void;
}

/** What the engine asks of detection about the fields the sensor found: what needs its evidence or the coder's recipes. */
export interface SensorDetection {
  /** Where a field is, for a recipe: this frame's origin and the field's address in the markup (never its value). */
  locate(element: Element): FieldAddress & { origin: string };
  /** Whether one of the coder's recipes, not the heuristics, gave the field its role. */
  isCorrected(element: Element): boolean;
  /** The two or three strongest reasons for the field's role, read on request. */
  reasonsFor(element: FieldElement): FieldReason[];
}

export interface LayerKeys {
  host: Element;
  onKey(event: KeyboardEvent): void;
}

/** `values`: every detected field's value, when the scan has just read them all (valid during the call only). */
export type ClaimListener = (claims: readonly DetectedClaim[], change?: ClaimChange, values?: FieldValues) => void;

export interface PointerPlace {
  x: number;
  y: number;
  at: number;
}

/** Where the sensor is kept for the engine: both run in this frame's isolated world, not the page's. */
export const SENSOR_KEY = Symbol.for('claimguide.sensor');

export function sensorOf(scope: object): Sensor | undefined {
  return (scope as { [SENSOR_KEY]?: Sensor })[SENSOR_KEY];
}

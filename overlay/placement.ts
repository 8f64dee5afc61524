/**
 * Where a floating piece of our UI (the card, a tooltip, the Undo notice) may go without getting
 * in the coder's way: pure maths over boxes, so it is tested without a layout engine. Floating UI
 * (overlay/floating.ts) supplies the preferred spot next to the field and follows scrolling; this
 * decides whether that spot is acceptable, and finds a better one when it is not.
 */
import type { Box } from './geometry';

export interface Size {
  width: number;
  height: number;
}

export interface SpotRequest {
  size: Size;
  /** Where the piece must stay, entirely (the viewport less a margin). */
  bounds: Box;
  /** What it belongs to (a field, a word): it stays near it. */
  reference: Box;
  /** The spot Floating UI chose next to the reference (flip, shift): kept when it hides nothing. */
  preferred: { x: number; y: number };
  /** The portal's controls in view: covering one's centre hides what the coder reads or types. */
  obstacles: readonly Box[];
  /** Never overlapped at all: the field being edited (and the reference itself). */
  keepClear: readonly Box[];
  /** Distance kept from the reference and from the boxes it steps around. */
  gap: number;
  /** The previous placement: kept while the page scrolls, as long as it hides no more than then. */
  previous?: Previous | undefined;
  /**
   * Lowest height the piece may be given (it scrolls inside) to fit a free space; its own height
   * when absent (a tooltip).
   */
  minHeight?: number | undefined;
}

/** A placement relative to its reference, and what it was made for. */
export interface Previous {
  dx: number;
  dy: number;
  height: number;
  /** The piece's own height then: when its content changes, it is placed afresh. */
  natural: number;
  coveredCentres: number;
}

export interface Spot {
  x: number;
  y: number;
  /** The height it was placed with: lower than its own when it was shortened to fit a free space. */
  height: number;
  /** How many obstacles' centres it covers (0 unless the bounds leave no free space). */
  coveredCentres: number;
  /** How many obstacles it overlaps at all. */
  touched: number;
  /** Whether it overlaps a keep-clear box (only when nothing else fits). */
  overKeepClear: boolean;
}

/** Most candidate lines tried on each axis (nearest the reference first), to bound the work. */
const MAX_LINES = 32;

export const boxAt = (x: number, y: number, size: Size): Box => ({ left: x, top: y, right: x + size.width, bottom: y + size.height });

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const centreInside = (outer: Box, inner: Box) => {
  const x = (inner.left + inner.right) / 2;
  const y = (inner.top + inner.bottom) / 2;
  return x >= outer.left && x <= outer.right && y >= outer.top && y <= outer.bottom;
};

/** Gap between two boxes (0 when they touch or overlap). */
function distance(a: Box, b: Box): number {
  const dx = Math.max(0, b.left - a.right, a.left - b.right);
  const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
  return Math.hypot(dx, dy);
}

/**
 * Candidate coordinates on one axis: clamped into the bounds, rounded, de-duplicated; every one of
 * `fixed` (the preferred spot, beside the reference, the bounds' edges), then the obstacles' edges
 * nearest `near` up to MAX_LINES in all.
 */
function lines(fixed: number[], edges: number[], min: number, max: number, near: number): number[] {
  const clamp = (value: number) => Math.round(Math.min(Math.max(value, min), Math.max(min, max)));
  const seen = new Set<number>();
  const out: number[] = [];
  const add = (value: number) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push(value);
  };
  for (const value of fixed) add(clamp(value));
  const rest = edges.map(clamp).sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  for (const value of rest) {
    if (out.length >= MAX_LINES) break;
    add(value);
  }
  return out;
}

/**
 * The spot for a floating box of `size`: always inside `bounds`; never over a keep-clear box
 * when any spot avoids it; then covering the fewest obstacle centres, then overlapping the
 * fewest obstacles, then nearest the reference. While the page scrolls, the preferred spot is
 * taken when it hides nothing, else the previous one while it hides no more than when it was
 * chosen: the piece does not jump about, and a scroll costs two looks, not a search.
 */
export function findSpot(request: SpotRequest): Spot {
  const height = Math.min(request.size.height, request.bounds.bottom - request.bounds.top);
  const scorer = createScorer(request);
  const preferred = scorer.spot(request.preferred.x, request.preferred.y, height);
  if (preferred.touched === 0 && !preferred.overKeepClear) return preferred;
  const previous = request.previous;
  if (previous && previous.natural === request.size.height) {
    const kept = scorer.spot(request.reference.left + previous.dx, request.reference.top + previous.dy, Math.min(previous.height, height));
    if (!kept.overKeepClear && kept.coveredCentres <= previous.coveredCentres) return kept;
  }
  const first = search(request, scorer, height);
  const minHeight = Math.min(request.minHeight ?? height, height);
  if ((first.coveredCentres === 0 && !first.overKeepClear) || minHeight >= height) return first;
  // Nothing free at full height: shortened, it may fit beside the fields (the tallest that hides
  // no field's centre: it stays readable, at most over a field's edge), or at least hide fewer.
  let best = first;
  for (const shorter of [0.75, 0.5, 0.35].map((part) => Math.round(height * part)).concat(minHeight)) {
    if (shorter < minHeight || shorter >= height) continue;
    const spot = search(request, scorer, shorter);
    if (spot.coveredCentres === 0 && !spot.overKeepClear) return spot;
    if (isBetter([Number(spot.overKeepClear), spot.coveredCentres], [Number(best.overKeepClear), best.coveredCentres])) best = spot;
  }
  return best;
}

type Key = readonly [overKeepClear: number, centres: number, touched: number, distance: number];

/** Scores boxes against the obstacles (sorted by top, so a box looks only at the rows it spans). */
function createScorer(request: SpotRequest) {
  const { bounds, reference, keepClear } = request;
  const width = Math.min(request.size.width, bounds.right - bounds.left);
  const obstacles = [...request.obstacles].sort((a, b) => a.top - b.top);
  const tallest = obstacles.reduce((most, o) => Math.max(most, o.bottom - o.top), 0);
  const clamp = (value: number, min: number, max: number) => Math.round(Math.min(Math.max(value, min), Math.max(min, max)));

  /** The key of a box, or null as soon as it is known to be worse than `than`. */
  function key(box: Box, than?: Key): Key | null {
    const overKeepClear = keepClear.some((clear) => overlaps(box, clear)) ? 1 : 0;
    if (than && overKeepClear > than[0]) return null;
    const limit = than && overKeepClear === than[0] ? than[1] : Infinity;
    let centres = 0;
    let touched = 0;
    // The first obstacle that may reach down into the box.
    let low = 0;
    let high = obstacles.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (obstacles[mid]!.top < box.top - tallest) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < obstacles.length && obstacles[i]!.top < box.bottom; i++) {
      const obstacle = obstacles[i]!;
      if (!overlaps(box, obstacle)) continue;
      touched++;
      if (centreInside(box, obstacle) && ++centres > limit) return null;
    }
    return [overKeepClear, centres, touched, Math.round(distance(box, reference))];
  }

  return {
    width,
    obstacles,
    key,
    spot(x: number, y: number, height: number): Spot {
      const at = { x: clamp(x, bounds.left, bounds.right - width), y: clamp(y, bounds.top, bounds.bottom - height) };
      return spotOf(at.x, at.y, height, key(boxAt(at.x, at.y, { width, height }))!);
    },
  };
}

const spotOf = (x: number, y: number, height: number, key: Key): Spot => ({
  x,
  y,
  height,
  coveredCentres: key[1],
  touched: key[2],
  overKeepClear: key[0] === 1,
});

/** The best spot of one height among lines along the reference, the bounds and the obstacles' edges. */
function search(request: SpotRequest, scorer: ReturnType<typeof createScorer>, height: number): Spot {
  const { bounds, reference, gap, keepClear, preferred } = request;
  const { width, obstacles } = scorer;
  const size = { width, height };
  const maxX = bounds.right - width;
  const maxY = bounds.bottom - height;
  const xs = lines(
    [preferred.x, reference.left, reference.right - width, reference.right + gap, reference.left - gap - width, bounds.left, maxX],
    [...obstacles, ...keepClear].flatMap((o) => [o.right + gap, o.left - gap - width]),
    bounds.left,
    maxX,
    (reference.left + reference.right - width) / 2,
  );
  const ys = lines(
    [preferred.y, reference.bottom + gap, reference.top - gap - height, reference.top, bounds.top, maxY],
    [...obstacles, ...keepClear].flatMap((o) => [o.bottom + gap, o.top - gap - height]),
    bounds.top,
    maxY,
    (reference.top + reference.bottom - height) / 2,
  );
  let best: { x: number; y: number; key: Key } | null = null;
  for (const y of ys) {
    for (const x of xs) {
      const key = scorer.key(boxAt(x, y, size), best?.key);
      if (key && (!best || isBetter(key, best.key))) best = { x, y, key };
    }
    // Nothing beats a spot that overlaps nothing and keeps the gap to the reference.
    if (best && best.key[0] === 0 && best.key[2] === 0 && best.key[3] <= gap) break;
  }
  return spotOf(best!.x, best!.y, height, best!.key);
}

function isBetter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return false;
}

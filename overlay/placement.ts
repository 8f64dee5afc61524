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
  /** The spot of the previous placement relative to the reference: kept while it stays as good. */
  previous?: { dx: number; dy: number } | undefined;
  /**
   * Lowest height the piece may be given (it scrolls inside) to fit a free space; its own height
   * when absent (a tooltip).
   */
  minHeight?: number | undefined;
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
const MAX_LINES = 48;

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

/** Candidate coordinates on one axis: clamped into the bounds, rounded, nearest `near` first, de-duplicated. */
function lines(values: number[], min: number, max: number, near: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const clamped = values.map((value) => Math.round(Math.min(Math.max(value, min), Math.max(min, max))));
  // The first values are the preferred ones: keep them first, the rest nearest the reference first.
  const [head, tail] = [clamped.slice(0, 2), clamped.slice(2).sort((a, b) => Math.abs(a - near) - Math.abs(b - near))];
  for (const value of [...head, ...tail]) {
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(value);
    if (out.length >= MAX_LINES) break;
  }
  return out;
}

/**
 * The spot for a floating box of `size`: always inside `bounds`; never over a keep-clear box
 * when any spot avoids it; then covering the fewest obstacle centres, then overlapping the
 * fewest obstacles, then nearest the reference. The preferred spot (then the previous one) wins
 * ties, so the piece does not jump about while the page scrolls.
 */
export function findSpot(request: SpotRequest): Spot {
  const height = Math.min(request.size.height, request.bounds.bottom - request.bounds.top);
  const first = spotOfHeight(request, height);
  const minHeight = Math.min(request.minHeight ?? height, height);
  if ((first.coveredCentres === 0 && !first.overKeepClear) || minHeight >= height) return first;
  // Nothing free at full height: shortened, it may fit beside the fields (the tallest that hides
  // no field's centre: it stays readable, at most over a field's edge), or at least hide fewer.
  const spots = [first];
  for (const shorter of [0.8, 0.65, 0.5, 0.4, 0.3].map((part) => Math.round(height * part)).concat(minHeight)) {
    if (shorter >= minHeight && shorter < height) spots.push(spotOfHeight(request, shorter));
  }
  const unhidden = spots.find((spot) => spot.coveredCentres === 0 && !spot.overKeepClear);
  if (unhidden) return unhidden;
  let best = first;
  for (const spot of spots) {
    if (isBetter([Number(spot.overKeepClear), spot.coveredCentres], [Number(best.overKeepClear), best.coveredCentres])) best = spot;
  }
  return best;
}

function spotOfHeight(request: SpotRequest, height: number): Spot {
  const { bounds, reference, gap, obstacles, keepClear, preferred, previous } = request;
  const size = { width: Math.min(request.size.width, bounds.right - bounds.left), height };
  const maxX = bounds.right - size.width;
  const maxY = bounds.bottom - size.height;

  const score = (x: number, y: number) => {
    const box = boxAt(x, y, size);
    let centres = 0;
    let touched = 0;
    for (const obstacle of obstacles) {
      if (!overlaps(box, obstacle)) continue;
      touched++;
      if (centreInside(box, obstacle)) centres++;
    }
    const overKeepClear = keepClear.some((clear) => overlaps(box, clear));
    return [overKeepClear ? 1 : 0, centres, touched, Math.round(distance(box, reference))] as const;
  };

  const first: Array<[number, number]> = [[preferred.x, preferred.y]];
  if (previous) first.push([reference.left + previous.dx, reference.top + previous.dy]);
  const xs = lines(
    [
      ...first.map(([x]) => x),
      reference.left,
      reference.right - size.width,
      reference.right + gap,
      reference.left - gap - size.width,
      bounds.left,
      maxX,
      ...obstacles.flatMap((o) => [o.right + gap, o.left - gap - size.width]),
      ...keepClear.flatMap((o) => [o.right + gap, o.left - gap - size.width]),
    ],
    bounds.left,
    maxX,
    (reference.left + reference.right - size.width) / 2,
  );
  const ys = lines(
    [
      ...first.map(([, y]) => y),
      reference.bottom + gap,
      reference.top - gap - size.height,
      reference.top,
      bounds.top,
      maxY,
      ...obstacles.flatMap((o) => [o.bottom + gap, o.top - gap - size.height]),
      ...keepClear.flatMap((o) => [o.bottom + gap, o.top - gap - size.height]),
    ],
    bounds.top,
    maxY,
    (reference.top + reference.bottom - size.height) / 2,
  );

  const clampX = (x: number) => Math.round(Math.min(Math.max(x, bounds.left), Math.max(bounds.left, maxX)));
  const clampY = (y: number) => Math.round(Math.min(Math.max(y, bounds.top), Math.max(bounds.top, maxY)));
  const candidates: Array<[number, number]> = first.map(([x, y]) => [clampX(x), clampY(y)]);
  for (const y of ys) for (const x of xs) candidates.push([x, y]);

  const clean = (key: readonly number[]) => key[0] === 0 && key[1] === 0 && key[2] === 0;
  const spotOf = (x: number, y: number, key: readonly number[]): Spot => ({ x, y, height, coveredCentres: key[1]!, touched: key[2]!, overKeepClear: key[0] === 1 });
  // The preferred spot, then the previous one, are kept whenever they hide nothing at all.
  for (const [x, y] of candidates.slice(0, first.length)) {
    const key = score(x, y);
    if (clean(key)) return spotOf(x, y, key);
  }
  let best: { x: number; y: number; key: readonly number[] } | null = null;
  for (const [x, y] of candidates) {
    const key = score(x, y);
    if (!best || isBetter(key, best.key)) best = { x, y, key };
    // Nothing beats a spot that overlaps nothing and keeps the gap to the reference.
    if (clean(best.key) && best.key[3]! <= gap) break;
  }
  return spotOf(best!.x, best!.y, best!.key);
}

function isBetter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return false;
}

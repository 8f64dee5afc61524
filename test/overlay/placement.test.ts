import fc from 'fast-check';
import type { Box } from '../../overlay/geometry';
import { boxAt, findSpot, type SpotRequest } from '../../overlay/placement';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });
const bounds = box(8, 8, 984, 784); // a 1000 × 800 viewport less 8 px
const centreIn = (outer: Box, inner: Box) => {
  const x = (inner.left + inner.right) / 2;
  const y = (inner.top + inner.bottom) / 2;
  return x >= outer.left && x <= outer.right && y >= outer.top && y <= outer.bottom;
};
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A table of inputs: `rows` rows of `columns` fields, 100 × 24 px, 30 px apart, from (x, y). */
function grid(x: number, y: number, rows: number, columns: number): Box[] {
  const boxes: Box[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) boxes.push(box(x + c * 110, y + r * 30, 100, 24));
  return boxes;
}

const request = (overrides: Partial<SpotRequest>): SpotRequest => ({
  size: { width: 300, height: 200 },
  bounds,
  reference: box(400, 400, 100, 24),
  preferred: { x: 200, y: 430 },
  obstacles: [],
  keepClear: [],
  gap: 6,
  ...overrides,
});

describe('findSpot', () => {
  it("keeps Floating UI's preferred spot when it hides nothing", () => {
    const spot = findSpot(request({ keepClear: [box(400, 400, 100, 24)] }));
    expect(spot).toMatchObject({ x: 200, y: 430, coveredCentres: 0, overKeepClear: false });
  });

  it('moves off the rows below a field to free space beside the table, covering no field centre', () => {
    const fields = grid(20, 300, 10, 5); // x 20–560, y 300–594
    const reference = fields[5 * 4 + 2]!; // line 5, third column
    const spot = findSpot(request({ reference, preferred: { x: reference.right - 300, y: reference.bottom + 6 }, obstacles: fields, keepClear: [reference] }));
    const placed = boxAt(spot.x, spot.y, { width: 300, height: 200 });
    expect(spot.coveredCentres).toBe(0);
    expect(fields.some((field) => centreIn(placed, field))).toBe(false);
    expect(overlaps(placed, reference)).toBe(false);
  });

  it('shortens a tall piece to fit a free space rather than covering fields, down to its minimum height', () => {
    const fields = [...grid(8, 200, 20, 9)]; // everything below y = 200 is fields; free band 8–194
    const reference = fields[9 * 9 + 4]!;
    const tall = request({ size: { width: 300, height: 500 }, reference, preferred: { x: reference.left, y: reference.bottom + 6 }, obstacles: fields, keepClear: [reference], minHeight: 150 });
    const spot = findSpot(tall);
    expect(spot.coveredCentres).toBe(0);
    expect(spot.height).toBeLessThan(500);
    expect(spot.height).toBeGreaterThanOrEqual(150);
    expect(spot.y + spot.height).toBeLessThanOrEqual(212); // above the first row's centres
    // Without a minimum height it is never shortened.
    expect(findSpot({ ...tall, minHeight: undefined }).height).toBe(500);
  });

  it('where fields fill the whole viewport, stays inside, off the field being edited, hiding as few as it can', () => {
    const fields = grid(8, 8, 26, 9);
    const reference = fields[24 * 9 + 3]!;
    const edited = fields[24 * 9 + 4]!;
    const spot = findSpot(request({ size: { width: 300, height: 600 }, reference, preferred: { x: reference.left, y: 600 }, obstacles: fields, keepClear: [reference, edited], minHeight: 200 }));
    const placed = boxAt(spot.x, spot.y, { width: 300, height: spot.height });
    expect(spot.overKeepClear).toBe(false);
    expect(overlaps(placed, edited)).toBe(false);
    expect(spot.height).toBe(200);
    expect(placed.bottom).toBeLessThanOrEqual(bounds.bottom);
  });

  it('keeps its previous spot relative to the reference while it hides no more than then (no jumping while scrolling)', () => {
    const reference = box(400, 300, 100, 24);
    const previous = { dx: 150, dy: 40, height: 200, natural: 200, coveredCentres: 0 };
    const spot = findSpot(request({ reference, preferred: { x: 100, y: 100 }, obstacles: [box(100, 100, 80, 24)], previous }));
    expect(spot).toMatchObject({ x: 550, y: 340 });
    // A field scrolled in under it: placed afresh, off that field.
    const under = box(600, 400, 80, 24);
    const moved = findSpot(request({ reference, preferred: { x: 100, y: 100 }, obstacles: [box(100, 100, 80, 24), under], previous }));
    expect(moved).not.toMatchObject({ x: 550, y: 340 });
    expect(moved.coveredCentres).toBe(0);
    // Its content changed (another height): placed afresh.
    expect(findSpot(request({ reference, preferred: { x: 100, y: 100 }, obstacles: [box(100, 100, 80, 24)], previous: { ...previous, natural: 260 } }))).not.toMatchObject({ x: 550, y: 340 });
  });

  it('is always fully inside the bounds and never over a keep-clear box when a free spot exists (property)', () => {
    const boxArb = fc.record({ x: fc.integer({ min: -200, max: 1100 }), y: fc.integer({ min: -200, max: 900 }), w: fc.integer({ min: 10, max: 200 }), h: fc.integer({ min: 10, max: 40 }) })
      .map(({ x, y, w, h }) => box(x, y, w, h));
    fc.assert(
      fc.property(
        fc.array(boxArb, { maxLength: 40 }),
        boxArb,
        fc.integer({ min: 40, max: 700 }),
        fc.integer({ min: 60, max: 400 }),
        (obstacles, reference, height, width) => {
          const spot = findSpot(request({ size: { width, height }, reference, obstacles, keepClear: [reference], preferred: { x: reference.left, y: reference.bottom + 6 } }));
          const placed = boxAt(spot.x, spot.y, { width, height: spot.height });
          expect(placed.left).toBeGreaterThanOrEqual(bounds.left);
          expect(placed.top).toBeGreaterThanOrEqual(bounds.top);
          expect(placed.right).toBeLessThanOrEqual(bounds.right);
          expect(placed.bottom).toBeLessThanOrEqual(bounds.bottom);
          // The reference is at most 200 × 40: a 400 × 700 piece always has room beside it in 984 × 784.
          expect(spot.overKeepClear).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

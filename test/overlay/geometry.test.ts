import { intersect, MARKER_SIZE, markerPosition } from '../../overlay/geometry';

const viewport = { top: 0, left: 0, right: 1000, bottom: 800 };
const box = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height });

describe('marker placement', () => {
  it('puts the marker inside the right end of the field, vertically centred', () => {
    expect(markerPosition(box(100, 200, 80, 24), viewport, [])).toEqual({ x: 180 - MARKER_SIZE - 2, y: 204 });
  });

  it.each([
    ['a hidden field (no box)', box(0, 0, 0, 0), []],
    ['a field scrolled above the viewport', box(100, -60, 80, 24), []],
    ['a field below the viewport', box(100, 900, 80, 24), []],
    ['a field scrolled out of an inner container', box(100, 500, 80, 24), [box(0, 0, 1000, 400)]],
  ])('hides the marker for %s', (_name, field, clips) => {
    expect(markerPosition(field, viewport, clips)).toBeNull();
  });

  it('keeps the marker while the field is inside every clip', () => {
    expect(markerPosition(box(100, 100, 80, 24), viewport, [box(0, 0, 1000, 400), box(50, 50, 500, 300)])).not.toBeNull();
  });

  it('intersects boxes and returns null when they do not overlap', () => {
    expect(intersect(box(0, 0, 10, 10), box(5, 5, 10, 10))).toEqual({ left: 5, top: 5, right: 10, bottom: 10 });
    expect(intersect(box(0, 0, 10, 10), box(20, 20, 5, 5))).toBeNull();
  });
});

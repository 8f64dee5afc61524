/** Pure placement maths for the overlay, so it can be tested without a layout engine. */

export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export const MARKER_SIZE = 16;

/** Intersection of two boxes, or null when they do not overlap. */
export function intersect(a: Box, b: Box): Box | null {
  const box = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return box.right > box.left && box.bottom > box.top ? box : null;
}

/**
 * Where a marker goes for a field: inside the field's right end, vertically centred.
 * Null when the field has no box (hidden) or is scrolled out of the viewport or of any
 * scrolling ancestor (`clips`).
 */
export function markerPosition(field: Box, viewport: Box, clips: readonly Box[]): { x: number; y: number } | null {
  if (field.right - field.left <= 0 || field.bottom - field.top <= 0) return null;
  let visible: Box | null = intersect(field, viewport);
  for (const clip of clips) {
    if (!visible) break;
    visible = intersect(visible, clip);
  }
  if (!visible) return null;
  const height = field.bottom - field.top;
  const x = field.right - MARKER_SIZE - 2;
  const y = field.top + (height - MARKER_SIZE) / 2;
  const centre = { x: x + MARKER_SIZE / 2, y: y + MARKER_SIZE / 2 };
  // Hide the marker when its own centre is clipped: a half-visible marker would float over other content.
  if (centre.x < visible.left || centre.x > visible.right || centre.y < visible.top || centre.y > visible.bottom) return null;
  return { x, y };
}

import { composedParent } from '../detection/dom';
import type { Box } from './geometry';

/** The boxes of the scrolling ancestors of an element, across shadow roots, innermost first. */
export function scrollClips(element: Element): Box[] {
  const clips: Box[] = [];
  // composedParent reads through the prototypes: a portal <form> with an <input name="parentElement">
  // would otherwise send this walk round in a circle.
  let node: Element | null = composedParent(element);
  for (let depth = 0; node && node !== document.documentElement && node !== document.body && depth < 256; depth++) {
    const style = getComputedStyle(node);
    if (/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) {
      const rect = node.getBoundingClientRect();
      clips.push({ top: rect.top, left: rect.left, right: rect.right, bottom: rect.bottom });
    }
    node = composedParent(node);
  }
  return clips;
}

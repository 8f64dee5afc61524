import type { Box } from './geometry';

/** The boxes of the scrolling ancestors of an element, across shadow roots, innermost first. */
export function scrollClips(element: Element): Box[] {
  const clips: Box[] = [];
  let node: Element | null = parentAcrossShadow(element);
  while (node && node !== document.documentElement && node !== document.body) {
    const style = getComputedStyle(node);
    if (/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) {
      const rect = node.getBoundingClientRect();
      clips.push({ top: rect.top, left: rect.left, right: rect.right, bottom: rect.bottom });
    }
    node = parentAcrossShadow(node);
  }
  return clips;
}

function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

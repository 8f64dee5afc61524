import type { FieldElement } from './types';
import { MAX_TEXT } from './text';

/** Attribute on ClaimGuide's own UI hosts; nothing under it is ever a portal field. */
export const UI_ATTRIBUTE = 'data-claimguide-ui';

export const FIELD_SELECTOR = 'input, select, textarea';

/** Input types a claim value can be typed into. */
const TEXT_TYPES = new Set(['', 'text', 'number', 'tel', 'date', 'datetime-local', 'month', 'search']);

export function isFieldElement(node: unknown): node is FieldElement {
  if (!node || typeof node !== 'object' || (node as Node).nodeType !== 1) return false;
  const tag = (node as Element).localName;
  return tag === 'input' || tag === 'select' || tag === 'textarea';
}

/** A field whose kind can hold claim data at all (text-like inputs, selects, textareas). */
export function isCandidateKind(element: FieldElement): boolean {
  if (element.localName !== 'input') return true;
  const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
  return TEXT_TYPES.has(type);
}

export function isShadowRoot(node: Node | null | undefined): node is ShadowRoot {
  return !!node && node.nodeType === 11 && 'host' in node && !!(node as ShadowRoot).host;
}

/** Parent across shadow boundaries: a shadow root's parent is its host. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 1) return parent as Element;
  if (isShadowRoot(parent)) return parent.host;
  return null;
}

const UI_SELECTOR = `[${UI_ATTRIBUTE}]`;
const HIDDEN_SELECTOR =
  '[hidden], [aria-hidden="true"], [inert], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"], [style*="visibility: hidden"]';
/** In the field's own tree: hidden by markup, a header cell, or our UI. */
const EXCLUDED_IN_TREE = `${HIDDEN_SELECTOR}, thead, [role="columnheader"], ${UI_SELECTOR}`;
/** On the hosts of the shadow trees around it: only the cheap attribute checks, and our UI. */
const EXCLUDED_AROUND = `[hidden], [aria-hidden="true"], [inert], [style*="display:none"], [style*="display: none"], ${UI_SELECTOR}`;

/**
 * True when markup rules the field out before any evidence is read: a light-DOM ancestor hides
 * it by attribute or inline style, it sits in a table header, or it is inside ClaimGuide's own UI.
 * This runs for every field on the page: fields of one row share ancestors, so the verdict above
 * the field's cell, and around its shadow tree, is kept in `memo` for the rest of the scan.
 */
export function isExcludedByMarkup(element: Element, memo: Map<Node, boolean> = new Map()): boolean {
  if (element.matches(EXCLUDED_IN_TREE)) return true;
  const parent = element.parentElement;
  if (parent) {
    if (parent.matches(EXCLUDED_IN_TREE)) return true;
    const above = parent.parentElement;
    if (above) {
      let excluded = memo.get(above);
      if (excluded === undefined) memo.set(above, (excluded = above.closest(EXCLUDED_IN_TREE) !== null));
      if (excluded) return true;
    }
  }
  const root = element.getRootNode();
  if (!isShadowRoot(root)) return false;
  let excluded = memo.get(root);
  if (excluded === undefined) {
    excluded = false;
    let tree: Node = root;
    for (let guard = 0; isShadowRoot(tree) && guard < 64 && !excluded; guard++) {
      excluded = tree.host.closest(EXCLUDED_AROUND) !== null;
      tree = tree.host.getRootNode();
    }
    memo.set(root, excluded);
  }
  return excluded;
}

const SKIP_TEXT = new Set(['select', 'option', 'optgroup', 'textarea', 'script', 'style', 'template', 'button', 'input', 'datalist', 'noscript', 'svg']);

/** Visible-ish text of a node without its controls' contents, capped at MAX_TEXT characters. */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  let length = 0;
  const walk = (current: Node, depth: number): void => {
    if (length > MAX_TEXT || depth > 12) return;
    for (let child = current.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        length += value.length;
        if (length > MAX_TEXT) return;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (SKIP_TEXT.has(element.localName)) continue;
        if (element.getAttribute('aria-hidden') === 'true') continue;
        walk(element, depth + 1);
      }
    }
  };
  if (node.nodeType === 3) return (node.nodeValue ?? '').slice(0, MAX_TEXT);
  walk(node, 0);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

/** Computed visibility where the engine offers it cheaply (style only, no layout). */
export function isRenderedByStyle(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  try {
    return check.call(element, { visibilityProperty: true });
  } catch {
    return true;
  }
}

export type ScanRoot = Document | ShadowRoot | Element;

/**
 * Every open shadow root at or below `root`, at any depth, skipping our own UI.
 * (One pass over the elements; used on the first scan and for added subtrees.)
 */
export function findShadowRoots(root: ScanRoot, into: ShadowRoot[] = [], pendingHosts?: Set<Element>): ShadowRoot[] {
  const consider = (element: Element): void => {
    const shadow = element.shadowRoot;
    if (shadow) {
      if (element.closest(UI_SELECTOR)) return; // our own UI
      into.push(shadow);
      visit(shadow, null);
    } else if (pendingHosts && element.localName.includes('-')) {
      pendingHosts.add(element);
    }
  };
  // One pass over every element: only `shadowRoot` is read for most of them.
  const visit = (scope: ParentNode, self: Element | null): void => {
    if (self) consider(self);
    const all = scope.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) consider(all[i]!);
  };
  if (isShadowRoot(root)) visit(root, null);
  else if (root.nodeType === 9) visit(root as Document, null);
  else visit(root as Element, root as Element);
  return into;
}

/** The fields of one tree (not descending into shadow roots), in tree order. */
export function fieldsIn(scope: ParentNode, self?: Element): FieldElement[] {
  const out: FieldElement[] = [];
  if (self && isFieldElement(self)) out.push(self);
  const list = scope.querySelectorAll<FieldElement>(FIELD_SELECTOR);
  for (let i = 0; i < list.length; i++) out.push(list[i]!);
  return out;
}

/**
 * All fields at or below `root` and in the given shadow roots, in composed document order:
 * a shadow tree's fields sit where its host is.
 */
export function collectFields(root: ScanRoot, shadowRoots: readonly ShadowRoot[]): FieldElement[] {
  const base = isShadowRoot(root) || root.nodeType === 9 ? fieldsIn(root as ParentNode) : fieldsIn(root as Element, root as Element);
  if (shadowRoots.length === 0) return base;
  // Merge each shadow tree's list into its host tree's list at the host position.
  const lists = new Map<Node, FieldElement[]>();
  lists.set(isShadowRoot(root) || root.nodeType === 9 ? root : (root as Element).getRootNode(), base);
  const connected = shadowRoots.filter((shadow) => shadow.host.isConnected || !(root as Node).isConnected);
  for (const shadow of connected) lists.set(shadow, fieldsIn(shadow));
  // Deepest first, so a nested tree is merged into its parent tree before that one is merged.
  const depth = (node: Node): number => {
    let d = 0;
    let current: Node = node;
    while (isShadowRoot(current)) {
      d++;
      current = current.host.getRootNode();
    }
    return d;
  };
  const ordered = [...connected].sort((a, b) => depth(b) - depth(a));
  for (const shadow of ordered) {
    const own = lists.get(shadow) ?? [];
    const parentTree = shadow.host.getRootNode();
    const target = lists.get(parentTree);
    if (!target || own.length === 0) continue;
    const at = insertionIndex(target, shadow.host);
    target.splice(at, 0, ...own);
  }
  return base;
}

/** Index of the first field that follows `host` in tree order (binary search). */
function insertionIndex(list: readonly FieldElement[], host: Element): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const node = list[mid]!;
    // Fields of nested trees already merged into this list live in other trees; compare their hosts.
    const comparable = hostInTree(node, host.getRootNode());
    if (!comparable || comparable === host) {
      low = mid + 1;
      continue;
    }
    const position = host.compareDocumentPosition(comparable);
    if (position & 16 /* inside the host's light DOM: after its shadow tree */) high = mid;
    else if (position & 2 /* PRECEDING */) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The node itself, or the shadow host in `tree` that contains it. */
function hostInTree(node: Node, tree: Node): Node | null {
  let current: Node = node;
  for (let guard = 0; guard < 64; guard++) {
    const root = current.getRootNode();
    if (root === tree) return current;
    if (!isShadowRoot(root)) return null;
    current = root.host;
  }
  return null;
}

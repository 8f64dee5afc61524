import type { FieldElement } from './types';
import { MAX_TEXT } from './text';

/** Attribute on ClaimGuide's own UI hosts; nothing under it is ever a portal field. */
export const UI_ATTRIBUTE = 'data-claimguide-ui';

export const FIELD_SELECTOR = 'input, select, textarea';
/** What holds one claim: each form (or role=form) is its own (see group.ts). */
export const CLAIM_SCOPE = 'form, [role="form"]';

/**
 * DOM reads through the prototypes' own accessors, for any element that may be a <form>.
 * A form's controls are also properties of the form object: <input name="parentNode"> makes
 * `form.parentNode` that input, <input name="closest"> makes `form.closest` no function ("DOM
 * clobbering"). And Chromium answers each property read on a form by first searching its named
 * controls, a table it rebuilds after every DOM change: 1–2 ms on a form of 5,500 fields.
 * These prototypes are our isolated world's own: the page cannot replace them.
 */
function getterOf<T>(prototype: object | undefined, name: string): (target: object) => T | undefined {
  for (let proto: object | null = prototype ?? null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (get) {
      return (target) => {
        try {
          return get.call(target) as T;
        } catch {
          return undefined; // not that kind of object (the window in an event path, a fragment)
        }
      };
    }
  }
  return (target) => (target as Record<string, T | undefined>)[name]; // a DOM that keeps it as an own field
}
const ElementProto = typeof Element === 'undefined' ? undefined : Element.prototype;
const NodeProto = typeof Node === 'undefined' ? undefined : Node.prototype;
const readParentNode = getterOf<(Node & ParentNode) | null>(NodeProto, 'parentNode');
const readParentElement = getterOf<Element | null>(NodeProto, 'parentElement');
const readNodeType = getterOf<number>(NodeProto, 'nodeType');
const readLocalName = getterOf<string>(ElementProto, 'localName');
const readId = getterOf<string>(ElementProto, 'id');
const readShadowRoot = getterOf<ShadowRoot | null>(ElementProto, 'shadowRoot');
const readHost = getterOf<Element | null>(typeof ShadowRoot === 'undefined' ? undefined : ShadowRoot.prototype, 'host');
const readOwnerDocument = getterOf<Document | null>(NodeProto, 'ownerDocument');
const readFirstChild = getterOf<ChildNode | null>(NodeProto, 'firstChild');
const readNextSibling = getterOf<ChildNode | null>(NodeProto, 'nextSibling');
const readPreviousElementSibling = getterOf<Element | null>(ElementProto, 'previousElementSibling');
const readFirstElementChild = getterOf<Element | null>(ElementProto, 'firstElementChild');
const readNextElementSibling = getterOf<Element | null>(ElementProto, 'nextElementSibling');
const readChildElementCount = getterOf<number>(ElementProto, 'childElementCount');

/**
 * The query methods of the scope's own interface. A document is clobbered too (an
 * <img name="querySelectorAll"> replaces `document.querySelectorAll`), so none is read off the object.
 */
function queryMethodsOf(scope: ParentNode): { all: ParentNode['querySelectorAll']; first: ParentNode['querySelector'] } {
  const type = readNodeType(scope);
  const proto: ParentNode | undefined =
    type === 1 ? ElementProto : type === 9 ? globalThis.Document?.prototype : type === 11 ? globalThis.DocumentFragment?.prototype : undefined;
  const methods = proto ?? scope; // a DOM that keeps them elsewhere
  return { all: methods.querySelectorAll, first: methods.querySelector };
}

export const safeDom = {
  parentNode: readParentNode,
  nodeType: readNodeType,
  localName: readLocalName,
  id: readId,
  shadowRoot: readShadowRoot,
  ownerDocument: readOwnerDocument,
  previousElementSibling: readPreviousElementSibling,
  firstElementChild: readFirstElementChild,
  nextElementSibling: readNextElementSibling,
  childElementCount: readChildElementCount,
  parentElement(node: Node): Element | null {
    return readParentElement(node) ?? null;
  },
  closest(element: Element, selector: string): Element | null {
    return ElementProto!.closest.call(element, selector);
  },
  matches(element: Element, selector: string): boolean {
    return ElementProto!.matches.call(element, selector);
  },
  getAttribute(element: Element, name: string): string | null {
    return ElementProto!.getAttribute.call(element, name);
  },
  hasAttribute(element: Element, name: string): boolean {
    return ElementProto!.hasAttribute.call(element, name);
  },
  contains(container: Node, node: Node): boolean {
    return NodeProto!.contains.call(container, node);
  },
  /** querySelectorAll of an element, a document or a shadow root. */
  queryAll<E extends Element = Element>(scope: ParentNode, selector: string): NodeListOf<E> {
    return queryMethodsOf(scope).all.call(scope, selector) as NodeListOf<E>;
  },
  /** querySelector of an element, a document or a shadow root: the first match only. */
  query(scope: ParentNode, selector: string): Element | null {
    return queryMethodsOf(scope).first.call(scope, selector);
  },
  getRootNode(node: Node): Node {
    return NodeProto!.getRootNode.call(node);
  },
};

/** Input types a claim value can be typed into. */
const TEXT_TYPES = new Set(['', 'text', 'number', 'tel', 'date', 'datetime-local', 'month', 'search']);

export function isFieldElement(node: unknown): node is FieldElement {
  if (!node || typeof node !== 'object' || readNodeType(node) !== 1) return false;
  const tag = readLocalName(node);
  return tag === 'input' || tag === 'select' || tag === 'textarea';
}

/** A field whose kind can hold claim data at all (text-like inputs, selects, textareas). */
export function isCandidateKind(element: FieldElement): boolean {
  if (element.localName !== 'input') return true;
  const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
  return TEXT_TYPES.has(type);
}

export function isShadowRoot(node: Node | null | undefined): node is ShadowRoot {
  return !!node && readNodeType(node) === 11 && 'host' in node && !!readHost(node);
}

/** Parent across shadow boundaries: a shadow root's parent is its host. Safe on forms. */
export function composedParent(node: Node): Element | null {
  // Mostly an element: one read. Else a shadow root (its host), a document or a fragment (none).
  const element = readParentElement(node);
  if (element) return element;
  const parent = readParentNode(node);
  if (!parent || readNodeType(parent) !== 11) return null;
  return readHost(parent) ?? null; // null for a document fragment
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
    // The parent and above may be a <form>: read through safeDom.
    if (safeDom.matches(parent, EXCLUDED_IN_TREE)) return true;
    const above = safeDom.parentElement(parent);
    if (above) {
      let excluded = memo.get(above);
      if (excluded === undefined) memo.set(above, (excluded = safeDom.closest(above, EXCLUDED_IN_TREE) !== null));
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
    // (Any element here may be a <form>: safeDom.)
    for (let child = readFirstChild(current); child; child = readNextSibling(child)) {
      const type = readNodeType(child);
      if (type === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        length += value.length;
        if (length > MAX_TEXT) return;
      } else if (type === 1) {
        const element = child as Element;
        if (SKIP_TEXT.has(readLocalName(element) ?? '')) continue;
        if (safeDom.getAttribute(element, 'aria-hidden') === 'true') continue;
        walk(element, depth + 1);
      }
    }
  };
  if (readNodeType(node) === 3) return (node.nodeValue ?? '').slice(0, MAX_TEXT);
  walk(node, 0);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

const VISIBILITY_OPTIONS = Object.freeze({ visibilityProperty: true });

/** Computed visibility where the engine offers it cheaply (style only, no layout). */
export function isRenderedByStyle(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  try {
    return check.call(element, VISIBILITY_OPTIONS);
  } catch {
    return true;
  }
}

export type ScanRoot = Document | ShadowRoot | Element;

/**
 * Elements that may have a shadow root. `attachShadow` accepts only custom elements and article,
 * aside, blockquote, body, div, footer, h1–h6, header, main, nav, p, section and span (DOM §4.9),
 * so the common elements of a claim grid (cells, rows, fields, options…) are left out natively:
 * on a 500-line claim that is most of the page.
 */
const MAY_HOST_SHADOW = `:not(${[
  // The most common elements of a claim first: each element is checked against the list in order.
  'input', 'td', 'tr', 'option', 'label', 'select', 'th', 'textarea', 'button',
  'html', 'head', 'meta', 'link', 'style', 'script', 'noscript', 'template', 'slot', 'title', 'br', 'hr', 'img', 'a',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot',
  'form', 'fieldset', 'legend', 'optgroup', 'datalist', 'output',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'b', 'i', 'u', 's', 'em', 'strong', 'small', 'sub', 'sup', 'abbr', 'code', 'pre', 'time',
  'iframe', 'svg', 'path', 'details', 'summary', 'dialog', 'figure', 'figcaption', 'address',
].join(',')})`;

/**
 * Every open shadow root at or below `root`, at any depth, skipping our own UI.
 * (One pass over the elements; used on the first scan and for added subtrees.)
 */
export function findShadowRoots(root: ScanRoot, into: ShadowRoot[] = [], pendingHosts?: Set<Element>): ShadowRoot[] {
  const consider = (element: Element): void => {
    const shadow = readShadowRoot(element);
    if (shadow) {
      if (safeDom.closest(element, UI_SELECTOR)) return; // our own UI
      into.push(shadow);
      visit(shadow, null);
    } else if (pendingHosts && readLocalName(element)?.includes('-')) {
      pendingHosts.add(element);
    }
  };
  // One pass over the elements that can host a shadow root: only `shadowRoot` is read for each.
  const visit = (scope: ParentNode, self: Element | null): void => {
    if (self) consider(self);
    const all = safeDom.queryAll(scope, MAY_HOST_SHADOW);
    for (let i = 0; i < all.length; i++) consider(all[i]!);
  };
  if (isShadowRoot(root)) visit(root, null);
  else if (readNodeType(root) === 9) visit(root as Document, null);
  else visit(root as Element, root as Element);
  return into;
}

/** The fields of one tree (not descending into shadow roots), in tree order. */
export function fieldsIn(scope: ParentNode, self?: Element): FieldElement[] {
  const out: FieldElement[] = [];
  if (self && isFieldElement(self)) out.push(self);
  const list = safeDom.queryAll<FieldElement>(scope, FIELD_SELECTOR);
  for (let i = 0; i < list.length; i++) out.push(list[i]!);
  return out;
}

/**
 * All fields at or below `root` and in the given shadow roots, in composed document order:
 * a shadow tree's fields sit where its host is.
 */
export function collectFields(root: ScanRoot, shadowRoots: readonly ShadowRoot[]): FieldElement[] {
  const base = isShadowRoot(root) || readNodeType(root) === 9 ? fieldsIn(root as ParentNode) : fieldsIn(root as Element, root as Element);
  if (shadowRoots.length === 0) return base;
  // Merge each shadow tree's list into its host tree's list at the host position.
  const lists = new Map<Node, FieldElement[]>();
  lists.set(isShadowRoot(root) || readNodeType(root) === 9 ? root : safeDom.getRootNode(root), base);
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

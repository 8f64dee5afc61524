/**
 * collect: everything the page says about one candidate field, read into one plain record.
 * No scoring here (that is `score.ts`): this file only reads the DOM, and never writes to it.
 */
import { CLAIM_SCOPE, FIELD_SELECTOR, isFieldElement, safeDom, textOf } from './dom';
import { headerTexts, type HeaderCache } from './headers';
import { MAX_TEXT } from './text';
import type { FieldElement, FieldRole } from './types';
import { MODIFIER_CODES, VOCABULARIES } from './vocabulary';

/** Where a piece of evidence came from (each kind has its own trust: see SOURCE_WEIGHT in score.ts). */
export const SOURCE_KINDS = [
  'label', 'labelledby', 'aria-label', 'title', 'placeholder', 'name', 'header', 'header-upper',
  'left', 'context', 'section', 'options', 'shape', 'autocomplete',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A text the page shows or writes for the field, and where it came from. */
export interface EvidenceText {
  kind: 'label' | 'labelledby' | 'aria-label' | 'title' | 'placeholder' | 'left';
  text: string;
}

/** One field's evidence: a plain record, the only input of `scoreEvidence`. */
export interface FieldEvidence {
  /** The input's `type`, lower case ('' for selects and textareas without one). */
  type: string;
  /** The field's own texts, in this order: labels, aria-labelledby, aria-label, title, placeholder, left text. */
  texts: EvidenceText[];
  /** The `name` and `id` attributes ('' when absent). */
  name: string;
  id: string;
  /** Column header texts above the field, nearest (lowest) row first. */
  headers: string[];
  /** Fieldset legend or labelled group around the field. */
  context: string;
  /** The heading of the section the field's table or group sits in ("Diagnoses", "Service lines"). */
  section: string;
  /** What a <select>'s options choose between. */
  options: Partial<Record<FieldRole, number>> | null;
  /** What the field's type, placeholder and current value look like (never the value itself). */
  shape: Partial<Record<FieldRole, number>> | null;
  /** The `autocomplete` tokens, lower case. */
  autocomplete: string;
  /** `maxlength`, when the page sets one. */
  maxLength: number | null;
  /** Ids whose text this record read (aria-labelledby, label[for]), for invalidation. */
  dependsOnIds: string[];
}

/** Per-scan memos the collector shares between fields. */
export interface CollectMemo {
  labelsFor: Map<Node, Map<string, Element[]>>;
  headers: HeaderCache;
  sections: Map<Element, string>;
}

/**
 * Reads the evidence for one field. `labels` receives the label elements read (a verdict reused
 * for a repeated row must know whether they repeat with it).
 */
export function collectEvidence(element: FieldElement, memo: CollectMemo, labels: Element[] = []): FieldEvidence {
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  const texts: EvidenceText[] = [];
  const dependsOnIds: string[] = [];
  const add = (kind: EvidenceText['kind'], text: string | null | undefined) => {
    if (text && text.trim()) texts.push({ kind, text });
  };

  for (const label of labelsOf(element, memo, dependsOnIds)) {
    labels.push(label);
    add('label', textOf(label));
  }
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) add('labelledby', textOfIds(element, labelledBy, 8, dependsOnIds));
  add('aria-label', element.getAttribute('aria-label'));
  add('title', element.getAttribute('title'));
  const placeholder = element.getAttribute('placeholder');
  add('placeholder', placeholder);
  // Text just before the field (old portals: <td>CPT:</td><td><input></td>), when nothing labels it.
  if (labels.length === 0 && !labelledBy) add('left', leftText(element));

  return {
    type,
    texts,
    name: element.getAttribute('name') ?? '',
    id: element.getAttribute('id') ?? '',
    headers: headerTexts(element, memo.headers, textOf),
    context: contextText(element, dependsOnIds),
    section: sectionHeading(element, memo.sections),
    options: element.localName === 'select' ? optionEvidence(element as HTMLSelectElement) : null,
    shape: shapeEvidence(type, placeholder, valueOf(element)),
    autocomplete: (element.getAttribute('autocomplete') ?? '').toLowerCase(),
    maxLength: maxLengthOf(element),
    dependsOnIds,
  };
}

/** "Line 3", "Línea 3", "Row 3" in a text. */
const STATED_LINE = /\b(?:line|l[ií]nea|ln|row|fila|rengl[oó]n)\s*(?:no\.?|#)?\s*(\d{1,3})\b/i;

/**
 * The line number a field's own words state ("45. SERVICE DATE, Line 3" in its title, aria-label,
 * placeholder or wrapping label), as written; undefined when they state none. Read only where
 * lines must come from numbers (flat layouts).
 */
export function statedLineOf(element: Element): number | undefined {
  for (const attribute of ['aria-label', 'title', 'placeholder']) {
    const found = STATED_LINE.exec(safeDom.getAttribute(element, attribute) ?? '');
    if (found) return Number(found[1]);
  }
  const label = safeDom.closest(element, 'label');
  const found = label ? STATED_LINE.exec(textOf(label)) : null;
  return found ? Number(found[1]) : undefined;
}

function maxLengthOf(element: FieldElement): number | null {
  const text = element.getAttribute('maxlength');
  return text && /^\d{1,5}$/.test(text) ? Number(text) : null;
}

function byId(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot | Element;
  if ('getElementById' in root && typeof root.getElementById === 'function') return root.getElementById(id);
  try {
    return (root as Element).querySelector(`#${CSS.escape(id)}`);
  } catch {
    return null;
  }
}

function labelsOf(element: FieldElement, memo: CollectMemo, dependsOnIds: string[]): Element[] {
  const out: Element[] = [];
  const wrapping = element.closest('label');
  if (wrapping && (!wrapping.getAttribute('for') || wrapping.getAttribute('for') === element.id)) out.push(wrapping);
  const id = element.id;
  if (id) {
    dependsOnIds.push(id);
    for (const label of labelsForMap(element, memo).get(id) ?? []) if (!out.includes(label)) out.push(label);
  }
  return out;
}

/** The `label[for]` elements of the field's tree by the id they name (built once per tree and scan). */
export function labelsForMap(element: FieldElement, memo: Pick<CollectMemo, 'labelsFor'>): Map<string, Element[]> {
  const root = element.getRootNode();
  let map = memo.labelsFor.get(root);
  if (!map) {
    map = new Map();
    const all = (root as ParentNode).querySelectorAll?.('label[for]') ?? [];
    for (const label of Array.from(all)) {
      const target = label.getAttribute('for') ?? '';
      const list = map.get(target) ?? [];
      list.push(label);
      map.set(target, list);
    }
    memo.labelsFor.set(root, map);
  }
  return map;
}

/** Text right before the field in its container, or in the previous cell when the field is alone in its cell. */
function leftText(element: Element): string {
  const parts: string[] = [];
  let length = 0;
  let node: Node | null = element.previousSibling;
  while (node && length < 80) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isFieldElement(el) || el.localName === 'label' || el.localName === 'br' || holdsField(el)) break;
      const text = textOf(el);
      parts.unshift(text);
      length += text.length;
    } else if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').trim();
      if (text) {
        parts.unshift(text);
        length += text.length;
      }
    }
    node = node.previousSibling;
  }
  const direct = parts.join(' ').trim();
  if (direct) return direct.slice(0, MAX_TEXT);
  // The parent may be the <form> itself, its neighbours anything: safeDom.
  const parent = element.parentElement;
  if (!parent || !isOnlyFieldIn(parent, element)) return '';
  const previous = safeDom.previousElementSibling(parent);
  if (!previous || safeDom.localName(previous) === 'label' || holdsField(previous)) return '';
  const text = textOf(previous);
  return text.length <= 80 ? text : '';
}

/** True when a field is inside `element` (cheap when it is the first child, as in a table cell). */
function holdsField(element: Element): boolean {
  const first = safeDom.firstElementChild(element);
  if (!first) return false;
  if (isFieldElement(first)) return true;
  return safeDom.query(element, FIELD_SELECTOR) !== null;
}

/** True when `element` is the only field in `parent` (cheap when it is the parent's only child); buttons do not count. */
function isOnlyFieldIn(parent: Element, element: Element): boolean {
  if (safeDom.childElementCount(parent) === 1 && safeDom.firstElementChild(parent) === element) return true;
  let fields = 0;
  for (const field of safeDom.queryAll(parent, FIELD_SELECTOR)) if (!BUTTON_TYPES.has((safeDom.getAttribute(field, 'type') ?? '').toLowerCase())) fields++;
  return fields === 1;
}
const BUTTON_TYPES = new Set(['submit', 'button', 'image', 'reset', 'hidden'])

/** Fieldset legend or a labelled group/region around the field. */
function contextText(element: Element, dependsOnIds: string[]): string {
  // The group may be a <form role="group">: safeDom.
  const group = element.closest('fieldset, [role="group"], [role="region"]');
  if (!group) return '';
  if (safeDom.localName(group) === 'fieldset') {
    // (A child may be a <form> too.)
    for (let child = safeDom.firstElementChild(group); child; child = safeDom.nextElementSibling(child) ?? null) {
      if (safeDom.localName(child) === 'legend') return textOf(child);
    }
  }
  const label = safeDom.getAttribute(group, 'aria-label');
  if (label) return label;
  const by = safeDom.getAttribute(group, 'aria-labelledby');
  return by ? textOfIds(group, by, 4, dependsOnIds) : '';
}

/** The text of the elements an `aria-labelledby` list names (the first `limit` ids), noting each id read. */
function textOfIds(from: Element, ids: string, limit: number, dependsOnIds: string[]): string {
  const texts: string[] = [];
  for (const id of ids.split(/\s+/).slice(0, limit)) {
    if (!id) continue;
    dependsOnIds.push(id);
    const node = byId(from, id);
    if (node) texts.push(textOf(node));
  }
  return texts.join(' ');
}

/** Elements that title a section of a page. */
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend, caption';
/** Boxes whose heading can name what their fields are ("Diagnoses" above a table of codes). */
const SECTION_BOX = `table, [role="grid"], [role="table"], [role="treegrid"], fieldset, section, ${CLAIM_SCOPE}`;

/**
 * The heading of the section the field sits in: the caption or legend of its table or group, else
 * the nearest heading just before that box (or before the box's parent). One read per box and scan.
 * Headings of whole forms and pages say what the page is, not what a field is: only the field's
 * own table or group is looked at.
 */
function sectionHeading(element: Element, memo: Map<Element, string>): string {
  const box = safeDom.closest(element, SECTION_BOX);
  if (!box) return '';
  let text = memo.get(box);
  if (text === undefined) memo.set(box, (text = readSectionHeading(box)));
  return text;
}

function readSectionHeading(box: Element): string {
  // The box's own title: a caption or legend child.
  for (let child = safeDom.firstElementChild(box); child; child = safeDom.nextElementSibling(child) ?? null) {
    const tag = safeDom.localName(child);
    if (tag === 'caption' || tag === 'legend') return textOf(child);
    if (tag !== 'colgroup') break;
  }
  // Else the nearest heading before the box, or before a wrapper around it, up to three levels up;
  // a sibling holding fields is another part of the form, whose heading is not this box's.
  let from: Element | null = box;
  for (let level = 0; level < 3 && from; level++) {
    let sibling = safeDom.previousElementSibling(from);
    for (let step = 0; sibling && step < 3; step++, sibling = safeDom.previousElementSibling(sibling)) {
      if (safeDom.matches(sibling, HEADING)) return textOf(sibling);
      if (holdsField(sibling)) return '';
      const inner = safeDom.query(sibling, HEADING);
      if (inner) return textOf(inner);
    }
    from = safeDom.parentElement(from);
    if (from && (safeDom.localName(from) === 'body' || safeDom.localName(from) === 'html')) break;
  }
  return '';
}

const POS_HINTS = VOCABULARIES.flatMap((v) => v.optionHints.pos ?? []).map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
const MODIFIER_HINTS = VOCABULARIES.flatMap((v) => v.optionHints.modifier ?? []).map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());

/** What a <select>'s options choose between: places of service or modifiers. */
function optionEvidence(select: HTMLSelectElement): Partial<Record<FieldRole, number>> | null {
  const options = Array.from(select.options).slice(0, 80);
  let total = 0;
  let pos = 0;
  let modifierWords = 0;
  let modifierCodes = 0;
  for (const option of options) {
    const value = (option.value ?? '').trim();
    const text = (option.text ?? '').slice(0, 120).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (!value && !text.trim()) continue;
    total++;
    // A place of service is chosen by its two-digit code ("11 Office"): visit types name places too.
    if (POS_HINTS.some((w) => text.includes(w)) && (/^\d{2}$/.test(value) || /^\s*\d{2}\b/.test(text))) pos++;
    if (MODIFIER_HINTS.some((w) => text.includes(w))) modifierWords++;
    const code = (value || text.split(/[\s\-–:]+/)[0] || '').toUpperCase();
    if (/[A-Z]/.test(code) && MODIFIER_CODES.has(code)) modifierCodes++;
  }
  if (total < 2) return null;
  const roles: Partial<Record<FieldRole, number>> = {};
  if (pos >= 2 && pos >= total * 0.3) roles.pos = 0.9;
  if ((modifierWords >= 2 && modifierWords >= total * 0.3) || (modifierCodes >= 2 && modifierCodes >= total * 0.3)) roles.modifier = 0.9;
  return Object.keys(roles).length ? roles : null;
}

const DATE_PLACEHOLDER = /\b(?:mm|dd)[\/\-. ](?:dd|mm)[\/\-. ](?:yy|yyyy|aa|aaaa)\b|\byyyy[\/\-. ]mm[\/\-. ]dd\b/i;
const DATE_VALUE = /^\s*(?:\d{1,2}[\/\-.]\d{1,2}[\/\-.]\d{2,4}|\d{4}-\d{2}-\d{2})\s*$/;

/** The start of the field's value, trimmed ('' when it cannot be read). */
export function valueOf(element: FieldElement): string {
  try {
    return String(element.value ?? '').slice(0, 40).trim();
  } catch {
    return '';
  }
}

/** What the type, placeholder and value look like, as role strengths (the value is read, never kept). */
export function shapeEvidence(type: string, placeholder: string | null, value: string): Partial<Record<FieldRole, number>> | null {
  const roles: Partial<Record<FieldRole, number>> = {};
  if (type === 'date') roles.dos = 0.45;
  if (placeholder && DATE_PLACEHOLDER.test(placeholder)) roles.dos = 0.45;
  if (value) {
    if (DATE_VALUE.test(value)) roles.dos = Math.max(roles.dos ?? 0, 0.25);
    else if (/^(?:\d{4}[0-9A-Z]|[A-Z]\d{4})$/i.test(value)) roles.cpt = 0.25;
    else if (/^[A-TV-Z]\d[0-9A-Z]\.?[0-9A-Z]{0,4}$/i.test(value)) roles.dx = 0.25;
    else if (/^\$?\d{1,3}(?:,?\d{3})*\.\d{2}$/.test(value)) roles.charge = 0.25;
  }
  return Object.keys(roles).length ? roles : null;
}

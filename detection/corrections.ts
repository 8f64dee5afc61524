import type { Correction, LineRule } from '../settings/corrections';
import type { Qualification } from './qualify';
import { FIELD_ROLES } from './types';
import { safeDom } from './dom';

/**
 * The coder's corrections (recipes, see settings/corrections.ts) as detection applies them: which
 * recipe names a field, and how to name a field robustly enough to find it again on the next visit.
 * Pure DOM reads; nothing here writes to the page or reads a value.
 */

/** What a corrected field is: a detection role, or `none` ("not a claim field": never a candidate). */
export const CORRECTION_ROLES = [...FIELD_ROLES, 'none'] as const;
export type CorrectionRole = (typeof CORRECTION_ROLES)[number];

/** A selector that reads the `value` attribute would carry a field's value into storage: never saved, never applied. */
export const READS_VALUE = /\[\s*value\b/i;

/** What a recipe says about one field: its role (or `none`: not a claim field) and its line rule. */
export interface FieldCorrection {
  role: CorrectionRole;
  line: LineRule;
}

/** The recipes in effect on this page (already filtered to its site), latest last. */
export type PageCorrections = readonly Pick<Correction, 'selector' | 'hosts' | 'role' | 'line'>[];

/** The highest service line number a recipe may name. */
export const MAX_LINE_NUMBER = 999;
/** Roles a recipe may put on a given line: not the codes that make a line (CPT/HCPCS, revenue code), nor diagnoses (the claim's). */
const LINE_ROLES: ReadonlySet<string> = new Set(['modifier', 'units', 'dos', 'pos', 'pointer', 'charge']);
/** Roles with one value for a whole claim (an encounter date, a place of service): see read.ts. */
const CLAIM_WIDE_ROLES: ReadonlySet<string> = new Set(['dos', 'pos']);

/**
 * Whether a line rule fits a role: any role takes `auto`; `line` is for a line's own fields (a
 * procedure or revenue code makes its own line, a diagnosis belongs to the claim, a field that is
 * not a claim field has no line); `claim` for dates and places of service only.
 */
export function lineRuleFits(role: string, line: LineRule): boolean {
  if (line.kind === 'auto') return true;
  return line.kind === 'line' ? LINE_ROLES.has(role) : CLAIM_WIDE_ROLES.has(role);
}

/** A stored line rule as detection applies it; undefined when it is not one (a corrupted entry). */
function lineRuleOf(value: unknown): LineRule | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { kind, line } = value as { kind?: unknown; line?: unknown };
  if (kind === 'auto' || kind === 'claim') return { kind };
  if (kind === 'line' && Number.isInteger(line) && (line as number) >= 1 && (line as number) <= MAX_LINE_NUMBER) return { kind, line: line as number };
  return undefined;
}

/** How a field is named in a recipe: a selector in its own tree, and the shadow hosts around it (outermost first). */
export interface FieldAddress {
  selector: string;
  hosts: string[];
}

/** `element.matches`, false for a selector the browser cannot read (never throws). */
function matchesSafely(element: Element, selector: string): boolean {
  try {
    return Element.prototype.matches.call(element, selector);
  } catch {
    return false;
  }
}

/** The open shadow roots' hosts around `element`, outermost first ([] in the document itself). */
export function hostChain(element: Element): Element[] {
  const hosts: Element[] = [];
  let root = Node.prototype.getRootNode.call(element);
  for (let guard = 0; guard < 64 && root instanceof ShadowRoot; guard++) {
    hosts.unshift(root.host);
    root = Node.prototype.getRootNode.call(root.host);
  }
  return hosts;
}

/**
 * The correction for a field: the latest recipe whose selector matches it in its own tree and whose
 * hosts match the shadow hosts around it, one for one; undefined when none does.
 */
export function correctionFor(element: Element, corrections: PageCorrections): FieldCorrection | undefined {
  let chain: Element[] | undefined;
  for (let i = corrections.length - 1; i >= 0; i--) {
    const recipe = corrections[i]!;
    if (!matchesSafely(element, recipe.selector)) continue;
    chain ??= hostChain(element);
    const hosts = recipe.hosts ?? [];
    if (hosts.length !== chain.length) continue;
    if (hosts.every((selector, k) => matchesSafely(chain![k]!, selector))) return { role: recipe.role, line: recipe.line };
  }
  return undefined;
}

/**
 * The verdict a correction gives, ahead of every heuristic: `none` is never a candidate; a role is
 * that role, as strong as evidence gets (it wins its line over any detected field of the same role),
 * its reason "your correction". Undefined when no recipe names the field.
 */
export function correctedVerdict(element: Element, corrections: PageCorrections): Qualification | undefined {
  const correction = correctionFor(element, corrections);
  if (!correction) return undefined;
  return {
    role: correction.role === 'none' ? null : correction.role,
    score: correction.role === 'none' ? 0 : CORRECTED_SCORE,
    weak: false,
    negative: 0,
    professionalBox: false,
    dependsOnIds: [],
    evidence: [],
    corrected: true,
    ...(correction.line.kind === 'auto' ? {} : { lineRule: correction.line }),
  };
}
/** Higher than any sum of evidence. */
const CORRECTED_SCORE = 100;

const ROLES = new Set<string>(CORRECTION_ROLES);

/**
 * Keeps the well-formed recipes of raw stored lists (the coder's and the organization's) whose site
 * matches `sitePattern`. The sensor uses it instead of the zod schema, which would double its size:
 * every write is checked against the full schema (settings/corrections.ts); this only makes sure a
 * corrupted entry can never be matched. Latest last: the policy's list goes after the coder's.
 */
export function correctionsForSite(lists: readonly unknown[], siteMatches: (pattern: string) => boolean): PageCorrections {
  const out: Pick<Correction, 'selector' | 'hosts' | 'role' | 'line'>[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list as unknown[]) {
      if (!entry || typeof entry !== 'object') continue;
      const { site, selector, hosts, role, line } = entry as Record<string, unknown>;
      if (typeof site !== 'string' || typeof selector !== 'string' || typeof role !== 'string' || !ROLES.has(role)) continue;
      if (hosts !== undefined && !(Array.isArray(hosts) && hosts.every((host) => typeof host === 'string'))) continue;
      const lineRule = lineRuleOf(line);
      if (!lineRule || !lineRuleFits(role, lineRule)) continue;
      if (READS_VALUE.test(selector) || (hosts as string[] | undefined)?.some((host) => READS_VALUE.test(host))) continue;
      if (!siteMatches(site)) continue;
      out.push({ selector, ...(hosts ? { hosts: hosts as string[] } : {}), role: role as CorrectionRole, line: lineRule });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Naming a field so that the next visit finds it again.

/**
 * Ids a framework generates and changes from one render or visit to the next: React's `:r1:`,
 * Ember's `ember123`, ExtJS, GWT, YUI, long numbers, hexadecimal runs and UUIDs.
 */
const GENERATED_ID = /^:|:$|^(?:ember|ext-gen|ext-comp|gwt-uid|yui_|uid-|mui-|react-|rc_|cdk-|mat-)|\d{5,}|[0-9a-f]{8,}|[0-9a-f]{4,}-[0-9a-f]{4,}/i;

export function isStableId(id: string): boolean {
  return id.length > 0 && id.length <= 80 && !GENERATED_ID.test(id);
}

/** `#id` for an element whose id is stable and unique in its tree; undefined otherwise. */
function stableIdStep(element: Element, root: Document | ShadowRoot): string | undefined {
  const id = safeDom.getAttribute(element, 'id');
  if (!id || !isStableId(id)) return undefined;
  const step = `#${cssEscape(id)}`;
  return isOnly(root, step, element) ? step : undefined;
}

const cssEscape = (text: string): string =>
  typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(text) : text.replace(/[^\w-]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
const quoted = (text: string): string => `"${text.replace(/["\\]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ')}"`;

/** Everything `selector` matches in `root` (an empty list when it cannot be read). */
function allIn(root: Document | ShadowRoot, selector: string): Element[] {
  try {
    return Array.from(safeDom.queryAll(root, selector));
  } catch {
    return [];
  }
}
const isOnly = (root: Document | ShadowRoot, selector: string, element: Element): boolean => {
  const found = allIn(root, selector);
  return found.length === 1 && found[0] === element;
};

/** The element's own step: its tag, with its `name` when it has one (`input[name="proc_1"]`). */
function ownStep(element: Element): string {
  const tag = safeDom.localName(element) ?? '*';
  const name = safeDom.getAttribute(element, 'name');
  return name ? `${tag}[name=${quoted(name)}]` : tag;
}

/** An ancestor's step when it can anchor a selector: a stable id unique in its tree, or a named form. */
function anchorStep(element: Element, root: Document | ShadowRoot): string | undefined {
  const byId = stableIdStep(element, root);
  if (byId) return byId;
  const name = safeDom.localName(element) === 'form' ? safeDom.getAttribute(element, 'name') : null;
  if (name) {
    const step = `form[name=${quoted(name)}]`;
    if (isOnly(root, step, element)) return step;
  }
  return undefined;
}

/** The element children of a node, read through the DOM prototypes (a form's own properties may be its controls). */
function childrenOf(parent: Node): Element[] {
  if (safeDom.nodeType(parent) !== 1) return Array.from((parent as ParentNode).children); // a document or a shadow root
  const out: Element[] = [];
  for (let child = safeDom.firstElementChild(parent as Element); child && out.length < 10_000; child = safeDom.nextElementSibling(child)) out.push(child);
  return out;
}

/** `tag:nth-of-type(k)` among its siblings (k = 1 when it is the only one of its tag). */
function positionStep(element: Element, own: string): string {
  const parent = safeDom.parentNode(element);
  if (!parent) return own;
  const tag = safeDom.localName(element);
  const same = childrenOf(parent).filter((child) => safeDom.localName(child) === tag);
  return same.length > 1 ? `${own}:nth-of-type(${same.indexOf(element) + 1})` : own;
}

/** Ancestors within the element's own tree, nearest first (at most 256). */
function ancestorsOf(element: Element): Element[] {
  const out: Element[] = [];
  for (let up = safeDom.parentElement(element); up && out.length < 256; up = safeDom.parentElement(up)) out.push(up);
  return out;
}

/**
 * A selector for `element` within its own tree (document or shadow root) that finds it, and only
 * it, again: its id when stable and unique; else its `name` (with its tag) when unique; else that
 * under the nearest anchored ancestor (a stable unique id or a named form); else the path down from
 * that anchor (or the tree's top) by position among same-tag siblings, which for a table field is
 * its row and column, never a chain of generated ids. Every read goes through the DOM prototypes
 * (`safeDom`): a form whose controls are named `parentElement` or `id` cannot mislead it.
 */
export function selectorInTree(element: Element): string {
  const root = safeDom.getRootNode(element) as Document | ShadowRoot;
  const byId = stableIdStep(element, root);
  if (byId) return byId;
  const own = ownStep(element);
  const named = safeDom.hasAttribute(element, 'name');
  if (named && isOnly(root, own, element)) return own;
  // Under the nearest anchor, if that tells it apart.
  const ancestors = ancestorsOf(element);
  let anchor: string | undefined;
  let anchorAt = ancestors.length;
  for (let i = 0; i < ancestors.length; i++) {
    anchor = anchorStep(ancestors[i]!, root);
    if (anchor) {
      anchorAt = i;
      const scoped = `${anchor} ${own}`;
      if (named && isOnly(root, scoped, element)) return scoped;
      break;
    }
  }
  // The path from the anchor (or the top of the tree) down, by position.
  const steps = [positionStep(element, own)];
  for (let i = 0; i < anchorAt; i++) steps.unshift(positionStep(ancestors[i]!, safeDom.localName(ancestors[i]!) ?? '*'));
  if (anchor) return [anchor, ...steps].join(' > ');
  // From the top of the tree: `:root` in a document; in a shadow root the first step is a top-level element.
  return safeDom.nodeType(root) === 11 ? steps.join(' > ') : [':root', ...steps.slice(1)].join(' > ');
}

/** How a recipe names `element`: its selector in its own tree, and each shadow host's in its tree. */
export function addressOf(element: Element): FieldAddress {
  return { selector: selectorInTree(element), hosts: hostChain(element).map((host) => selectorInTree(host)) };
}

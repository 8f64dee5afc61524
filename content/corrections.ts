import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { addressOf, correctionsForSite, type FieldAddress, type PageCorrections } from '../detection';
import { isFieldElement } from '../detection/dom';
import { patternMatchesOrigin } from '../settings/portals';

/**
 * The sensor's side of the coder's corrections (recipes: settings/corrections.ts): it reads the
 * recipes for this page's site before the heuristics need them, follows their changes, and remembers
 * which field was right-clicked so that the browser's context menu can correct it. Never a value:
 * only where the field is in the markup travels.
 */

/** Storage keys holding recipes: the coder's, and the organization's inside the policy snapshot. */
const CORRECTIONS_KEY = 'corrections';
const POLICY_KEY = 'policySnapshot';

/** This frame's origin; an about:blank or srcdoc frame has its parent's. */
function pageOrigin(): string {
  const own = (globalThis as { origin?: string }).origin;
  return own && own !== 'null' ? own : location.origin;
}

/** Where a field is, for a recipe: this frame's origin and the field's address in the markup (never its value). */
export function locateField(element: Element): { origin: string } & FieldAddress {
  return { origin: pageOrigin(), ...addressOf(element) };
}

/** The recipes stored for `origin`'s site: the coder's, then the organization's (the latest wins). */
export function correctionsIn(stored: Record<string, unknown>, origin: string): PageCorrections {
  const policy = stored[POLICY_KEY];
  const fromPolicy = policy && typeof policy === 'object' ? (policy as { corrections?: unknown }).corrections : undefined;
  return correctionsForSite([stored[CORRECTIONS_KEY], fromPolicy], (site) => patternMatchesOrigin(site, origin));
}

/**
 * Calls `onChange` with this site's recipes once they are read (only when there are some) and
 * whenever they change. Storage failures leave detection as it is.
 */
export function watchCorrections(ctx: ContentScriptContext, onChange: (corrections: PageCorrections) => void, onError: (error: unknown) => void): void {
  const origin = pageOrigin();
  let current = '[]';
  const reload = () =>
    browser.storage.local.get([CORRECTIONS_KEY, POLICY_KEY]).then((stored) => {
      if (ctx.isInvalid) return;
      const next = correctionsIn(stored, origin);
      const text = JSON.stringify(next);
      if (text === current) return;
      current = text;
      onChange(next);
    }, onError);
  void reload();
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (CORRECTIONS_KEY in changes || POLICY_KEY in changes)) void reload();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
}

/** Background → this frame: where is the field the coder just right-clicked (the context menu's target)? */
export const CONTEXT_FIELD_REQUEST = 'context-field-address';

/** The answer: the frame's origin and the field's address; null when the target was not a field. */
export type ContextFieldAnswer = ({ origin: string } & FieldAddress) | null;

/**
 * Remembers the field under the last `contextmenu` event (the browser's menu opens on it) and
 * answers the background's request for its address. Only the element is kept, never its value.
 */
export function answerContextMenu(ctx: ContentScriptContext, onError: (error: unknown) => void): void {
  let target: WeakRef<Element> | null = null;
  ctx.addEventListener(
    document,
    'contextmenu',
    (event) => {
      const first = event.composedPath()[0];
      target = isFieldElement(first) ? new WeakRef(first) : null;
    },
    { capture: true },
  );
  const onMessage = (message: unknown) => {
    if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== CONTEXT_FIELD_REQUEST) return undefined;
    let answer: ContextFieldAnswer = null;
    try {
      const field = target?.deref();
      if (field?.isConnected) answer = locateField(field);
    } catch (error) {
      onError(error);
    }
    return Promise.resolve(answer);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

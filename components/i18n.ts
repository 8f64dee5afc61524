import { browser } from 'wxt/browser';

// WXT types getMessage with the predefined @@ keys only; ours come from the merged catalogs.
const getMessage = (key: string, substitutions: string[]): string =>
  (browser.i18n.getMessage as unknown as (key: string, substitutions: string[]) => string)(key, substitutions);

/** A UI string from browser.i18n; the key itself when missing, so a gap is visible, never blank. */
export function t(key: string, args: readonly (string | number)[] = []): string {
  try {
    return getMessage(key, args.map(String)) || key;
  } catch {
    return key;
  }
}

export type UiLanguage = 'en' | 'es';
let language: UiLanguage | undefined;

/**
 * The language of the catalog browser.i18n answers from ('en' | 'es'): each catalog names itself in
 * its `ui_language` message. Profile names, descriptors, checklists, related codes and rule
 * descriptions follow it, so a page never mixes two languages (getUILanguage() could name a
 * language we have no catalog for, or differ from the one the browser picked among ours). Read once:
 * it only changes with a browser restart, and every marker drawn asks for it.
 */
export function uiLanguage(): UiLanguage {
  if (language) return language;
  try {
    language = getMessage('ui_language', []) === 'es' ? 'es' : 'en';
  } catch {
    return 'en';
  }
  return language;
}

/** For tests: forget the language read, so the next call asks browser.i18n again. */
export function resetUiLanguage(): void {
  language = undefined;
}

/** `<html lang>` and the tab title of an extension page, in the catalog's language. */
export function localizeDocument(titleKey: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
}

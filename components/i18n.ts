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

let language: 'en' | 'es' | undefined;

/**
 * The UI language the browser chose among ours ('en' | 'es'); drives catalog summaries. Read once:
 * it only changes with a browser restart, and every marker drawn asks for it.
 */
export function uiLanguage(): 'en' | 'es' {
  if (language) return language;
  try {
    language = browser.i18n.getUILanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
  } catch {
    return 'en';
  }
  return language;
}

import { browser } from 'wxt/browser';

/** A UI string from browser.i18n; the key itself when missing, so a gap is visible, never blank. */
export function t(key: string, args: readonly (string | number)[] = []): string {
  try {
    return browser.i18n.getMessage(key, args.map(String)) || key;
  } catch {
    return key;
  }
}

/** The UI language the browser chose among ours ('en' | 'es'); drives catalog summaries. */
export function uiLanguage(): 'en' | 'es' {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
  } catch {
    return 'en';
  }
}

/**
 * Locale catalogs: UI strings (locales/<lang>.json) plus rule messages (rules/locales/<lang>.json),
 * merged at build time into public `_locales/<lang>/messages.json` for browser.i18n.
 * Node-only (used by wxt.config.ts and tests), never bundled into the extension.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, ChromeMessage>;

function readCatalog(relative: string): Catalog {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8')) as Catalog;
}

export function loadMessages(lang: Language): Catalog {
  const ui = readCatalog(`./${lang}.json`);
  const rules = readCatalog(`../rules/locales/${lang}.json`);
  const clash = Object.keys(rules).filter((key) => key in ui);
  if (clash.length) throw new Error(`Locale keys defined twice (${lang}): ${clash.join(', ')}`);
  return { ...ui, ...rules };
}

/** browser.i18n.getMessage semantics: named placeholders, then $1…$9 substitutions. */
export function formatMessage(entry: ChromeMessage | undefined, substitutions: string[] = []): string {
  if (!entry) return '';
  const byName = entry.placeholders ?? {};
  const withNames = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
    const placeholder = byName[name.toLowerCase()];
    return placeholder ? placeholder.content : match;
  });
  return withNames.replace(/\$(\d)/g, (_match, digit: string) => substitutions[Number(digit) - 1] ?? '').replace(/\$\$/g, '$');
}

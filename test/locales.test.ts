// @vitest-environment node
import { formatMessage, LANGUAGES, loadMessages } from '../locales/messages';

const catalogs = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadMessages(lang)]));

describe('locale catalogs', () => {
  it('has the same keys in English and Spanish', () => {
    expect(Object.keys(catalogs.es!).sort()).toEqual(Object.keys(catalogs.en!).sort());
  });

  it.each(LANGUAGES)('%s: every message is non-empty, its placeholders are declared, and keys are valid', (lang) => {
    for (const [key, entry] of Object.entries(catalogs[lang]!)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${lang} ${key} placeholder ${name}`).toBeDefined();
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(catalogs.en!)) {
      expect(Object.keys(catalogs.es![key]?.placeholders ?? {}).sort(), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  it('formats placeholders the way browser.i18n does', () => {
    expect(formatMessage({ message: 'Remove $MOD$ from $1.', placeholders: { mod: { content: '$2' } } }, ['77371', '26'])).toBe(
      'Remove 26 from 77371.',
    );
  });

});

describe('UI code', () => {
  it('only uses message keys that exist (literal t("…") calls)', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(path);
      }
    };
    ['components', 'content', 'entrypoints', 'overlay'].forEach(walk);
    const missing: string[] = [];
    for (const file of files) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_@]+)'/g)) {
        if (!catalogs.en![key!]) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

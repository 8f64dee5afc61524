// @vitest-environment node
import { CORRECTION_ROLES } from '../settings/corrections';
import { SOURCE_KINDS } from '../detection/collect';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, LANGUAGES, loadMessages } from '../locales/messages';
import { englishList, FormTypeSchema, parseProfileJson, PROFILE_ERROR_KEYS, RULES, SeveritySchema } from '../rules';
import { PACK_PROBLEM_KEYS, parseDescriptorPack } from '../settings/descriptor-pack';

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

/**
 * Every message key the UI can ask for, found in the source: literal keys (`t('key')`, both sides of
 * `t(cond ? 'a' : 'b')`, `localizeDocument('key')`), template keys (`t(`severity_${x}`)`, expanded
 * over the values their expression can take, declared below), and keys that arrive as data (rule
 * messages, import problems). A first argument of any other shape fails the test until it is declared.
 */
describe('UI code', () => {
  const UI_FOLDERS = ['components', 'content', 'entrypoints', 'overlay'];
  /** The values each template expression can take (from the schemas where they exist). */
  const TEMPLATE_DOMAINS: Record<string, () => readonly string[]> = {
    severity: () => [...SeveritySchema.options, 'ok'],
    'props.severity': () => [...SeveritySchema.options, 'ok'],
    'line.severity': () => [...SeveritySchema.options, 'ok'],
    'finding.severity': () => [...SeveritySchema.options, 'ok'],
    'marker.severity': () => [...SeveritySchema.options, 'ok'],
    'claim.formType': () => FormTypeSchema.options,
    // SiteStatus (components/Popup.tsx), '-' written as '_'.
    "props.site.status.replace('-', '_')": () => ['enabled', 'paused', 'not_enabled'],
    // Rule ids, '/' and '-' written as '_' (components/options/ProfileRules.tsx).
    "id.replace(/[/-]/g, '_')": () => RULES.map((rule) => rule.meta.id.replace(/[/-]/g, '_')),
    // Where detection read a field's role (components/CorrectionPicker.tsx), '-' written as '_'.
    "kind.replace(/-/g, '_')": () => SOURCE_KINDS.map((kind) => kind.replace(/-/g, '_')),
  };
  /** First arguments that are data: where their keys come from. */
  const DATA_KEYS: Record<string, () => readonly string[]> = {
    'finding.message.key': () => RULES.flatMap((rule) => rule.meta.messages),
    'props.finding.message.key': () => RULES.flatMap((rule) => rule.meta.messages),
    'fresh.message.key': () => RULES.flatMap((rule) => rule.meta.messages),
    'problem.key': () => [...PROFILE_ERROR_KEYS, ...PACK_PROBLEM_KEYS],
    // A correction's role (components/CorrectionPicker.tsx roleLabel).
    "role === 'none' ? 'correction_role_none' : `correction_role_${role}`": () => CORRECTION_ROLES.map((role) => `correction_role_${role}`),
    // The declarations of t(key) and localizeDocument(titleKey); their literal callers are checked as literal keys.
    'key: string': () => [],
    'titleKey: string': () => [],
    titleKey: () => [],
  };

  function sourceFiles(): { file: string; text: string }[] {
    const files: { file: string; text: string }[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push({ file: path, text: readFileSync(path, 'utf8') });
      }
    };
    UI_FOLDERS.forEach(walk);
    return files;
  }

  /** The first argument of each `t(` / `localizeDocument(` call, as written (balanced brackets). */
  function firstArguments(text: string): string[] {
    const out: string[] = [];
    for (const match of text.matchAll(/\b(?:t|localizeDocument)\(/g)) {
      let depth = 0;
      let i = match.index + match[0].length;
      const start = i;
      let quote: string | null = null;
      for (; i < text.length; i++) {
        const c = text[i]!;
        if (quote) {
          if (c === '\\') i++;
          else if (c === quote) quote = null;
          else if (quote === '`' && c === '$' && text[i + 1] === '{') {
            // a substitution: skip to its closing brace
            let braces = 0;
            for (i++; i < text.length; i++) {
              if (text[i] === '{') braces++;
              else if (text[i] === '}' && --braces === 0) break;
            }
          }
          continue;
        }
        if (c === "'" || c === '"' || c === '`') quote = c;
        else if ('([{'.includes(c)) depth++;
        else if (')]}'.includes(c)) {
          if (depth === 0) break;
          depth--;
        } else if (c === ',' && depth === 0) break;
      }
      out.push(text.slice(start, i).trim());
    }
    return out;
  }

  /** The keys an argument can name, or an explanation of why it cannot be told. */
  function keysOf(argument: string): { keys: string[] } | { unknown: string } {
    const template = /^`([^`]*)`$/.exec(argument);
    if (template) {
      const parts = template[1]!.split(/\$\{([^}]*(?:\}[^}]*)*?)\}/);
      let keys = [''];
      for (let index = 0; index < parts.length; index++) {
        if (index % 2 === 0) keys = keys.map((key) => key + parts[index]);
        else {
          const domain = TEMPLATE_DOMAINS[parts[index]!.trim()];
          if (!domain) return { unknown: `template substitution \${${parts[index]}} has no declared domain` };
          keys = keys.flatMap((key) => domain().map((value) => key + value));
        }
      }
      return { keys };
    }
    const literals = [...argument.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]!);
    if (literals.length && /^[\w.?!: ]*('[^']*'|"[^"]*")[\w.?!: ]*(('[^']*'|"[^"]*")[\w.?!: ]*)?$/.test(argument)) return { keys: literals };
    const data = DATA_KEYS[argument];
    return data ? { keys: [...data()] } : { unknown: `dynamic key ${argument} is not declared` };
  }

  it('only uses message keys that exist in both catalogs: literal, template and data keys', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { file, text } of sourceFiles()) {
      for (const argument of firstArguments(text)) {
        const found = keysOf(argument);
        if ('unknown' in found) {
          missing.push(`${file}: ${found.unknown}`);
          continue;
        }
        for (const key of found.keys) {
          checked++;
          for (const lang of LANGUAGES) if (!catalogs[lang]![key]) missing.push(`${file}: ${key} (${lang})`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('fails on a key used but missing, template keys included (the checker itself)', () => {
    expect(keysOf("'no_such_key'")).toEqual({ keys: ['no_such_key'] });
    expect(keysOf('`severity_${line.severity}`')).toEqual({ keys: ['severity_error', 'severity_warning', 'severity_info', 'severity_ok'] });
    expect(keysOf('`colour_${line.colour}`')).toHaveProperty('unknown');
    expect(keysOf('someKey')).toHaveProperty('unknown');
    expect(firstArguments("t(open ? 'a_b' : 'c_d', [x]); t(`form_${claim.formType}`)")).toEqual(["open ? 'a_b' : 'c_d'", '`form_${claim.formType}`']);
    expect(catalogs.en!['no_such_key']).toBeUndefined();
  });

  it('has every rule description in both languages, the English one the rule’s own', () => {
    for (const rule of RULES) {
      const key = `ruledesc_${rule.meta.id.replace(/[/-]/g, '_')}`;
      expect(catalogs.en![key]?.message, key).toBe(rule.meta.description.en);
      expect(catalogs.es![key]?.message, key).toBeTruthy();
    }
  });

  it('words import problems in the catalogs as the parsers do in English', () => {
    const samples = [
      parseProfileJson('{\n "id": "acme",\n "name": {"en": "A", "es": "A"},\n}'),
      parseProfileJson('{"id": "Acme Corp", "name": {"en": 1}, "ncciFile": "x", "mpfsStatus": "y", "rules": {"srs/duplicate-line": "fatal", "no/such": "off"}, "extra": 1}'),
    ].flatMap((result) => (result.ok ? [] : result.errors));
    const pack = parseDescriptorPack('77371\tok\nnot-a-code\tx');
    const problems = [...samples, ...(pack.ok ? [] : pack.problems)];
    expect(problems.length).toBeGreaterThan(6);
    for (const problem of problems) {
      const args = [...problem.args, ...('allowed' in problem && problem.allowed ? [englishList(problem.allowed)] : [])];
      expect(formatMessage(catalogs.en![problem.key], args), problem.key).toBe(problem.message);
      expect(formatMessage(catalogs.es![problem.key], args), problem.key).not.toBe('');
    }
  });
});

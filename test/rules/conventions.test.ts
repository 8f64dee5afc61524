// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../rules';
import en from '../../rules/locales/en.json';
import es from '../../rules/locales/es.json';
import { renderRulesDoc } from '../../scripts/gen-rules-doc';

const root = fileURLToPath(new URL('../../', import.meta.url));
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogs: Record<'en' | 'es', Catalog> = { en, es };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('rule conventions', () => {
  it('ids are unique, sorted and namespaced', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    for (const id of ids) expect(id).toMatch(/^(claim|code|data|modifier|srs|ncci)\/[a-z0-9-]+$/);
  });

  it('ships every rule id of the issue, plus code/deleted-for-date', () => {
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    for (const id of [
      'code/invalid-format', 'modifier/invalid-format', 'modifier/duplicate', 'modifier/59-with-x', 'srs/modifier-26-technical-only',
      'srs/modifier-tc-redundant', 'srs/single-session-units', 'srs/duplicate-line', 'srs/mutually-exclusive-delivery', 'srs/sbrt-conflict',
      'srs/conventional-delivery-conflict', 'srs/image-guidance-included', 'srs/bundled-component', 'srs/modifier-cannot-bypass',
      'srs/fractionated-course', 'srs/modifier-unexpected', 'srs/modifier-postop-global', 'srs/modifier-59-prefer-x', 'srs/management-code',
      'srs/addon-lesion-cap', 'srs/cranial-diagnosis', 'srs/robotic-opps', 'code/deleted-for-date',
      // issue 22: honest coverage and the missing rules
      'data/coverage', 'claim/date-unreadable', 'claim/units-unreadable', 'srs/course-fraction-cap', 'srs/modifier-repeat-lone',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
    it('lives in the file its id names', () => {
      expect(existsSync(join(root, 'rules/checks', `${id}.ts`))).toBe(true);
      expect(readFileSync(join(root, 'rules/checks', `${id}.ts`), 'utf8')).toContain(id.split('/')[1]);
    });

    it('cites at least one source, each titled', () => {
      expect(rule.meta.sources.length).toBeGreaterThan(0);
      for (const source of rule.meta.sources) expect(source.title.length).toBeGreaterThan(5);
    });

    it('has its table-driven tests', () => {
      const path = join(root, 'test/rules/checks', `${id}.test.ts`);
      expect(existsSync(path)).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(`testRule('${id}'`);
      expect(text).toContain('valid:');
      expect(text).toContain('invalid:');
    });

    it('has every message in English and Spanish with the same placeholders', () => {
      expect(rule.meta.messages.length).toBeGreaterThan(0);
      for (const key of rule.meta.messages) {
        expect(key).toMatch(/^rule_[A-Za-z0-9_]+$/);
        for (const lang of ['en', 'es'] as const) expect(catalogs[lang][key]?.message, `${lang} ${key}`).toBeTruthy();
        expect(Object.keys(catalogs.es[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(catalogs.en[key]!.placeholders ?? {}).sort());
      }
    });

    it('is described and listed in docs/rules.md', () => {
      expect(rule.meta.description.en.length).toBeGreaterThan(20);
      expect(readFileSync(join(root, 'docs/rules.md'), 'utf8')).toContain(`## ${id}\n`);
    });
  });

  it('has no rule message left unused', () => {
    const used = new Set(RULES.flatMap((rule) => rule.meta.messages));
    expect(Object.keys(en).filter((key) => !used.has(key))).toEqual([]);
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('every placeholder maps to a $n substitution', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, entry] of Object.entries(catalog)) {
        for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
          expect(entry.placeholders?.[name!.toLowerCase()]?.content, `${lang} ${key} ${name}`).toMatch(/^\$[1-9]$/);
        }
      }
    }
  });

  it('docs/rules.md is up to date (npx tsx scripts/gen-rules-doc.ts)', () => {
    expect(readFileSync(join(root, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc());
  });

  it('rules/ is pure: no import from outside rules/, no browser API, no clock, no full zod', () => {
    for (const path of filesUnder(join(root, 'rules')).filter((p) => p.endsWith('.ts'))) {
      // Code only: comments may mention browser.i18n and the like.
      const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const name = relative(root, path);
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        if (spec === 'zod/mini') continue;
        expect(spec!.startsWith('.'), `${name} imports ${spec}`).toBe(true);
        const depth = relative(join(root, 'rules'), join(path, '..', spec!));
        expect(depth.startsWith('..'), `${name} imports ${spec} from outside rules/`).toBe(false);
      }
      expect(text, name).not.toMatch(/\b(?:browser|chrome|window|document|localStorage)\s*\./);
      expect(text, name).not.toMatch(/Date\.now|new Date\(|Math\.random|performance\.now/);
      expect(text, name).not.toMatch(/from 'zod'/);
      expect(text, name).not.toMatch(/\bFunction\(|\beval\(/);
    }
  });
});

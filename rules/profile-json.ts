import * as z from 'zod/mini';
import { PayerProfileSchema, type PayerProfile } from './profile';
import { RULE_IDS } from './registry';

/**
 * Why an import was refused, in words that teach: what is wrong, where (its line), and what
 * would be right. `key` and `args` are the i18n message the UI shows (locales/*.json, `import_*`);
 * `allowed` is a list of accepted values the UI joins in its language ("off, info, warning or
 * error") and appends as the last argument; `message` is the same in English (logs, tests).
 */
export interface ProfileError {
  /** JSON path of the problem, e.g. `rules["srs/foo"]`; '' for the document itself. */
  path: string;
  /** 1-based line in the imported text. */
  line: number;
  message: string;
  key: ProfileErrorKey;
  args: readonly string[];
  allowed?: readonly string[];
}

/** English text of each key (the catalogs hold both languages; a test keeps them equal). */
const ENGLISH = {
  import_json_trailing_comma: (close: string) => `JSON syntax: a trailing comma before “${close}”: remove the comma after the last item.`,
  import_json_missing_comma: () => 'JSON syntax: a comma is missing before this item.',
  import_json_single_quotes: () => 'JSON syntax: names and texts take double quotes ("…"), not single ones.',
  import_json_expected_name: () => 'JSON syntax: expected a property name in double quotes.',
  import_json_expected_colon: () => 'JSON syntax: expected “:” after a property name.',
  import_json_expected_end: (close: string) => `JSON syntax: expected “,” or “${close}”.`,
  import_json_unexpected_char: (char: string) => `JSON syntax: unexpected character “${char}”.`,
  import_json_unexpected_end: () => 'JSON syntax: the text ends before the JSON is complete.',
  import_json_unterminated_string: () => 'JSON syntax: a text is not closed with a double quote.',
  import_json_control_char: () => 'JSON syntax: a text contains a line break or control character (write \n instead).',
  import_json_bad_escape: () => 'JSON syntax: a text contains an invalid escape (a backslash must be followed by ", \\, /, b, f, n, r, t or u).',
  import_json_trailing_text: () => 'JSON syntax: more text after the end of the JSON value.',
  import_json_too_deep: () => 'JSON syntax: nested too deeply.',
  import_not_object: () => 'A profile is a JSON object: { "id": …, "name": { "en": …, "es": … } }.',
  import_required: (path: string) => `${path} is required.`,
  import_unknown_property: (key: string, allowed: string) => `Unknown property “${key}”: use ${allowed}.`,
  import_unknown_rule: (id: string) => `No rule has the id “${id}” (docs/rules.md lists them).`,
  import_bad_severity: (value: string, allowed: string) => `“${value}” is not a severity: use ${allowed}.`,
  import_bad_value: (path: string, value: string, allowed: string) => `“${value}” is not allowed for ${path}: use ${allowed}.`,
  import_bad_id: (value: string) => `“${value}” is not a valid id: use lowercase letters, digits and hyphens (up to 64), starting with a letter or digit.`,
  import_expect_text: (path: string, found: string) => `${path} should be a text in double quotes, not ${found}.`,
  import_expect_boolean: (path: string, found: string) => `${path} should be true or false, not ${found}.`,
  import_expect_object: (path: string, found: string) => `${path} should be an object ({ … }), not ${found}.`,
  import_expect_localized: (path: string, found: string) => `${path} should be a text or an object { "en": …, "es": … }, not ${found}.`,
  import_invalid: (path: string) => `${path} is not valid.`,
  import_empty: () => 'The file is empty.',
  import_list_unreadable: () => 'The list of profiles could not be read.',
  import_list_empty: () => 'The list of profiles is empty.',
  import_list_too_long: (max: string) => `More than ${max} profiles.`,
  import_duplicate_id: (id: string) => `The id “${id}” appears twice.`,
  import_builtin_id: (id: string) => `“${id}” is a built-in profile id: choose another.`,
} satisfies Record<string, (...args: string[]) => string>;

export type ProfileErrorKey = keyof typeof ENGLISH;
/** Every key parseProfileJson may report (the locales test checks each is in both catalogs). */
export const PROFILE_ERROR_KEYS = Object.keys(ENGLISH) as ProfileErrorKey[];

/** "a, b or c", as the English message says it. */
export function englishList(values: readonly string[]): string {
  return values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** A problem with its English message; `allowed`, when given, is the message's last argument. */
export function profileError(
  key: ProfileErrorKey,
  at: { path: string; line: number },
  args: readonly string[] = [],
  allowed?: readonly string[],
): ProfileError {
  const all = allowed ? [...args, englishList(allowed)] : args;
  const message = (ENGLISH[key] as (...a: string[]) => string)(...all);
  return { ...at, message, key, args, ...(allowed ? { allowed } : {}) };
}

/** A JSON syntax problem found by the parser, at an offset of the text. */
class JsonSyntaxError extends Error {
  constructor(
    readonly key: ProfileErrorKey,
    readonly offset: number,
    readonly args: string[] = [],
  ) {
    super(key);
  }
}

export type Segment = string | number;

/** A small JSON parser that remembers where every value starts, so errors can name a line. */
export class Parser {
  pos = 0;
  readonly where = new Map<string, number>();
  constructor(readonly text: string) {}

  fail(key: ProfileErrorKey, args: string[] = [], offset = this.pos): never {
    throw new JsonSyntaxError(key, offset, args);
  }
  /** The whole text as one JSON value: only white space may follow it. */
  document(): unknown {
    const value = this.value([], 0);
    this.ws();
    if (this.pos < this.text.length) this.fail('import_json_trailing_text');
    return value;
  }

  ws(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }
  value(path: Segment[], depth: number): unknown {
    if (depth > 64) this.fail('import_json_too_deep');
    this.ws();
    this.where.set(pathString(path), this.pos);
    const c = this.text[this.pos];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string();
    if (c === 't' && this.text.startsWith('true', this.pos)) return (this.pos += 4), true;
    if (c === 'f' && this.text.startsWith('false', this.pos)) return (this.pos += 5), false;
    if (c === 'n' && this.text.startsWith('null', this.pos)) return (this.pos += 4), null;
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    if (c === undefined) this.fail('import_json_unexpected_end');
    if (c === "'") this.fail('import_json_single_quotes');
    this.fail('import_json_unexpected_char', [c]);
  }
  object(path: Segment[], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') return this.pos++, out;
    for (;;) {
      this.ws();
      const first = this.text[this.pos];
      if (first === undefined) this.fail('import_json_unexpected_end');
      if (first === "'") this.fail('import_json_single_quotes');
      if (first !== '"') this.fail('import_json_expected_name');
      const key = this.string();
      this.ws();
      if (this.text[this.pos] === undefined) this.fail('import_json_unexpected_end');
      if (this.text[this.pos] !== ':') this.fail('import_json_expected_colon');
      this.pos++;
      const value = this.value([...path, key], depth + 1);
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.afterComma('}');
        continue;
      }
      if (c === '}') return this.pos++, out;
      this.endOfItem(c, '}');
    }
  }
  array(path: Segment[], depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.ws();
    if (this.text[this.pos] === ']') return this.pos++, out;
    for (;;) {
      out.push(this.value([...path, out.length], depth + 1));
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.afterComma(']');
        continue;
      }
      if (c === ']') return this.pos++, out;
      this.endOfItem(c, ']');
    }
  }
  /** Past a comma: a closing bracket right after it is a trailing comma, named at the comma's line. */
  afterComma(close: '}' | ']'): void {
    const comma = this.pos;
    this.pos++;
    this.ws();
    if (this.text[this.pos] === close) this.fail('import_json_trailing_comma', [close], comma);
  }
  /** After an item, neither a comma nor the closing bracket: most often a forgotten comma. */
  endOfItem(c: string | undefined, close: '}' | ']'): never {
    if (c === undefined) this.fail('import_json_unexpected_end');
    if (c === '"' || c === '{' || c === '[' || /[-0-9tfn]/.test(c)) this.fail('import_json_missing_comma');
    this.fail('import_json_expected_end', [close]);
  }
  string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === '\n') this.fail('import_json_unterminated_string', [], start);
      if (c === '"') break;
      if (c === '\\') this.pos++;
      else if (c < ' ') this.fail('import_json_control_char');
      this.pos++;
    }
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail('import_json_bad_escape', [], start);
    }
  }
}

export function pathString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}


/** The properties an object at `path` may have: the profile's own, or a text's `en` and `es`. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  return path.length === 0 ? Object.keys(PayerProfileSchema.shape) : ['en', 'es'];
}

/** A found value, shown in a message: short JSON, e.g. `42`, `"loud"`, `[…]`. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return '[…]';
  if (value && typeof value === 'object') return '{…}';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Validates a user's profile import: JSON syntax errors with their line (a trailing comma named
 * as such), schema errors with their JSON path and line (a wrong value named, with the values
 * allowed), and rule ids in `rules`/`notes` that no rule has. Problems come in line order.
 */
export function parseProfileJson(
  text: string,
): { ok: true; profile: PayerProfile } | { ok: false; errors: ProfileError[] } {
  const source = typeof text === 'string' ? text : '';
  const parser = new Parser(source);
  let value: unknown;
  try {
    value = parser.document();
  } catch (error) {
    const syntax = error instanceof JsonSyntaxError ? error : new JsonSyntaxError('import_json_unexpected_end', parser.pos);
    return { ok: false, errors: [profileError(syntax.key, { path: '', line: lineAt(source, syntax.offset) }, syntax.args)] };
  }
  const locate = (path: readonly PropertyKey[]): number => {
    for (let end = path.length; end >= 0; end--) {
      const offset = parser.where.get(pathString(path.slice(0, end)));
      if (offset !== undefined) return lineAt(source, offset);
    }
    return 1;
  };
  const errors: ProfileError[] = [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [profileError('import_not_object', { path: '', line: locate([]) })] };
  }
  const result = z.safeParse(PayerProfileSchema, value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          errors.push(profileError('import_unknown_property', { path: pathString(path), line: locate(path) }, [key], allowedKeys(issue.path)));
        }
        continue;
      }
      const path = pathString(issue.path);
      const found = valueAt(value, issue.path);
      if (issue.path.length > 0 && found === undefined) {
        errors.push(profileError('import_required', { path, line: locate(issue.path.slice(0, -1)) }, [path]));
        continue;
      }
      const at = { path, line: locate(issue.path) };
      if (issue.code === 'invalid_value') {
        const allowed = issue.values.map(String);
        errors.push(
          issue.path[0] === 'rules'
            ? profileError('import_bad_severity', at, [String(found)], allowed)
            : profileError('import_bad_value', at, [path, String(found)], allowed),
        );
      } else if (issue.code === 'invalid_format' && path === 'id') {
        errors.push(profileError('import_bad_id', at, [String(found)]));
      } else if (issue.code === 'invalid_union') {
        errors.push(profileError('import_expect_localized', at, [path, shown(found)]));
      } else if (issue.code === 'invalid_type') {
        const expected = issue.expected === 'string' ? 'text' : issue.expected === 'boolean' ? 'boolean' : issue.expected === 'object' || issue.expected === 'record' ? 'object' : null;
        errors.push(expected ? profileError(`import_expect_${expected}`, at, [path, shown(found)]) : profileError('import_invalid', at, [path]));
      } else {
        errors.push(profileError('import_invalid', at, [path]));
      }
    }
  }
  for (const field of ['rules', 'notes'] as const) {
    const map = (value as Record<string, unknown>)[field];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const id of Object.keys(map)) {
      if (RULE_IDS.has(id)) continue;
      const path = [field, id];
      errors.push(profileError('import_unknown_rule', { path: pathString(path), line: locate(path) }, [id]));
    }
  }
  // Line order (stable: problems of one line keep the order they were found in).
  errors.sort((a, b) => a.line - b.line);
  if (errors.length || !result.success) return { ok: false, errors };
  return { ok: true, profile: result.data };
}

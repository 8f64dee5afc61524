import * as z from 'zod/mini';
import { PayerProfileSchema, type PayerProfile } from './profile';
import { RULE_IDS } from './registry';

export interface ProfileError {
  /** JSON path of the problem, e.g. `rules["srs/foo"]`; '' for the document itself. */
  path: string;
  line?: number;
  message: string;
}

export type Segment = string | number;

/** A small JSON parser that remembers where every value starts, so errors can name a line. */
export class Parser {
  pos = 0;
  readonly where = new Map<string, number>();
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new SyntaxError(message);
  }
  ws(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }
  value(path: Segment[], depth: number): unknown {
    if (depth > 64) this.fail('JSON nested too deeply');
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
    this.fail(c === undefined ? 'Unexpected end of JSON' : `Unexpected character ${JSON.stringify(c)}`);
  }
  object(path: Segment[], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') return this.pos++, out;
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail('Expected a property name in double quotes');
      const key = this.string();
      this.ws();
      if (this.text[this.pos] !== ':') this.fail("Expected ':' after a property name");
      this.pos++;
      const value = this.value([...path, key], depth + 1);
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') return this.pos++, out;
      this.fail("Expected ',' or '}' after a property value");
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
        this.pos++;
        continue;
      }
      if (c === ']') return this.pos++, out;
      this.fail("Expected ',' or ']' after an array element");
    }
  }
  string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('Unterminated string');
      if (c === '"') break;
      if (c === '\\') this.pos++;
      else if (c < ' ') this.fail('Control character in string');
      this.pos++;
    }
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      this.pos = start;
      return this.fail('Invalid escape in string');
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

const MESSAGES: Record<string, string> = {
  invalid_type: 'has the wrong type',
  invalid_value: 'is not one of the allowed values',
  invalid_format: 'has the wrong format',
  unrecognized_keys: 'has unknown properties',
  invalid_union: 'is neither a text nor an {en, es} object',
};

/**
 * Validates a user's profile import: JSON syntax errors with their line, schema errors with
 * their JSON path (and line), and rule ids in `rules`/`notes` that no rule has.
 */
export function parseProfileJson(
  text: string,
): { ok: true; profile: PayerProfile } | { ok: false; errors: ProfileError[] } {
  const source = typeof text === 'string' ? text : '';
  const parser = new Parser(source);
  let value: unknown;
  try {
    value = parser.value([], 0);
    parser.ws();
    if (parser.pos < source.length) parser.fail('Unexpected text after the JSON value');
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Invalid JSON';
    return { ok: false, errors: [{ path: '', line: lineAt(source, parser.pos), message: `JSON syntax: ${message}` }] };
  }
  const locate = (path: readonly PropertyKey[]) => {
    const offset = parser.where.get(pathString(path));
    return offset === undefined ? {} : { line: lineAt(source, offset) };
  };
  const errors: ProfileError[] = [];
  const result = z.safeParse(PayerProfileSchema, value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          errors.push({ path: pathString(path), ...locate(path), message: `Unknown property "${key}"` });
        }
        continue;
      }
      const path = pathString(issue.path);
      const missing = issue.path.length > 0 && valueAt(value, issue.path) === undefined;
      const what = missing ? 'is required' : (MESSAGES[issue.code] ?? 'is invalid');
      const where = missing ? locate(issue.path.slice(0, -1)) : locate(issue.path);
      errors.push({ path, ...where, message: `${path || 'The profile'} ${what}` });
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const field of ['rules', 'notes'] as const) {
      const map = (value as Record<string, unknown>)[field];
      if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
      for (const id of Object.keys(map)) {
        if (RULE_IDS.has(id)) continue;
        const path = [field, id];
        errors.push({ path: pathString(path), ...locate(path), message: `Unknown rule id "${id}"` });
      }
    }
  }
  if (errors.length || !result.success) return { ok: false, errors };
  return { ok: true, profile: result.data };
}

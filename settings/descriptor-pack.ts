import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';

/**
 * An organization's licensed CPT descriptor file. Official CPT text is AMA-copyrighted, so
 * ClaimGuide ships its own plain-language summaries; an organization holding a licence imports
 * its file and the official text is shown instead. Accepted as JSON
 * (`{"name": "...", "descriptors": {"77371": "..."}}`) or as text lines `CODE<TAB>descriptor`
 * (also `CODE,descriptor` or `CODE|descriptor`). Parsed whole: one bad line rejects the file.
 */
const CodeSchema = z.string().check(z.regex(/^([0-9]{4}[0-9FTU]|[A-Z][0-9]{4})$/, 'not a CPT/HCPCS code'));
const TextSchema = z.string().check(z.minLength(1, 'empty descriptor'), z.maxLength(2000, 'descriptor longer than 2000 characters'));

export const DescriptorPackSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  descriptors: z.record(CodeSchema, TextSchema),
});
export type DescriptorPack = z.infer<typeof DescriptorPackSchema>;

/** English text of each problem (the UI shows `key` from the catalogs, in both languages). */
const ENGLISH = {
  pack_err_empty: () => 'The file is empty.',
  pack_err_json: () => 'Not valid JSON: check the commas, quotes and braces on this line or just before it.',
  pack_err_invalid: (path: string) => `${path} is not valid: a pack is { "name": "…", "descriptors": { "77371": "…" } }.`,
  pack_err_none: () => 'No descriptors in the file.',
  pack_err_too_many: (max: string) => `More than ${max} codes.`,
  pack_err_line_shape: () => 'Expected a code, a tab (or comma or |), then the descriptor.',
  pack_err_not_code: (code: string) => `“${code}” is not a CPT/HCPCS code (5 digits, 4 digits and F/T/U, or a letter and 4 digits).`,
  pack_err_bad_descriptor: (code: string) => `Code ${code} has an empty descriptor, or one longer than 2000 characters.`,
  pack_err_duplicate: (code: string) => `Code ${code} appears twice.`,
} satisfies Record<string, (...args: string[]) => string>;

export type PackProblemKey = keyof typeof ENGLISH;
/** Every key a pack import may report (the locales test checks each is in both catalogs). */
export const PACK_PROBLEM_KEYS = Object.keys(ENGLISH) as PackProblemKey[];

/** Why a pack was refused: its line, the i18n key and arguments, and the English message. */
export interface PackProblem {
  line: number;
  path?: string;
  message: string;
  key: PackProblemKey;
  args: readonly string[];
}

function problem(key: PackProblemKey, line: number, args: string[] = [], path?: string): PackProblem {
  return { line, ...(path ? { path } : {}), message: (ENGLISH[key] as (...a: string[]) => string)(...args), key, args };
}

export type PackResult = { ok: true; pack: DescriptorPack } | { ok: false; problems: PackProblem[] };

const MAX_CODES = 20_000;

export function parseDescriptorPack(text: string, fileName = 'descriptors'): PackResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, problems: [problem('pack_err_empty', 1)] };
  return trimmed.startsWith('{') ? parseJson(trimmed) : parseLines(trimmed, fileName);
}

function parseJson(text: string): PackResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [problem('pack_err_json', jsonErrorLine(text, error))] };
  }
  const parsed = z.safeParse(DescriptorPackSchema, data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.') || '(root)';
      return problem('pack_err_invalid', keyLine(text, issue.path.at(-1)), [path], path);
    });
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  }
  const count = Object.keys(parsed.data.descriptors).length;
  const descriptorsLine = keyLine(text, 'descriptors');
  if (!count) return { ok: false, problems: [problem('pack_err_none', descriptorsLine, [], 'descriptors')] };
  if (count > MAX_CODES) return { ok: false, problems: [problem('pack_err_too_many', descriptorsLine, [String(MAX_CODES)], 'descriptors')] };
  return { ok: true, pack: parsed.data };
}

function parseLines(text: string, fileName: string): PackResult {
  const descriptors: Record<string, string> = {};
  const problems: PackProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const match = /^\s*([^\t,|]+?)\s*[\t,|]\s*(.*?)\s*$/.exec(raw);
    if (!match) {
      problems.push(problem('pack_err_line_shape', line));
      return;
    }
    const code = match[1]!.toUpperCase();
    const descriptor = match[2]!.replace(/^"(.*)"$/, '$1');
    if (!z.safeParse(CodeSchema, code).success) problems.push(problem('pack_err_not_code', line, [code.slice(0, 20)]));
    else if (!z.safeParse(TextSchema, descriptor).success) problems.push(problem('pack_err_bad_descriptor', line, [code]));
    else if (code in descriptors) problems.push(problem('pack_err_duplicate', line, [code]));
    else descriptors[code] = descriptor;
  });
  if (problems.length) return { ok: false, problems };
  if (!Object.keys(descriptors).length) return { ok: false, problems: [problem('pack_err_none', 1)] };
  return { ok: true, pack: { name: fileName, descriptors } };
}

function jsonErrorLine(text: string, error: unknown): number {
  const message = String((error as Error)?.message);
  const line = /line (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const position = /position (\d+)/.exec(message)?.[1];
  return position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length;
}

/** The line where a JSON property name first appears (1 when it cannot be told). */
function keyLine(text: string, key: PropertyKey | undefined): number {
  const offset = key === undefined ? -1 : text.indexOf(JSON.stringify(String(key)));
  return offset < 0 ? 1 : text.slice(0, offset).split('\n').length;
}

export const descriptorPackItem = storage.defineItem<DescriptorPack | null>('local:descriptorPack', { fallback: null, version: 1 });

/** The stored pack, or null when none or unreadable (then the plain-language summaries show). */
export async function readDescriptorPack(): Promise<DescriptorPack | null> {
  try {
    const parsed = z.safeParse(DescriptorPackSchema, await descriptorPackItem.getValue());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

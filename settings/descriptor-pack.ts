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

export interface PackProblem {
  line?: number;
  path?: string;
  message: string;
}

export type PackResult = { ok: true; pack: DescriptorPack } | { ok: false; problems: PackProblem[] };

const MAX_CODES = 20_000;

export function parseDescriptorPack(text: string, fileName = 'descriptors'): PackResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, problems: [{ message: 'The file is empty.' }] };
  return trimmed.startsWith('{') ? parseJson(trimmed) : parseLines(trimmed, fileName);
}

function parseJson(text: string): PackResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ line: jsonErrorLine(text, error), message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = z.safeParse(DescriptorPackSchema, data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
    };
  }
  const count = Object.keys(parsed.data.descriptors).length;
  if (!count) return { ok: false, problems: [{ path: 'descriptors', message: 'No descriptors in the file.' }] };
  if (count > MAX_CODES) return { ok: false, problems: [{ path: 'descriptors', message: `More than ${MAX_CODES} codes.` }] };
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
      problems.push({ line, message: 'Expected a code, a tab (or comma or |), then the descriptor.' });
      return;
    }
    const code = match[1]!.toUpperCase();
    const descriptor = match[2]!.replace(/^"(.*)"$/, '$1');
    if (!z.safeParse(CodeSchema, code).success) problems.push({ line, message: `"${code.slice(0, 20)}" is not a CPT/HCPCS code.` });
    else if (!z.safeParse(TextSchema, descriptor).success) problems.push({ line, message: `Code ${code} has an empty or too long descriptor.` });
    else if (code in descriptors) problems.push({ line, message: `Code ${code} appears twice.` });
    else descriptors[code] = descriptor;
  });
  if (problems.length) return { ok: false, problems };
  if (!Object.keys(descriptors).length) return { ok: false, problems: [{ message: 'No descriptors in the file.' }] };
  return { ok: true, pack: { name: fileName, descriptors } };
}

function jsonErrorLine(text: string, error: unknown): number | undefined {
  const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
  return position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
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

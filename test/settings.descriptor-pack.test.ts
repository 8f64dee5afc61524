import { parseDescriptorPack } from '../settings/descriptor-pack';

describe('descriptor pack import', () => {
  it('accepts tab-separated lines, with comments and blank lines', () => {
    const result = parseDescriptorPack('# licensed file\n77371\tOfficial text one\n\n77372\tOfficial text two\n', 'cpt-2026.txt');
    expect(result).toEqual({ ok: true, pack: { name: 'cpt-2026.txt', descriptors: { '77371': 'Official text one', '77372': 'Official text two' } } });
  });

  it('accepts the JSON form', () => {
    const result = parseDescriptorPack(JSON.stringify({ name: 'Org pack', descriptors: { G0339: 'Text' } }));
    expect(result.ok).toBe(true);
  });

  it('rejects the whole file with the line and reason of each problem', () => {
    const result = parseDescriptorPack('77371\tfine\nnot-a-code\tx\n77372\t\n77371\tagain\njust text');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ line, key, args, message }) => ({ line, key, args, message }))).toEqual([
      { line: 2, key: 'pack_err_not_code', args: ['NOT-A-CODE'], message: '“NOT-A-CODE” is not a CPT/HCPCS code (5 digits, 4 digits and F/T/U, or a letter and 4 digits).' },
      { line: 3, key: 'pack_err_bad_descriptor', args: ['77372'], message: 'Code 77372 has an empty descriptor, or one longer than 2000 characters.' },
      { line: 4, key: 'pack_err_duplicate', args: ['77371'], message: 'Code 77371 appears twice.' },
      { line: 5, key: 'pack_err_line_shape', args: [], message: 'Expected a code, a tab (or comma or |), then the descriptor.' },
    ]);
  });

  it('reports JSON syntax errors with a line, and schema errors with a path', () => {
    const syntax = parseDescriptorPack('{\n "name": "x",\n "descriptors": {,}\n}');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.problems[0]!.line).toBe(3);
    const schema = parseDescriptorPack(JSON.stringify({ name: 'x', descriptors: { '77371': '' } }));
    expect(schema.ok).toBe(false);
    if (!schema.ok) expect(schema.problems[0]).toMatchObject({ path: 'descriptors.77371', line: 1, key: 'pack_err_invalid' });
    const multiline = parseDescriptorPack('{\n "name": "x",\n "descriptors": {\n  "77371": ""\n }\n}');
    if (!multiline.ok) expect(multiline.problems[0]!.line).toBe(4);
    else expect.unreachable();
  });

  it('rejects an empty file', () => {
    expect(parseDescriptorPack('  \n')).toEqual({ ok: false, problems: [{ line: 1, key: 'pack_err_empty', args: [], message: 'The file is empty.' }] });
  });
});

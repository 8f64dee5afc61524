import fc from 'fast-check';
import { tokenize, tokenizeByRules, tokenizeName } from '../../detection/text';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
/** ASCII made of what names and labels are made of, weighted towards the tricky joins. */
const piece = fc.constantFrom('a', 'b', 'Z', 'CPT', 'Code', 'cpt', 'mod', 'ID', 'Id', '1', '24', '(s)', '(S)', '#', '[', ']', '.', '_', '-', ' ', 'Date', 'UNIT', 'x');
const asciiName = fc.oneof(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), fc.string({ maxLength: 40 }));

describe('tokenize', () => {
  it.each([
    ['svc[2].proc', ['svc', '2', 'proc']],
    ['lines.0.cptCode', ['lines', '0', 'cpt', 'code']],
    ['line_3_mod1', ['line', '3', 'mod', '1']],
    ['CPTCode', ['cpt', 'code']],
    ['Date(s) of service', ['dates', 'of', 'service']],
    ['Mod #2', ['mod', 'number', '2']],
    ['Código de procedimiento', ['codigo', 'de', 'procedimiento']],
    ['', []],
  ])('%s', (input, tokens) => {
    expect(tokenize(input)).toEqual(tokens);
  });

  it('the one-pass ASCII path gives the same tokens as the general rules', () => {
    fc.assert(
      fc.property(asciiName, (text) => {
        expect(tokenize(text)).toEqual(tokenizeByRules(text));
      }),
      { numRuns },
    );
  });

  it('names: the one-pass path keeps which words were glued to the one before', () => {
    // The definition: chunks between separators, each tokenized; words after a chunk's first are attached.
    const byChunks = (text: string) =>
      text
        .split(/[^A-Za-z0-9\u00c0-\u00ff]+/)
        .filter(Boolean)
        .flatMap((chunk) => tokenizeByRules(chunk).map((word, index) => ({ text: word, attached: index > 0 })));
    expect(tokenizeName('line_3_mod1')).toEqual([
      { text: 'line', attached: false },
      { text: '3', attached: false },
      { text: 'mod', attached: false },
      { text: '1', attached: true },
    ]);
    fc.assert(
      fc.property(asciiName, (text) => {
        expect(tokenizeName(text)).toEqual(byChunks(text));
      }),
      { numRuns },
    );
  });
});

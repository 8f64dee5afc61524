import fc from 'fast-check';
import { digitRunReadings, nameIndices, nameIndicesAs, tokenize, tokenizeByRules, tokenizeName } from '../../detection/text';

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

describe('name indices of a name differing only in its digits (a repeated row)', () => {
  /** Names as portals write them: words, separators and numbers, including slot, line and not-a-line words. */
  const namePiece = fc.constantFrom('line', 'svc', 'mod', 'Mod', 'ptr', 'icd', 'box', 'cpt', 'Code', 'units', '[', ']', '.', '_', '-', 'x', 'é');
  const digits = fc.stringMatching(/^\d{1,7}$/);
  const name = fc.array(fc.oneof(namePiece, digits), { maxLength: 10 }).map((parts) => parts.join(''));
  /** The same name with each digit run replaced by a random run of the same length. */
  const sameShape = (text: string, seed: number) => {
    let state = seed;
    return text.replace(/\d/g, () => String((state = (state * 7 + 3) % 10)));
  };

  it('reads what nameIndices reads', () => {
    expect(nameIndicesAs(digitRunReadings('line[0][mod1]')!, 'line[41][mod3]')).toEqual(nameIndices('line[41][mod3]'));
    expect(nameIndicesAs(digitRunReadings('line_9_mod11')!, 'line_9_mod13')).toEqual({ line: 9 }); // mod13 is no slot
    expect(nameIndicesAs(digitRunReadings('line_9_mod11')!, 'line_9_mod')).toBeNull();
    expect(digitRunReadings('línea_1')).toBeNull();
    fc.assert(
      fc.property(name, fc.nat(9), (text, seed) => {
        const readings = digitRunReadings(text);
        const other = sameShape(text, seed);
        if (readings) expect(nameIndicesAs(readings, other)).toEqual(nameIndices(other));
      }),
      { numRuns },
    );
  });
});

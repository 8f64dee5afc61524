import fc from 'fast-check';
import { alikeOnceMasked, computeMatch, maskDigits, maskShapeOf, matchText } from '../../detection/match';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
/** Label-like text rich in numbers: the shape cache must never change a verdict. */
const piece = fc.oneof(
  fc.constantFrom('Line ', 'line[', '][', 'mod', 'Modifier ', 'modifier #', 'ICD', '-', '10', ' CM', 'Box ', '24', 'D', '24D.', '(', ')', 'FL ', '42', 'from', ' to ', 'Units', 'Dx', 'Pointer ', 'ptr', 'A', '.', ' ', 'CIE ', 'zip code', 'código'),
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.string({ maxLength: 6 }),
);
const labelText = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));

describe('matchText', () => {
  it('gives the same verdict as matching from scratch, whatever the numbers in the text', () => {
    fc.assert(
      fc.property(labelText, (text) => {
        expect(matchText(text)).toEqual(computeMatch(text));
      }),
      { numRuns },
    );
  });

  it('reads each text its own slot and form-locator numbers', () => {
    expect(matchText('Line 7 modifier 2').slot).toBe(2);
    expect(matchText('Line 8 modifier 3').slot).toBe(3);
    expect(matchText('Line 9 modifier #4').slot).toBe(4);
    expect(matchText('24D CPT/HCPCS').boxes).toEqual(['24d']);
    expect(matchText('24G').roles.units).toBeGreaterThan(0);
    expect(matchText('ICD-10-CM').roles.dx).toBe(1);
    expect(matchText('ICD-11').roles.dx).toBe(1);
  });
});

describe('alikeOnceMasked', () => {
  /** Markup-like text whose numbers are sometimes vocabulary words ("10", "1500", "04", "42"). */
  const markup = fc.array(fc.oneof(piece, fc.constantFrom('10', '1500', '04', '42', '0', '00', '100', '110', ' size="', '"')), { maxLength: 14 }).map((parts) => parts.join(''));
  /** The same text with some digits replaced by others: often alike once masked, sometimes not. */
  const renumbered = (text: string, seed: number) => {
    let state = seed;
    return text.replace(/\d/g, (digit) => ((state = (state * 7 + 3) % 11) < 4 ? String(state) : digit));
  };

  it('is true for two texts exactly when their masks are equal, read in place', () => {
    const shape = (text: string) => maskShapeOf(text)!;
    expect(alikeOnceMasked('<td size="10">line 4</td>', shape('<td size="10">line 3</td>'))).toBe(true);
    expect(alikeOnceMasked('<td size="11">line 3</td>', shape('<td size="10">line 3</td>'))).toBe(false); // a vocabulary run changed
    expect(alikeOnceMasked('<td size="10">line 3</td>', shape('<td size="11">line 3</td>'))).toBe(false); // …or became one
    expect(alikeOnceMasked('ICD 10 code 77', shape('ICD 10 code 7'))).toBe(false);
    expect(alikeOnceMasked('line 12 mod 3', shape('line 1 mod 23'))).toBe(false); // same length, runs elsewhere
    expect(alikeOnceMasked('', shape(''))).toBe(true);
    let alike = 0;
    fc.assert(
      fc.property(markup, fc.nat(10), fc.boolean(), (text, seed, swap) => {
        const [template, row] = swap ? [renumbered(text, seed), text] : [text, renumbered(text, seed)];
        const sameMask = maskDigits(template) === maskDigits(row);
        if (sameMask) alike++;
        expect(alikeOnceMasked(row, shape(template))).toBe(sameMask);
      }),
      { numRuns },
    );
    expect(alike).toBeGreaterThan(numRuns / 10); // not vacuous: many pairs are alike
    // Unrelated texts too (different lengths, digits where the other has none).
    fc.assert(
      fc.property(markup, markup, (a, b) => {
        expect(alikeOnceMasked(b, shape(a))).toBe(maskDigits(a) === maskDigits(b));
      }),
      { numRuns },
    );
  });
});

import fc from 'fast-check';
import { computeMatch, matchText } from '../../detection/match';

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

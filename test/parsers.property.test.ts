import fc from 'fast-check';
import { parseDescriptorPack } from '../settings/descriptor-pack';
import { originToPattern, patternMatchesOrigin } from '../settings/portals';
import { withoutModifier } from '../content/apply-fix';
import { wordAt } from '../overlay/text-at-point';

/** Any text a coder, a portal or an imported file can throw at our parsers: never a throw. */
const numRuns = Number(process.env.FC_RUNS ?? 1000);
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ maxLength: 20_000 }));

describe('parsers never throw and are deterministic', () => {
  it('descriptor pack import', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const first = parseDescriptorPack(text);
        expect(parseDescriptorPack(text)).toEqual(first);
        if (!first.ok) expect(first.problems.length).toBeGreaterThan(0);
      }),
      { numRuns },
    );
  });

  it('site addresses', () => {
    fc.assert(
      fc.property(anyText, anyText, (origin, pattern) => {
        const result = originToPattern(origin);
        expect(result === null || /^https?:\/\/[^/]+\/\*$/.test(result)).toBe(true);
        expect(typeof patternMatchesOrigin(pattern, origin)).toBe('boolean');
      }),
      { numRuns },
    );
  });

  it('modifier removal and word lookup', () => {
    fc.assert(
      fc.property(anyText, fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 30_000 }), (text, modifier, offset) => {
        const removed = withoutModifier(text, modifier);
        expect(removed === null || removed.length <= text.length).toBe(true);
        expect(text).toContain(wordAt(text, offset));
      }),
      { numRuns },
    );
  });
});

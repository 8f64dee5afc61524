import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPILE_HINT } from '../../scripts/vite-compile-hints';

/** The built bundles (`npm test` builds both before running the tests). */
const built = (path: string) => readFileSync(resolve('.output', path), 'utf8');

describe('built bundles', () => {
  it("start the sensor with V8's compile hint, still an unnamed IIFE after it; the engine stays lazily compiled", () => {
    for (const target of ['chrome-mv3', 'firefox-mv2']) {
      const sensor = built(`${target}/content-scripts/claim.js`);
      expect(sensor.startsWith(COMPILE_HINT)).toBe(true);
      expect(sensor.indexOf(COMPILE_HINT, 1)).toBe(-1);
      // WXT unnames the IIFE at the very start of the file; the hint must not have stopped it.
      expect(sensor.slice(COMPILE_HINT.length, COMPILE_HINT.length + 12)).toBe('(function(){');
      expect(built(`${target}/engine.js`).includes('allFunctionsCalledOnLoad')).toBe(false);
    }
  });

  it("keep detection in the sensor: the engine asks it about fields (content/protocol.ts) and carries none of detection's vocabulary or scoring", () => {
    for (const target of ['chrome-mv3', 'firefox-mv2']) {
      // 'modifr' is a word of detection's vocabulary (detection/vocabulary/en.ts), present wherever scoring is.
      expect(built(`${target}/content-scripts/claim.js`)).toContain('modifr');
      expect(built(`${target}/engine.js`)).not.toContain('modifr');
    }
  });

  it('keep the sensor, loaded in every frame of an enabled site, within its 30 KB gzip budget (a size, not a time: as npm run bench counts it)', () => {
    for (const target of ['chrome-mv3', 'firefox-mv2']) {
      const gzipped = gzipSync(readFileSync(resolve('.output', `${target}/content-scripts/claim.js`))).length / 1024;
      expect(gzipped).toBeLessThanOrEqual(30);
    }
  });
});

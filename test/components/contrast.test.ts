// @vitest-environment node
import { readFileSync } from 'node:fs';

/** WCAG 2.x contrast of our palettes (overlay and pages), light and dark: AA needs 4.5:1 for text. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
function palettes(css: string): Record<string, string>[] {
  return [...css.matchAll(/\{([^{}]*--cg-surface:[^{}]*)\}/g)].map(([, block]) =>
    Object.fromEntries([...block!.matchAll(/--cg-([a-z]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name!, value!])),
  );
}

describe.each(['overlay/overlay.css', 'components/pages.css'])('%s', (file) => {
  const found = palettes(readFileSync(file, 'utf8'));
  it('defines a light and a dark palette', () => {
    expect(found).toHaveLength(2);
  });
  it.each(['text', 'muted', 'error', 'warning', 'info', 'ok'])('--cg-%s on the surface meets AA (4.5:1) in both schemes', (name) => {
    for (const palette of found) expect(contrast(palette[name]!, palette.surface!)).toBeGreaterThanOrEqual(4.5);
  });
  it('badge glyphs (white on the severity colour) meet AA', () => {
    for (const colour of ['#b3261e', '#8a5a00', '#1f5fa8', '#1e6b3a']) expect(contrast('#ffffff', colour)).toBeGreaterThanOrEqual(4.5);
  });
});

// `npm run icons`: draws ClaimGuide's icon as SVG and rasterizes it with Debian's Chromium
// (playwright-core, no download) to public/icon/<size>.png (for light toolbars and pages) and
// public/icon-dark/<size>.png (for dark ones), at 16, 32, 48 and 128 px. The PNGs are committed;
// run this again only when the drawing changes.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../test/e2e/chromium';

const ICON_SIZES = [16, 32, 48, 128] as const;

interface Palette {
  tile: string;
  sheet: string;
  lines: string;
  check: string;
  checkMark: string;
}

/** For light toolbars: a deep blue tile; for dark ones: a light blue tile (each with its own edge). */
const PALETTES: Record<'light' | 'dark', Palette> = {
  light: { tile: '#1f5fa8', sheet: '#ffffff', lines: '#9fb7d6', check: '#1e6b3a', checkMark: '#ffffff' },
  dark: { tile: '#a8c8ff', sheet: '#10243f', lines: '#5d7fae', check: '#8fd6a5', checkMark: '#10243f' },
};

/**
 * A claim form (a sheet with lines) and a check: guidance on a claim. Small sizes drop detail
 * so the shape stays legible: 16 px is the tile and the check alone.
 */
function iconSvg(size: number, palette: Palette): string {
  const body =
    size <= 16
      ? `<path d="M30 66 L54 90 L100 40" fill="none" stroke="${palette.sheet}" stroke-width="20" stroke-linecap="round" stroke-linejoin="round"/>`
      : `<rect x="26" y="16" width="62" height="86" rx="8" fill="${palette.sheet}"/>
         ${(size >= 48 ? [34, 48, 62] : [38, 58])
           .map((y) => `<rect x="36" y="${y}" width="${size >= 48 ? 40 : 42}" height="${size >= 48 ? 6 : 9}" rx="3" fill="${palette.lines}"/>`)
           .join('')}
         <circle cx="86" cy="88" r="30" fill="${palette.check}" stroke="${palette.tile}" stroke-width="6"/>
         <path d="M72 88 L82 98 L101 77" fill="none" stroke="${palette.checkMark}" stroke-width="${size >= 48 ? 8 : 11}" stroke-linecap="round" stroke-linejoin="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
    <rect x="4" y="4" width="120" height="120" rx="26" fill="${palette.tile}"/>
    ${body}
  </svg>`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [variant, dir] of [['light', 'public/icon'], ['dark', 'public/icon-dark']] as const) {
    mkdirSync(dir, { recursive: true });
    for (const size of ICON_SIZES) {
      const svg = iconSvg(size, PALETTES[variant]);
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
      await page.screenshot({ path: `${dir}/${size}.png`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    }
  }
  console.log('Icons written to public/icon/ and public/icon-dark/');
} finally {
  await browser.close();
}

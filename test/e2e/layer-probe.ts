import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A box in viewport pixels. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface FloatingReport {
  /** The piece's box, or null when it is not shown. */
  rect: Rect | null;
  viewport: { width: number; height: number };
  /** Names (or ids) of the portal inputs whose centre the piece covers. */
  coveredCentres: string[];
}

/**
 * Where one of our floating pieces (`.cg-card`, `.cg-tooltip`, `.cg-undo`) is, read from the
 * page: its box, the viewport, and which of the portal's inputs it hides the centre of.
 */
export function floatingReport(page: Page, selector: string): Promise<FloatingReport> {
  return page.evaluate((css) => {
    const host = document.querySelector('claimguide-layer');
    const element = host?.shadowRoot?.querySelector<HTMLElement>(css) ?? null;
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    if (!element || getComputedStyle(element).visibility !== 'visible') return { rect: null, viewport, coveredCentres: [] };
    const box = element.getBoundingClientRect();
    const rect = { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
    const coveredCentres: string[] = [];
    for (const input of document.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea')) {
      const r = input.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) coveredCentres.push(input.getAttribute('name') ?? input.id);
    }
    return { rect, viewport, coveredCentres };
  }, selector);
}

/** Two animation frames: the overlay's redraw and Floating UI's placement have run. */
export const settle = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 30)))));

export function expectInside(report: FloatingReport): void {
  const { rect, viewport } = report;
  expect(rect).not.toBeNull();
  expect(rect!.left).toBeGreaterThanOrEqual(0);
  expect(rect!.top).toBeGreaterThanOrEqual(0);
  expect(rect!.right).toBeLessThanOrEqual(viewport.width);
  expect(rect!.bottom).toBeLessThanOrEqual(viewport.height);
}

/** The focused element: in our layer, its `data-claimguide-*` description; in the page, its name. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.localName === 'claimguide-layer') {
      const inner = active.shadowRoot?.activeElement;
      if (!inner) return 'layer';
      const inCard = inner.closest('.cg-card') ? 'card' : 'layer';
      const what = inner.getAttribute('data-claimguide-action') ?? inner.getAttribute('data-claimguide-marker') ?? inner.className;
      return `${inCard}:${what}`;
    }
    return active?.getAttribute('name') ?? active?.localName ?? '';
  });
}

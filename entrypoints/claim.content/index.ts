import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSensor } from '../../content/sensor';

// The always-on script: runs on the demo portal (localhost) in every frame; portals the user
// enables are registered at run time with the same script (see the options page). It only
// watches for claims; the engine (entrypoints/engine.ts) is loaded into frames that have one.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  allFrames: true,
  matchAboutBlank: true,
  // Loaded before the page parses, it waits for the page's load event to scan (content/sensor.ts).
  // Injected later (document_idle, document_end), Chrome holds the page's load event until the
  // injection task has run, and in about one load in four that comes after the page's first
  // layout and paint: load moved from +20–70 ms after DOMContentLoaded to +220 ms (measured).
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    try {
      startSensor(ctx, (error) => console.debug('[ClaimGuide] internal error:', error instanceof Error ? error.name : typeof error));
    } catch (error) {
      console.debug('[ClaimGuide] failed to start:', error instanceof Error ? error.name : typeof error);
    }
  },
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSensor } from '../../content/sensor';

// The always-on script: runs on the demo portal (localhost) in every frame; portals the user
// enables are registered at run time with the same script (see the options page). It only
// watches for claims; the engine (entrypoints/engine.ts) is loaded into frames that have one.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  allFrames: true,
  matchAboutBlank: true,
  // At idle, Chrome never holds the page's load event for us (at document_end it can, for ~200 ms).
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    try {
      startSensor(ctx, (error) => console.debug('[ClaimGuide] internal error:', error instanceof Error ? error.name : typeof error));
    } catch (error) {
      console.debug('[ClaimGuide] failed to start:', error instanceof Error ? error.name : typeof error);
    }
  },
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { runClaimGuide } from '../../content/main';

// Runs on the demo portal (localhost) in every frame; portals the user enables are
// registered at run time with the same script (see the options page).
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_end',
  cssInjectionMode: 'manual',
  async main(ctx) {
    try {
      await runClaimGuide(ctx);
    } catch (error) {
      console.debug('[ClaimGuide] failed to start:', error instanceof Error ? error.name : typeof error);
    }
  },
});

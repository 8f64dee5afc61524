import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runClaimGuide } from '../content/main';
import { sensorOf } from '../content/protocol';

// Injected by the background into a frame whose sensor found a claim (or a described code under
// the pointer): rules, settings, markers and cards. Runs beside the sensor in the same isolated world
// and meets it as content/protocol.ts describes.
export default defineUnlistedScript(() => {
  const sensor = sensorOf(globalThis);
  if (!sensor?.attachEngine()) return;
  runClaimGuide(sensor).catch((error: unknown) => {
    console.debug('[ClaimGuide] failed to start:', error instanceof Error ? error.name : typeof error);
  });
});

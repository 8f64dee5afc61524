import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolveProfile, type PayerProfile } from '../rules';
import { parseMessage, ToContentMessageSchema, type FrameState } from '../messaging/schemas';
import { activeProfileIdItem, pausedOriginsItem, ProfileIdSchema, PausedOriginsSchema, readValidated } from '../settings/items';
import { createOverlay } from '../overlay/layer';
import { startClaimSession } from './claim-session';
import { markersFor } from './markers';
import { localToday } from './today';

/** Reports our own failures without letting them reach the page, and without any field value. */
function reportError(error: unknown): void {
  console.debug('[ClaimGuide] internal error:', error instanceof Error ? error.name : typeof error);
}

/** Boots ClaimGuide in one frame: settings → session (detection → rules) → overlay and background. */
export async function runClaimGuide(ctx: ContentScriptContext): Promise<void> {
  let profile: PayerProfile = resolveProfile((await readValidated(activeProfileIdItem, ProfileIdSchema)).value, []);
  const origin = location.origin;
  const isPaused = async () => (await readValidated(pausedOriginsItem, PausedOriginsSchema)).value.includes(origin);

  const overlay = await createOverlay(ctx, reportError);
  ctx.onInvalidated(() => overlay.destroy());

  let lastState: FrameState = { profileId: profile.id, paused: false, claims: [] };
  let lastSent = '';
  const sendState = (state: FrameState) => {
    lastState = state;
    const serialized = JSON.stringify(state);
    if (serialized === lastSent || ctx.isInvalid) return;
    lastSent = serialized;
    browser.runtime.sendMessage({ type: 'frame-state', state }).catch(() => {
      // no listener yet (service worker starting): the panel asks again when it connects
    });
  };

  const session = startClaimSession({
    document,
    signal: ctx.signal,
    profile: () => profile,
    today: () => localToday(),
    onEvaluated(evaluated, state) {
      overlay.setMarkers(markersFor(evaluated));
      sendState(state);
    },
    onError: reportError,
  });

  if (await isPaused()) session.setPaused(true);

  const unwatchProfile = activeProfileIdItem.watch(async () => {
    profile = resolveProfile((await readValidated(activeProfileIdItem, ProfileIdSchema)).value, []);
    session.reevaluate();
  });
  const unwatchPaused = pausedOriginsItem.watch(async () => session.setPaused(await isPaused()));
  ctx.onInvalidated(() => {
    unwatchProfile();
    unwatchPaused();
  });

  const onMessage = (message: unknown) => {
    const parsed = parseMessage(ToContentMessageSchema, message);
    if (!parsed) return undefined;
    if (parsed.type === 'request-state') {
      lastSent = ''; // a panel (re)connected: report again even if nothing changed
      sendState(lastState);
      return Promise.resolve(true);
    }
    const claim = session.evaluated[parsed.claimIndex];
    const field = claim?.detected.fields.find((f) => f.role === 'cpt' && f.line === parsed.line)?.element;
    if (field) {
      field.scrollIntoView({ block: 'center' });
      field.focus();
      overlay.open(`${parsed.claimIndex}:${parsed.line}`);
    }
    return Promise.resolve(Boolean(field));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

import { browser } from 'wxt/browser';
import { t } from '../components/i18n';
import { describeFix } from '../components/FindingList';
import { setDescriptorPack } from '../components/descriptors';
import { descriptorPackItem, readDescriptorPack } from '../settings/descriptor-pack';
import type { Finding, PayerProfile } from '../rules';
import { frameStateMessage, parseMessage, ToContentMessageSchema, type FrameState } from '../messaging/schemas';
import { activeProfileIdItem, pausedOriginsItem, PausedOriginsSchema, readValidated } from '../settings/items';
import { customProfilesItem } from '../settings/profiles';
import { policySnapshotItem } from '../settings/policy';
import { engineSettingsIn, readActiveProfile, readEngineSettings, type EngineSettings } from '../settings/engine-settings';
import { createOverlay } from '../overlay/layer';
import { createErrorAnnouncer, deepActiveElement } from './announcer';
import { planFix, writeFieldValue } from './apply-fix';
import { startClaimSession } from './claim-session';
import { lineFields, markersFor } from './markers';
import type { CorrectionRole, LineRule } from '../settings/corrections';
import { recordCorrection } from '../settings/record-correction';
import type { LineFields } from '../messaging/schemas';
import type { Sensor } from './protocol';
import { localToday } from './today';

type Overlay = Awaited<ReturnType<typeof createOverlay>>;
type OverlayMarkers = ReturnType<typeof markersFor>;

/** Reports our own failures without letting them reach the page, and without any field value. */
function reportError(error: unknown): void {
  console.debug('[ClaimGuide] internal error:', error instanceof Error ? error.name : typeof error);
}

/** How long state reports to the background are coalesced while the coder types. */
const REPORT_DELAY_MS = 120;

/** Longest wait for a first evaluation before the overlay and the settings watches are set up anyway (ms). */
const START_FINISH_MAX_MS = 1000;

/** How recent a pointer position must be for the engine to answer the hover that woke it. */
const HOVER_CARRY_MS = 2000;

/**
 * Boots the engine in one frame, beside its sensor: settings → session (claims → rules) →
 * overlay and background.
 */
export async function runClaimGuide(sensor: Sensor): Promise<void> {
  const { ctx } = sensor;
  const origin = location.origin;
  const isPaused = async () => (await readValidated(pausedOriginsItem, PausedOriginsSchema)).value.includes(origin);
  // Start-up time is the coder's wait for the first markers: the settings come with the
  // background's answer to the sensor (read while the page was busy; it may reach this frame just
  // after the engine does), else all at once from storage.
  const handed = engineSettingsIn(sensor.engineAnswer) ?? engineSettingsIn(await sensor.engineAnswered());
  const settings: EngineSettings = handed ?? (await readEngineSettings());
  let profile = settings.profile;
  setDescriptorPack(settings.pack);
  const pausedAtStart = settings.pausedOrigins.includes(origin);

  // The overlay, the storage watches and their catch-up come after the first marking (see
  // finishStart): the testing-contract attributes do not wait for them; markers and an
  // announcement made meanwhile are shown once the overlay is there.
  let overlay: Overlay | undefined;
  let markers: OverlayMarkers = [];
  let pendingAnnouncement = '';
  /** Whether that rest of the start-up has run. */
  let finished = false;
  const mountOverlay = () =>
    createOverlay(ctx, { onError: reportError, onApply: applyFix, onCorrect: correctField }).then((created) => {
      if (ctx.isInvalid) {
        created.destroy();
        return;
      }
      overlay = created;
      sensor.setLayerKeys({ host: created.host, onKey: created.onLayerKey });
      ctx.onInvalidated(() => {
        sensor.setLayerKeys(null);
        created.destroy();
      });
      created.setMarkers(markers);
      if (pendingAnnouncement) created.announce(pendingAnnouncement);
      // The engine may have been loaded by a hover over a code: describe it without waiting for a move.
      const pointer = sensor.lastPointer;
      if (pointer && performance.now() - pointer.at < HOVER_CARRY_MS) created.hoverAt(pointer.x, pointer.y);
    }, reportError);
  const announcer = createErrorAnnouncer();

  let lastState: () => FrameState = () => ({ profileId: profile.id, paused: false, claims: [] });
  let lastSent = '';
  let reportTimer = 0;
  const report = () => {
    reportTimer = 0;
    if (ctx.isInvalid) return;
    const state = lastState();
    const serialized = JSON.stringify(state);
    if (serialized === lastSent) return;
    lastSent = serialized;
    browser.runtime.sendMessage(frameStateMessage(serialized)).catch(() => {
      // no listener (service worker starting): the panel asks again when it connects
    });
  };
  /** Reports the latest state once typing pauses briefly, not on every keystroke (built then, not before). */
  const sendState = (state: () => FrameState) => {
    lastState = state;
    if (!reportTimer) reportTimer = ctx.setTimeout(report, REPORT_DELAY_MS);
  };

  const session = startClaimSession({
    source: sensor,
    signal: ctx.signal,
    paused: pausedAtStart,
    profile: () => profile,
    today: () => localToday(),
    onEvaluated(evaluated, state) {
      markers = markersFor(evaluated, sensor.detection);
      overlay?.setMarkers(markers);
      const fresh = announcer.next(evaluated, deepActiveElement(document));
      if (fresh) {
        const text = t(fresh.message.key, fresh.message.args);
        if (overlay) overlay.announce(text);
        else pendingAnnouncement = text;
      }
      sendState(state);
      if (!finished) ctx.setTimeout(finishStart, 0);
    },
    onError: reportError,
  });

  /**
   * Apply: one portal field written as a user would, only on the coder's click, with Undo (its
   * button or Alt+Shift+Z). The overlay has closed the card and put focus back on the field.
   */
  function applyFix(markerKey: string, finding: Finding): void {
    const claim = session.evaluated[Number(markerKey.split(':')[0])];
    if (!finding.fix || !claim) return;
    const edit = planFix(finding.fix, claim.detected);
    if (!edit) return;
    writeFieldValue(edit.element, edit.after);
    overlay?.showUndo({
      anchor: edit.element,
      label: t('applied_label', [describeFix(finding)]),
      undo: () => {
        if (edit.element.isConnected) writeFieldValue(edit.element, edit.before);
      },
    });
  }

  /**
   * "This field is…" in the card: a recipe for the field's site (never its value). Saved, it reaches
   * the sensor through storage, which detects the page again with it.
   */
  async function correctField(markerKey: string, fieldIndex: number, role: CorrectionRole, lineRule: LineRule): Promise<boolean> {
    const [claimIndex, line] = markerKey.split(':').map(Number);
    const claim = session.evaluated[claimIndex!];
    const field = claim && lineFields(claim.detected, line!)[fieldIndex];
    if (!field?.element.isConnected) return false;
    return (await recordCorrection(sensor.detection.locate(field.element), role, lineRule)).ok;
  }

  /** The side panel's "This line's fields…": each detected field of the line and where it is. */
  function fieldsOfLine(claimIndex: number, line: number): LineFields | null {
    const claim = session.evaluated[claimIndex];
    if (!claim) return null;
    const { detection } = sensor;
    return lineFields(claim.detected, line).map(({ element, role, slot }) => {
      const corrected = detection.isCorrected(element);
      return {
        role,
        ...(slot === undefined ? {} : { slot }),
        address: detection.locate(element),
        corrected,
        reasons: corrected ? [] : detection.reasonsFor(element),
      };
    });
  }

  if (pausedAtStart) {
    const profileId = profile.id;
    sendState(() => ({ profileId, paused: true, claims: [] }));
  }

  // The coder's choice, their profiles or the organization's policy changed: evaluate again.
  const useProfile = (next: PayerProfile) => {
    profile = next;
    if (!ctx.isInvalid) session.reevaluate();
  };
  const usePaused = (paused: boolean) => {
    if (paused) {
      markers = [];
      overlay?.setMarkers([]);
    }
    session.setPaused(paused);
  };
  const reloadProfile = async () => useProfile(await readActiveProfile());
  const watchSettings = () => {
    const unwatchProfile = activeProfileIdItem.watch(reloadProfile);
    const unwatchCustomProfiles = customProfilesItem.watch(reloadProfile);
    const unwatchPolicy = policySnapshotItem.watch(reloadProfile);
    const unwatchPack = descriptorPackItem.watch(async () => setDescriptorPack(await readDescriptorPack()));
    const unwatchPaused = pausedOriginsItem.watch(async () => usePaused(await isPaused()));
    if (handed) {
      // Settings changed between the background's read and the watches above are caught up here.
      void readEngineSettings().then((now) => {
        if (ctx.isInvalid) return;
        if (JSON.stringify(now.profile) !== JSON.stringify(profile)) useProfile(now.profile);
        if (JSON.stringify(now.pack) !== JSON.stringify(settings.pack)) setDescriptorPack(now.pack);
        if (now.pausedOrigins.includes(origin) !== pausedAtStart) usePaused(!pausedAtStart);
      }, reportError);
    }
    ctx.onInvalidated(() => {
      unwatchProfile();
      unwatchCustomProfiles();
      unwatchPolicy();
      unwatchPaused();
      unwatchPack();
    });
  };

  /** The rest of the start-up, once the claims are marked (or at once when there is nothing to mark). */
  function finishStart(): void {
    if (finished || ctx.isInvalid) return;
    finished = true;
    void mountOverlay();
    watchSettings();
  }
  if (pausedAtStart || (sensor.scanned && sensor.claims.length === 0)) finishStart();
  else ctx.setTimeout(finishStart, START_FINISH_MAX_MS); // (a first evaluation normally comes well before)

  const onMessage = (message: unknown) => {
    const parsed = parseMessage(ToContentMessageSchema, message);
    if (!parsed) return undefined;
    if (parsed.type === 'request-state') {
      lastSent = ''; // a panel (re)connected: report again even if nothing changed
      report();
      return Promise.resolve(true);
    }
    if (parsed.type === 'line-fields') return Promise.resolve(fieldsOfLine(parsed.claimIndex, parsed.line));
    const claim = session.evaluated[parsed.claimIndex];
    const field = claim?.detected.fields.find((f) => f.role === 'cpt' && f.line === parsed.line)?.element;
    if (field) {
      // Scroll to and focus the field only: the coder continues typing there (Alt+Shift+G opens the card).
      field.scrollIntoView({ block: 'center' });
      field.focus();
    }
    return Promise.resolve(Boolean(field));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runClaimGuide } from '../../content/main';
import { startSensor, type Sensor } from '../../content/sensor';
import { BUILTIN_PROFILES } from '../../rules';
import { activeProfileIdItem } from '../../settings/items';
import { UI_ATTRIBUTE } from '../../detection';

const CLAIM = `<form><table><thead><tr><th>CPT/HCPCS</th><th>Modifier</th><th>Units</th></tr></thead><tbody>
  <tr><td><input name="line[0][cpt]" value="77372"></td><td><input name="line[0][mod]" value="26"></td><td><input name="line[0][units]" value="1"></td></tr>
  </tbody></table></form>`;

const medicare = BUILTIN_PROFILES.find((profile) => profile.id === 'medicare-physician')!;

let ctx: ContentScriptContext;
let reported: string[];
/** What the background answers the sensor's load-engine request with. */
let engineAnswer: unknown;

beforeEach(() => {
  ctx = new ContentScriptContext('claim');
  reported = [];
  engineAnswer = undefined;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const { type, state } = message as { type: string; state?: string };
    if (type === 'frame-state') reported.push((JSON.parse(state!) as { profileId: string }).profileId);
    return type === 'load-engine' ? engineAnswer : true;
  });
});

afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
});

function sensorOnClaim(): Sensor {
  document.body.innerHTML = CLAIM;
  return startSensor(ctx, (error) => {
    throw error;
  });
}

describe('engine start-up', () => {
  it('marks the claim with the settings the background answered, before any storage reply', async () => {
    engineAnswer = { settings: { profile: medicare, pausedOrigins: [], pack: null } };
    const sensor = sensorOnClaim();
    await vi.waitFor(() => expect(sensor.claims).toHaveLength(1));
    await vi.waitFor(() => expect(sensor.engineAnswer).toBe(engineAnswer));
    const started = runClaimGuide(sensor);
    // No await yet: the first evaluation ran within the call; the overlay comes after it.
    expect(document.querySelector('[name="line[0][cpt]"]')!.getAttribute('data-claimguide-severity')).toBe('error');
    expect(document.querySelector(`[${UI_ATTRIBUTE}]`)).toBeNull();
    await started;
    await vi.waitFor(() => expect(document.querySelector(`[${UI_ATTRIBUTE}]`)).not.toBeNull());
    // The settings watches are set up then too: a profile chosen now is evaluated.
    await activeProfileIdItem.setValue('commercial');
    await vi.waitFor(() => expect(reported.at(-1)).toBe('commercial'), { timeout: 2000 });
  });

  it('waits for an answer still on its way rather than reading storage', async () => {
    let answer!: (value: unknown) => void;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const { type } = message as { type: string };
      return type === 'load-engine' ? new Promise<unknown>((resolve) => (answer = resolve)) : true;
    });
    const sensor = sensorOnClaim();
    await vi.waitFor(() => expect(sensor.claims).toHaveLength(1));
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
    const reads = (['local', 'sync', 'session', 'managed'] as const).map((area) => vi.spyOn(fakeBrowser.storage[area], 'get'));
    const code = document.querySelector('[name="line[0][cpt]"]')!;
    // Storage reads made by the time the claim is marked (the catch-up read comes later, on purpose).
    let readsWhenMarked: number | undefined;
    new MutationObserver(() => {
      if (code.hasAttribute('data-claimguide-severity')) readsWhenMarked ??= reads.reduce((sum, read) => sum + read.mock.calls.length, 0);
    }).observe(code, { attributes: true });
    const started = runClaimGuide(sensor);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(code.hasAttribute('data-claimguide-severity')).toBe(false);
    answer({ settings: { profile: medicare, pausedOrigins: [], pack: null } });
    await vi.waitFor(() => expect(code.getAttribute('data-claimguide-severity')).toBe('error'));
    expect(readsWhenMarked).toBe(0);
    await started;
  });

  it('catches up with a profile chosen between the background\'s read and the start', async () => {
    await activeProfileIdItem.setValue('commercial');
    engineAnswer = { settings: { profile: medicare, pausedOrigins: [], pack: null } };
    const sensor = sensorOnClaim();
    await vi.waitFor(() => expect(sensor.engineAnswer).toBe(engineAnswer));
    await runClaimGuide(sensor);
    await vi.waitFor(() => expect(reported.at(-1)).toBe('commercial'), { timeout: 2000 });
  });

  it('reads storage itself when the answer has not come', async () => {
    await activeProfileIdItem.setValue('commercial');
    const sensor = sensorOnClaim();
    await vi.waitFor(() => expect(sensor.claims).toHaveLength(1));
    await runClaimGuide(sensor);
    await vi.waitFor(() => expect(reported).toEqual(['commercial']), { timeout: 2000 });
  });
});

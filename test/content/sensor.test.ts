import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startClaimSession, type EvaluatedClaim } from '../../content/claim-session';
import { sensorOf, startSensor, type Sensor } from '../../content/sensor';
import { readRawClaim } from '../../detection';
import { evaluateRaw, resolveProfile } from '../../rules';

const CLAIM = `<form><table><thead><tr><th>CPT/HCPCS</th><th>Modifier</th><th>Units</th></tr></thead><tbody>
  <tr><td><input name="line[0][cpt]" value="77372"></td><td><input name="line[0][mod]" value="59"></td><td><input name="line[0][units]" value="1"></td></tr>
  </tbody></table></form>`;

let ctx: ContentScriptContext;
let requests: unknown[];
let sensor: Sensor | undefined;

beforeEach(() => {
  ctx = new ContentScriptContext('claim');
  requests = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    requests.push(message);
    return true;
  });
});

afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
  sensor = undefined;
});

function start(): Sensor {
  sensor = startSensor(ctx, (error) => {
    throw error;
  });
  return sensor;
}

/** Rests the pointer on the text of `target` (happy-dom has no layout: the caret is placed there). */
async function hover(target: Element): Promise<void> {
  Object.assign(document, {
    caretPositionFromPoint: () => ({ offsetNode: target.firstChild, offset: 1 }),
  });
  target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 10, clientY: 20 }));
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('sensor', () => {
  describe('started before the page is parsed (document_start)', () => {
    let readyState: DocumentReadyState;
    beforeEach(() => {
      readyState = 'loading';
      vi.spyOn(document, 'readyState', 'get').mockImplementation(() => readyState);
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it('scans only once the page has loaded', () => {
      document.body.innerHTML = CLAIM;
      const started = start();
      readyState = 'interactive';
      document.dispatchEvent(new Event('DOMContentLoaded'));
      vi.advanceTimersByTime(500);
      expect(started.claims).toHaveLength(0);
      readyState = 'complete';
      window.dispatchEvent(new Event('load'));
      vi.advanceTimersByTime(1);
      expect(started.claims).toHaveLength(1);
    });

    it('scans a moment after parsing when the load event keeps waiting (images, frames)', () => {
      document.body.innerHTML = CLAIM;
      const started = start();
      vi.advanceTimersByTime(5000); // still parsing: no scan of a half-written page
      expect(started.claims).toHaveLength(0);
      readyState = 'interactive';
      document.dispatchEvent(new Event('DOMContentLoaded'));
      vi.advanceTimersByTime(999);
      expect(started.claims).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(started.claims).toHaveLength(1);
    });
  });

  it('asks once for the engine when the page has a claim, and keeps the claims for it', async () => {
    document.body.innerHTML = CLAIM;
    const started = start();
    await vi.waitFor(() => expect(started.claims).toHaveLength(1));
    expect(requests).toEqual([{ type: 'load-engine' }]);
    (document.querySelector('[name="line[0][units]"]') as HTMLInputElement).value = '2';
    document.querySelector('[name="line[0][units]"]')!.dispatchEvent(new Event('input', { bubbles: true }));
    started.rescan();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(1);
    expect(sensorOf(globalThis)).toBe(started);
  });

  it('stays quiet on a page without a claim until the pointer rests on a described code', async () => {
    document.body.innerHTML =
      '<p id="zip">77372-1234</p><table><tr><td id="code">77372</td><td id="total">12345</td></tr></table>';
    const started = start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started.claims).toHaveLength(0);
    await hover(document.querySelector('#total')!);
    await hover(document.querySelector('#zip')!);
    expect(requests).toEqual([]);
    await hover(document.querySelector('#code')!);
    expect(requests).toEqual([{ type: 'load-engine' }]);
    expect(started.lastPointer).toMatchObject({ x: 10, y: 20 });
    await hover(document.querySelector('#code')!);
    expect(requests).toHaveLength(1);
  });

  it('asks again later when the background was not listening', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementationOnce(async (message: unknown) => {
      requests.push(message);
      throw new Error('Could not establish connection');
    });
    document.body.innerHTML = '<table><tr><td id="code">G6001</td></tr></table>';
    start();
    await hover(document.querySelector('#code')!);
    await hover(document.querySelector('#code')!);
    expect(requests).toHaveLength(2);
  });

  it('is forgotten when its context is invalidated', () => {
    const started = start();
    expect(sensorOf(globalThis)).toBe(started);
    ctx.abort();
    expect(sensorOf(globalThis)).toBeUndefined();
  });
});

/** A claim session over `sensor` (Medicare physician, today 2026-11-24), and every evaluation it reports. */
function evaluateWith(sensor: Sensor) {
  const seen: (readonly EvaluatedClaim[])[] = [];
  const profile = resolveProfile('medicare-physician', []);
  startClaimSession({
    source: sensor,
    signal: ctx.signal,
    profile: () => profile,
    today: () => '2026-11-24',
    onEvaluated: (evaluated) => seen.push(evaluated),
    onError: (error) => {
      throw error;
    },
  });
  return { seen, profile };
}

describe('claim session over a sensor', () => {
  it('evaluates the claims the sensor found before the engine arrived, then every change it reports', async () => {
    document.body.innerHTML = CLAIM;
    const started = start();
    await vi.waitFor(() => expect(started.claims).toHaveLength(1));
    const { seen } = evaluateWith(started);
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]!.claim.lines[0]!.code).toBe('77372');
    const cpt = document.querySelector('[name="line[0][cpt]"]') as HTMLInputElement;
    expect(cpt.getAttribute('data-claimguide-severity')).not.toBeNull();
    cpt.value = '77371';
    cpt.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await vi.waitFor(() => expect(seen.at(-1)![0]!.claim.lines[0]!.code).toBe('77371'));
    ctx.abort();
    expect(cpt.hasAttribute('data-claimguide-severity')).toBe(false);
  });

  it('marks a blank line the page appends without re-evaluating, with the findings a full evaluation gives; a filled one is evaluated', async () => {
    const row = (n: number, code = '', units = '') => {
      const tr = document.createElement('tr');
      for (const [name, value] of [['cpt', code], ['mod', ''], ['units', units]] as const) {
        const input = document.createElement('input');
        input.name = `line[${n}][${name}]`;
        input.value = value;
        const td = document.createElement('td');
        td.append(input);
        tr.append(td);
      }
      return tr;
    };
    document.body.innerHTML = CLAIM.replace('value="1"', 'value="3"'); // 77372 × 3 units: an error on line 0
    const body = document.querySelector('tbody')!;
    body.append(row(1, '77432', '1'));
    const started = start();
    await vi.waitFor(() => expect(started.claims[0]?.fields.filter((f) => f.role === 'cpt')).toHaveLength(2));
    const { seen, profile } = evaluateWith(started);
    const full = (evaluated: EvaluatedClaim) => evaluateRaw(readRawClaim(evaluated.detected), profile, { today: '2026-11-24' });
    const before = seen.at(-1)![0]!;
    expect(before.findings.length).toBeGreaterThan(0);

    body.append(row(2));
    await vi.waitFor(() => expect(seen.at(-1)![0]!.claim.lines).toHaveLength(3));
    const blank = seen.at(-1)![0]!;
    expect(blank.findings).toBe(before.findings); // reused, not re-evaluated
    expect(blank.findings).toEqual(full(blank).findings);
    expect(blank.claim).toEqual(full(blank).claim);
    const newCode = document.querySelector('[name="line[2][cpt]"]')!;
    expect(newCode.getAttribute('data-claimguide-line')).toBe('2');
    expect(newCode.getAttribute('data-claimguide-severity')).toBe('ok');
    expect(document.querySelector('[name="line[0][cpt]"]')!.getAttribute('data-claimguide-severity')).toBe('error');

    body.append(row(3, '77372', '3'));
    await vi.waitFor(() => expect(seen.at(-1)![0]!.claim.lines).toHaveLength(4));
    const filled = seen.at(-1)![0]!;
    expect(filled.findings).toEqual(full(filled).findings);
    expect(filled.findings.some((finding) => finding.lines.includes(3))).toBe(true);
    expect(document.querySelector('[name="line[3][cpt]"]')!.getAttribute('data-claimguide-severity')).toBe('error');
  });
});

describe('keys pressed in our layer', () => {
  it('go to the engine and never to the page, nor does their release once focus is back in a page field', () => {
    const sensor = start();
    const host = document.createElement('claimguide-layer');
    document.documentElement.append(host);
    const button = document.createElement('button');
    host.attachShadow({ mode: 'open' }).append(button);
    const field = document.createElement('input');
    document.body.append(field);
    const pageSaw: string[] = [];
    for (const type of ['keydown', 'keyup']) {
      window.addEventListener(type, (event) => pageSaw.push(`window ${type} ${(event as KeyboardEvent).code}`), true);
      document.addEventListener(type, (event) => pageSaw.push(`document ${type} ${(event as KeyboardEvent).code}`));
    }
    const ours: string[] = [];
    sensor.setLayerKeys({ host, onKey: (event) => ours.push(`${event.type} ${event.code}`) });
    const key = (target: Element, type: string, code: string) =>
      target.dispatchEvent(new KeyboardEvent(type, { code, key: code, bubbles: true, composed: true }));

    key(button, 'keydown', 'Enter');
    key(field, 'keyup', 'Enter'); // Apply moved focus back to the field before the key was released
    key(field, 'keydown', 'KeyA'); // the coder types in the page: that is the page's
    key(field, 'keyup', 'KeyA');
    expect(ours).toEqual(['keydown Enter']);
    expect(pageSaw).toEqual(['window keydown KeyA', 'document keydown KeyA', 'window keyup KeyA', 'document keyup KeyA']);
    host.remove();
    field.remove();
  });
});

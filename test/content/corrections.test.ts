import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startSensor } from '../../content/sensor';
import { correctionsIn } from '../../content/corrections';
import { correctContextField } from '../../background/correction-menu';
import { readCorrections } from '../../settings/corrections';
import { policySnapshotItem, refreshPolicySnapshot } from '../../settings/policy';

const CLAIM = `<form><table><thead><tr><th>CPT/HCPCS</th><th>Modifier</th><th>Units</th><th>Note</th></tr></thead><tbody>
  <tr><td><input name="cpt_1" value="77372"></td><td><input name="mod_1"></td><td><input name="units_1"></td><td><input name="note_1"></td></tr>
  </tbody></table></form>`;
const recipe = (selector: string, role: string) => ({ site: 'http://localhost/*', selector, role, line: { kind: 'auto' } });
const roleOf = (claims: { fields: { element: Element; role: string }[] }[], name: string) =>
  claims.flatMap((claim) => claim.fields).find((field) => field.element.getAttribute('name') === name)?.role;

let ctx: ContentScriptContext;
beforeEach(() => {
  ctx = new ContentScriptContext('claim');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => true);
});
afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
});

describe('the sensor applies this site’s corrections', () => {
  it('before the heuristics, and detects the page again when they change', async () => {
    await fakeBrowser.storage.local.set({ corrections: [recipe('input[name="mod_1"]', 'none'), recipe('input[name="note_1"]', 'pointer')] });
    document.body.innerHTML = CLAIM;
    const sensor = startSensor(ctx, (error) => {
      throw error;
    });
    await vi.waitFor(() => expect(roleOf(sensor.claims as never, 'note_1')).toBe('pointer'));
    expect(roleOf(sensor.claims as never, 'mod_1')).toBeUndefined();
    expect(sensor.corrections).toHaveLength(2);

    await fakeBrowser.storage.local.set({ corrections: [recipe('input[name="units_1"]', 'none')] });
    await vi.waitFor(() => expect(roleOf(sensor.claims as never, 'mod_1')).toBe('modifier'));
    expect(roleOf(sensor.claims as never, 'note_1')).toBeUndefined();
    expect(roleOf(sensor.claims as never, 'units_1')).toBeUndefined();
  });

  it('takes the coder’s and the organization’s recipes for this site only, the organization’s last', () => {
    const stored = {
      corrections: [recipe('#a', 'cpt'), { ...recipe('#b', 'cpt'), site: 'https://other.example/*' }, recipe('input[value="1"]', 'none')],
      policySnapshot: { corrections: [recipe('#a', 'none')] },
    };
    expect(correctionsIn(stored, 'http://localhost:8642')).toEqual([
      { selector: '#a', role: 'cpt', line: { kind: 'auto' } },
      { selector: '#a', role: 'none', line: { kind: 'auto' } },
    ]);
  });
});

describe('the context menu', () => {
  it('saves a recipe for the field the frame names, under the site that covers it', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ origin: 'http://127.0.0.1:8642', selector: 'input[name="x"]', hosts: ['#grid'] }));
    expect(await correctContextField(4, 2, 'units')).toBe(true);
    expect(sendMessage).toHaveBeenCalledWith(4, { type: 'context-field-address' }, { frameId: 2 });
    expect((await readCorrections()).value).toEqual([{ site: 'http://127.0.0.1/*', selector: 'input[name="x"]', hosts: ['#grid'], role: 'units', line: { kind: 'auto' } }]);
  });

  it('saves nothing when the menu did not open on a field, or the answer is not an address', async () => {
    const answers: unknown[] = [null, { selector: 3 }];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => answers.shift() as never);
    expect(await correctContextField(4, 0, 'units')).toBe(false);
    expect(await correctContextField(4, 0, 'units')).toBe(false);
    expect((await readCorrections()).value).toEqual([]);
  });
});

describe('the policy snapshot content scripts read', () => {
  it('keeps only the policy’s valid corrections', async () => {
    await fakeBrowser.storage.managed.set({ corrections: [recipe('#a', 'cpt'), recipe('input[value="7"]', 'none'), { ...recipe('#b', 'cpt'), value: 'x' }] });
    await refreshPolicySnapshot();
    expect((await policySnapshotItem.getValue()).corrections).toEqual([recipe('#a', 'cpt')]);
  });
});

describe('the context menu’s entries', () => {
  it('are "this field is…" and each role, on editable fields of the enabled sites only', async () => {
    const { buildCorrectionMenu } = await import('../../background/correction-menu');
    const created: { id: string; parentId?: string; title: string; contexts: string[]; documentUrlPatterns: string[] }[] = [];
    Object.assign(fakeBrowser, {
      contextMenus: {
        removeAll: vi.fn(async () => void created.splice(0)),
        create: vi.fn((item: (typeof created)[number]) => void created.push(item)),
        onClicked: { addListener: vi.fn() },
      },
    });
    await fakeBrowser.storage.sync.set({ enabledSites: ['https://portal.example.com/*'] });
    await fakeBrowser.storage.local.set({ policySnapshot: { sites: ['https://org.example.com/*'] } });
    await buildCorrectionMenu();
    expect(created.map((item) => [item.id, item.parentId, item.title])).toEqual([
      ['claimguide-field-is', undefined, 'ClaimGuide: this field is…'],
      ['claimguide-field-is:cpt', 'claimguide-field-is', 'Procedure code (CPT/HCPCS)'],
      ['claimguide-field-is:modifier', 'claimguide-field-is', 'Modifier'],
      ['claimguide-field-is:units', 'claimguide-field-is', 'Units'],
      ['claimguide-field-is:dos', 'claimguide-field-is', 'Date of service'],
      ['claimguide-field-is:pos', 'claimguide-field-is', 'Place of service'],
      ['claimguide-field-is:dx', 'claimguide-field-is', 'Diagnosis (ICD-10-CM)'],
      ['claimguide-field-is:pointer', 'claimguide-field-is', 'Diagnosis pointer'],
      ['claimguide-field-is:revenue', 'claimguide-field-is', 'Revenue code'],
      ['claimguide-field-is:charge', 'claimguide-field-is', 'Charge'],
      ['claimguide-field-is:none', 'claimguide-field-is', 'Not a claim field'],
    ]);
    for (const item of created) {
      expect(item.contexts).toEqual(['editable']);
      expect(item.documentUrlPatterns).toEqual(['http://localhost/*', 'http://127.0.0.1/*', 'https://portal.example.com/*', 'https://org.example.com/*']);
    }
  });
});

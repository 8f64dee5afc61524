import { composedParent, detectClaims, safeDom, watchClaims, type DetectedClaim } from '../../detection';

/**
 * A form's controls are also properties of the form object (<input name="parentNode"> makes
 * form.parentNode that input). Browsers do it natively; here each clobbered property is made an own
 * property of the form, which shadows the prototype's accessor the same way.
 *
 * `parentElement` and `getAttribute` are left out here only because happy-dom's own `closest()` and
 * `id` getter call them through the object, so clobbering them breaks happy-dom rather than us; the
 * Chromium page `demo/public/hostile/clobbered.html` clobbers both (test/e2e/robustness.test.ts).
 */
const CLOBBERED = [
  'parentNode', 'nodeType', 'localName', 'id', 'closest', 'matches', 'contains', 'querySelectorAll', 'hasAttribute', 'ownerDocument', 'getRootNode', 'firstChild', 'nextSibling', 'firstElementChild',
  'childElementCount', 'previousElementSibling', 'shadowRoot',
];

function clobberedForm(): HTMLFormElement {
  document.body.innerHTML = `<main><p>Claim</p><form id="claim">
    <table><thead><tr><th>CPT/HCPCS</th><th>Modifier</th><th>Units</th></tr></thead><tbody>
    <tr><td><input name="line[0][cpt]" value="77372"></td><td><input name="line[0][mod]" value="26"></td><td><input name="line[0][units]" value="1"></td></tr>
    </tbody></table><input aria-label="Diagnosis" name="dx_a" value="C71.9"></form></main>`;
  const form = document.querySelector('form')!;
  for (const name of CLOBBERED) {
    const control = document.createElement('input');
    control.type = 'hidden';
    control.name = name;
    form.append(control);
    Object.defineProperty(form, name, { value: control, configurable: true });
  }
  return form;
}

const summary = (claims: readonly DetectedClaim[]) => claims.map((c) => c.fields.map((f) => `${f.role}@${f.line}`).join(' '));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a form whose controls clobber its DOM properties', () => {
  it('is read through the prototypes: its real parent, type, name and methods', () => {
    const form = clobberedForm();
    expect(form.parentNode).toBeInstanceOf(HTMLInputElement); // the page's view
    expect(composedParent(form)).toBe(document.querySelector('main'));
    expect(safeDom.parentElement(form)).toBe(document.querySelector('main'));
    expect(form.closest).toBeInstanceOf(HTMLInputElement);
    expect(safeDom.nodeType(form)).toBe(1);
    expect(safeDom.localName(form)).toBe('form');
    expect(safeDom.id(form)).toBe('claim');
    expect(safeDom.closest(form, 'main')).toBe(document.querySelector('main'));
    expect(safeDom.queryAll(form, 'input[type="hidden"]')).toHaveLength(CLOBBERED.length);
  });

  it('queries a document whose named images clobber its query methods', () => {
    clobberedForm();
    // <img name="querySelectorAll"> makes document.querySelectorAll that image.
    const image = document.createElement('img');
    image.name = 'querySelectorAll';
    document.body.append(image);
    Object.defineProperty(document, 'querySelectorAll', { value: image, configurable: true });
    Object.defineProperty(document, 'querySelector', { value: image, configurable: true });
    try {
      expect(safeDom.queryAll(document, 'form')).toHaveLength(1);
      expect(safeDom.query(document, 'main')).toBe(document.body.firstElementChild);
      expect(summary(detectClaims(document))).toEqual(['cpt@0 modifier@0 units@0 dx@null']);
    } finally {
      delete (document as unknown as Record<string, unknown>).querySelectorAll;
      delete (document as unknown as Record<string, unknown>).querySelector;
    }
  });

  it('tolerates objects that are not nodes (the window in an event path)', () => {
    expect(safeDom.nodeType(window as unknown as Node)).toBeUndefined();
  });

  it('still yields its claim, in one pass and under watch, as the same page without clobbering', async () => {
    clobberedForm();
    const clobbered = summary(detectClaims(document));
    expect(clobbered).toEqual(['cpt@0 modifier@0 units@0 dx@null']);

    const controller = new AbortController();
    const seen: DetectedClaim[][] = [];
    const errors: unknown[] = [];
    watchClaims(document, { signal: controller.signal, onChange: (claims) => seen.push(claims), onError: (e) => errors.push(e) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(summary(seen[0]!)).toEqual(clobbered);
    // A row added, and text added straight into the form: the mutation target is the form itself.
    // (Built node by node: happy-dom's insertAdjacentHTML drops <tr>/<td> outside a table context.)
    const row = document.createElement('tr');
    for (const [name, value] of [['cpt', '77371'], ['mod', ''], ['units', '']] as const) {
      const input = document.createElement('input');
      input.name = `line[1][${name}]`;
      input.value = value;
      row.append(document.createElement('td'));
      row.lastElementChild!.append(input);
    }
    document.querySelector('tbody')!.append(row);
    document.querySelector('form')!.append(document.createTextNode(' '));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(summary(seen[1]!)).toEqual(['cpt@0 modifier@0 units@0 cpt@1 modifier@1 units@1 dx@null']);
    expect(errors).toEqual([]);
    controller.abort();
  });
});

import { createWatchCounters, readRawClaim, watchClaims, type DetectedClaim, type FieldValues } from '../../detection';

const frame = () => new Promise<void>((resolve) => setTimeout(resolve, 120));

function row(n: number): string {
  return `<tr><td><input name="line[${n}][cpt]" aria-label="Line ${n + 1} CPT"></td><td><input name="line[${n}][mod1]" aria-label="Line ${n + 1} modifier 1"></td><td><input name="line[${n}][units]" aria-label="Line ${n + 1} units"></td></tr>`;
}

function page(lines: number): void {
  document.body.innerHTML = `<form id="claim"><label for="dx">Diagnosis</label><input id="dx">
    <table><thead><tr><th>CPT</th><th>Modifier</th><th>Units</th></tr></thead><tbody>${Array.from({ length: lines }, (_, n) => row(n)).join('')}</tbody></table></form>`;
}

function watch(opts: { shadowPollMs?: number; sliceAbove?: number; sliceMs?: number; onProcedureField?: () => void } = {}) {
  const controller = new AbortController();
  const calls: DetectedClaim[][] = [];
  const errors: unknown[] = [];
  // This watcher's own work counts (a watcher left running by another test adds to its own).
  const counters = createWatchCounters();
  const watcher = watchClaims(document, { signal: controller.signal, onChange: (claims) => calls.push(claims), onError: (e) => errors.push(e), counters, ...opts });
  return { controller, calls, errors, watcher, counters, last: () => calls[calls.length - 1]! };
}

/** A 200-line first scan in 0 ms slices: over vi.waitFor's 1 s default on a loaded 2-core machine. */
const SLICED_SCAN = { timeout: 15_000 };

const summary = (claims: DetectedClaim[]) => claims.map((c) => c.fields.map((f) => `${f.role}@${f.line}`).join(' '));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('watchClaims', () => {
  it('hands over the values it has just read all of, and only then', async () => {
    page(2);
    const handed: Array<{ values?: FieldValues; raw?: string[] }> = [];
    let claims: DetectedClaim | undefined;
    const controller = new AbortController();
    watchClaims(document, {
      signal: controller.signal,
      onChange: (all, _change, values) => {
        claims = all[0];
        // What the engine reads, with what was handed over; each value is the page's at the call.
        const raw = values && readRawClaim(claims!, values).lines.map((line) => line.code);
        if (values) for (const field of claims!.fields) expect(values.get(field.element)).toBe((field.element as HTMLInputElement).value);
        handed.push({ values, raw });
      },
    });
    try {
      await vi.waitFor(() => expect(handed).toHaveLength(1)); // the first scan read them all
      expect(handed[0]!.values).toBeDefined();
      const code = document.querySelector<HTMLInputElement>('[name="line[1][cpt]"]')!;
      code.value = '77372';
      code.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.waitFor(() => expect(handed).toHaveLength(2)); // a value typed: all read again
      expect(handed[1]!.raw).toEqual(['', '77372']);
      // The engine takes a handed value over the page's (they are the same when handed over).
      expect(readRawClaim(claims!, new Map([[code, '99213']])).lines[1]!.code).toBe('99213');
      const last = document.querySelector('tbody tr:last-child')!;
      const copy = last.cloneNode(true) as Element;
      copy.querySelectorAll('input').forEach((input) => (input.name = input.name.replace('[1]', '[2]')));
      last.after(copy);
      await vi.waitFor(() => expect(handed).toHaveLength(3)); // a line added: only its values read
      expect(handed[2]!.values).toBeUndefined();
      expect(claims!.fields.filter((field) => field.line === 2)).toHaveLength(3);
    } finally {
      controller.abort();
    }
  });

  it('tells once, before a sliced first scan ends, that a procedure code field exists', async () => {
    page(200);
    const told: number[] = [];
    const reports: unknown[] = [];
    const w = watch({ sliceAbove: 100, sliceMs: 0, onProcedureField: () => told.push(reports.length) });
    try {
      w.calls.push = (...items) => reports.push(...items);
      await vi.waitFor(() => expect(reports).toHaveLength(1), SLICED_SCAN);
      expect(told).toEqual([0]); // told before the scan's report
      w.watcher.rescan();
      expect(told).toHaveLength(1);
      expect(w.errors).toEqual([]);
    } finally {
      w.controller.abort();
    }
  });

  it('never tells of a procedure field on a page without one', async () => {
    document.body.innerHTML = '<form><label for="zip">ZIP code</label><input id="zip"><input type="search" aria-label="Search"></form>';
    let told = 0;
    const w = watch({ onProcedureField: () => told++ });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toBe(0);
    w.controller.abort();
  });

  it('qualifies a long page in slices, giving the page the main thread in between, then reports once', async () => {
    page(200);
    let pageTasks = 0;
    const ticker = setInterval(() => pageTasks++, 0);
    const w = watch({ sliceAbove: 100, sliceMs: 0 });
    expect(w.calls).toHaveLength(0);
    await vi.waitFor(() => expect(w.calls).toHaveLength(1), SLICED_SCAN);
    clearInterval(ticker);
    expect(pageTasks).toBeGreaterThan(0);
    expect(w.last()[0]!.fields.filter((f) => f.role === 'cpt')).toHaveLength(200);
    w.controller.abort();
  });

  it('a change made while slices are qualified is in the first report', async () => {
    page(200);
    const w = watch({ sliceAbove: 100, sliceMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0)); // a few slices in
    const first = document.querySelector<HTMLInputElement>('[name="line[0][cpt]"]')!;
    first.setAttribute('aria-label', 'Promo code');
    first.setAttribute('name', 'promo');
    await vi.waitFor(() => expect(w.calls.length).toBeGreaterThan(0), SLICED_SCAN);
    await frame();
    expect(w.last()[0]!.fields.some((f) => f.element === first)).toBe(false);
    expect(w.last()[0]!.fields.filter((f) => f.role === 'cpt')).toHaveLength(199);
    w.controller.abort();
  });

  it('a line added and one removed while slices are qualified are in the first report', async () => {
    page(200);
    const w = watch({ sliceAbove: 100, sliceMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0)); // a few slices in
    const body = document.querySelector('tbody')!;
    const removed = body.firstElementChild!.querySelector('[name="line[0][cpt]"]');
    body.firstElementChild!.remove();
    body.insertAdjacentHTML('beforeend', row(200));
    await vi.waitFor(() => expect(w.calls.length).toBeGreaterThan(0), SLICED_SCAN);
    const codes = w.calls[0]![0]!.fields.filter((f) => f.role === 'cpt').map((f) => f.element);
    expect(codes).toHaveLength(200);
    expect(codes).not.toContain(removed);
    expect(codes).toContain(document.querySelector('[name="line[200][cpt]"]'));
    w.controller.abort();
  });

  it('stops slicing when aborted', async () => {
    page(200);
    const w = watch({ sliceAbove: 100, sliceMs: 0 });
    w.controller.abort();
    await frame();
    expect(w.calls).toHaveLength(0);
  });

  it('scans at once and reports the claims', () => {
    page(2);
    const w = watch();
    expect(w.calls).toHaveLength(1);
    expect(summary(w.last())).toEqual(['dx@null cpt@0 modifier@0 units@0 cpt@1 modifier@1 units@1']);
    w.controller.abort();
  });

  it('re-marks after a line is added or removed, batching many mutations into one report', async () => {
    page(2);
    const w = watch();
    const body = document.querySelector('tbody')!;
    body.insertAdjacentHTML('beforeend', row(2));
    body.lastElementChild!.setAttribute('class', 'new');
    await frame();
    expect(w.calls).toHaveLength(2);
    expect(w.last()[0]!.fields.filter((f) => f.role === 'cpt').map((f) => f.line)).toEqual([0, 1, 2]);
    body.firstElementChild!.remove();
    await frame();
    expect(w.calls).toHaveLength(3);
    expect(w.last()[0]!.fields.filter((f) => f.role === 'cpt').map((f) => f.element.getAttribute('name'))).toEqual(['line[1][cpt]', 'line[2][cpt]']);
    w.controller.abort();
  });

  it('re-examines only what changed: one added line re-qualifies only its fields', async () => {
    page(60);
    const w = watch();
    const before = w.counters.computed;
    document.querySelector('tbody')!.insertAdjacentHTML('beforeend', row(60));
    await frame();
    expect(w.counters.computed - before).toBe(3);
    expect(w.last()[0]!.fields.filter((f) => f.role === 'cpt')).toHaveLength(61);
    w.controller.abort();
  });

  it('follows inputs a framework re-renders (same place, new elements)', async () => {
    page(1);
    const w = watch();
    const old = document.querySelector('[name="line[0][cpt]"]')!;
    old.replaceWith(Object.assign(document.createElement('input'), { name: 'line[0][cpt]' }));
    document.querySelector('[name="line[0][cpt]"]')!.setAttribute('aria-label', 'Line 1 CPT');
    await frame();
    const cpt = w.last()[0]!.fields.find((f) => f.role === 'cpt')!;
    expect(cpt.element).not.toBe(old);
    expect(cpt.element.isConnected).toBe(true);
    w.controller.abort();
  });

  it('reports value changes from input events without rescanning, and not for unrelated fields', async () => {
    page(1);
    const w = watch();
    const before = w.counters.computed;
    const cpt = document.querySelector<HTMLInputElement>('[name="line[0][cpt]"]')!;
    cpt.value = '77371';
    cpt.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    cpt.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await Promise.resolve();
    expect(w.calls).toHaveLength(2);
    expect(w.counters.computed).toBe(before);
    w.controller.abort();
  });

  it('sees inputs in shadow roots, including roots attached after the first scan', async () => {
    document.body.innerHTML = '<form><x-line id="a"></x-line></form>';
    const w = watch({ shadowPollMs: 20 });
    expect(summary(w.last())).toEqual([]);
    const root = document.getElementById('a')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="c">CPT code</label><input id="c"><label for="u">Units</label><input id="u">';
    await frame();
    expect(summary(w.last())).toEqual(['cpt@0 units@0']);
    // Changes inside that shadow root are observed too.
    root.innerHTML += '<label for="m">Modifier</label><input id="m">';
    await frame();
    expect(summary(w.last())).toEqual(['cpt@0 units@0 modifier@0']);
    // Typing in the shadow input reaches the document-level listener (input is composed).
    const count = w.calls.length;
    root.getElementById('c')!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await Promise.resolve();
    expect(w.calls.length).toBe(count + 1);
    w.controller.abort();
  });

  it('picks up a custom element that arrives with its shadow root', async () => {
    document.body.innerHTML = '<form id="f"></form>';
    const w = watch();
    const host = document.createElement('svc-line');
    host.attachShadow({ mode: 'open' }).innerHTML = '<input aria-label="CPT"><input aria-label="Units">';
    document.getElementById('f')!.append(host);
    await frame();
    expect(summary(w.last())).toEqual(['cpt@0 units@0']);
    w.controller.abort();
  });

  it('ignores its own contract attributes and our UI (no feedback loop)', async () => {
    page(1);
    const w = watch();
    const calls = w.calls.length;
    for (const claim of w.last()) for (const f of claim.fields) f.element.setAttribute('data-claimguide-role', f.role);
    const ui = document.createElement('div');
    ui.setAttribute('data-claimguide-ui', '');
    ui.attachShadow({ mode: 'open' }).innerHTML = '<label for="x">CPT code</label><input id="x">';
    document.body.append(ui);
    await frame();
    expect(w.calls.length).toBe(calls);
    w.watcher.rescan();
    expect(w.last()[0]!.fields.some((f) => f.element.getRootNode() !== document)).toBe(false);
    w.controller.abort();
  });

  it('spends no scan on changes to our own UI, and still rescans when a field is restyled', async () => {
    page(2);
    const w = watch();
    const scans = w.counters.scans;
    const ui = document.createElement('claimguide-layer');
    ui.setAttribute('data-claimguide-ui', '');
    document.documentElement.append(ui);
    ui.style.transform = 'translate(3px, 4px)';
    await frame();
    ui.remove();
    await frame();
    expect(w.counters.scans).toBe(scans);
    // A portal change right after still counts: hiding line 2's procedure field drops that line.
    document.querySelector<HTMLInputElement>('[name="line[1][cpt]"]')!.style.display = 'none';
    await frame();
    expect(w.counters.scans).toBe(scans + 1);
    expect(summary(w.last())).toEqual(['dx@null cpt@0 modifier@0 units@0']);
    w.controller.abort();
  });

  it('stops everything when the signal aborts', async () => {
    page(1);
    const w = watch();
    w.controller.abort();
    const calls = w.calls.length;
    document.querySelector('tbody')!.insertAdjacentHTML('beforeend', row(1));
    const cpt = document.querySelector<HTMLInputElement>('[name="line[0][cpt]"]')!;
    cpt.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    w.watcher.rescan();
    await frame();
    expect(w.calls.length).toBe(calls);
  });

  it('does nothing with an already-aborted signal', () => {
    page(1);
    const calls: unknown[] = [];
    watchClaims(document, { signal: AbortSignal.abort(), onChange: (c) => calls.push(c) }).rescan();
    expect(calls).toEqual([]);
  });

  it('keeps exceptions from onChange away from the page', async () => {
    page(1);
    const errors: unknown[] = [];
    const onerror = vi.fn();
    window.addEventListener('error', onerror);
    const controller = new AbortController();
    watchClaims(document, { signal: controller.signal, onChange: () => { throw new Error('boom'); }, onError: (e) => errors.push(e) });
    document.querySelector('tbody')!.insertAdjacentHTML('beforeend', row(1));
    await frame();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(onerror).not.toHaveBeenCalled();
    window.removeEventListener('error', onerror);
    controller.abort();
  });

  it('re-qualifies when a label or header text changes', async () => {
    document.body.innerHTML = '<form><label for="a">Notes</label><input id="a"><label for="b">Units</label><input id="b"><label for="c">CPT</label><input id="c"></form>';
    const w = watch();
    expect(summary(w.last())).toEqual(['units@0 cpt@0']);
    document.querySelector('label[for="a"]')!.textContent = 'Modifier';
    await frame();
    expect(summary(w.last())).toEqual(['modifier@0 units@0 cpt@0']);
    w.controller.abort();
  });
});

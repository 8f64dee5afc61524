import { createReattacher, keepAttached, REATTACH_DELAYS_MS, REATTACH_QUIET_MS } from '../../overlay/reattach';

describe('createReattacher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    let attached = true;
    const attachTimes: number[] = [];
    const reattacher = createReattacher({
      isAttached: () => attached,
      attach: () => {
        attached = true;
        attachTimes.push(Date.now());
      },
      setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => Date.now(),
      onError: (error) => {
        throw error;
      },
    });
    return { reattacher, attachTimes, remove: () => ((attached = false), reattacher.removed()) };
  }

  it('puts the layer back at once after a first removal', () => {
    const { remove, attachTimes } = setup();
    const start = Date.now();
    remove();
    vi.advanceTimersByTime(0);
    expect(attachTimes).toEqual([start]);
  });

  it('backs off while the page keeps removing it at once (never a loop), never waiting over a second', () => {
    const { remove, attachTimes, reattacher } = setup();
    const start = Date.now();
    // A page that removes the layer the moment it is back, for 5 seconds.
    for (let elapsed = 0; elapsed < 5000; elapsed += 10) {
      remove();
      vi.advanceTimersByTime(10);
    }
    const gaps = attachTimes.slice(1).map((at, i) => at - attachTimes[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(Math.max(...REATTACH_DELAYS_MS) + 10);
    expect(gaps.slice(-3).every((gap) => gap >= 800)).toBe(true);
    // About one re-attachment a second once backed off: 6 + 4.4 s / 0.81 s, not 500.
    expect(reattacher.reattachments).toBeLessThanOrEqual(12);
    expect(attachTimes[0]).toBe(start);
  });

  it('starts again from no delay after the layer has stayed in place for a while', () => {
    const { remove, attachTimes } = setup();
    for (let i = 0; i < 6; i++) {
      remove();
      vi.advanceTimersByTime(1000);
    }
    vi.advanceTimersByTime(REATTACH_QUIET_MS + 1);
    const before = Date.now();
    remove();
    vi.advanceTimersByTime(0);
    expect(attachTimes.at(-1)).toBe(before);
  });
});

describe('keepAttached', () => {
  it('re-appends the host to <html> when the page removes it, and when it replaces <html> children', async () => {
    const host = document.createElement('claimguide-layer');
    document.documentElement.append(host);
    let attachedCalls = 0;
    const keeper = keepAttached(host, {
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      now: () => performance.now(),
      onError: (error) => {
        throw error;
      },
      onAttached: () => attachedCalls++,
    });
    host.remove();
    await vi.waitFor(() => expect(host.parentNode).toBe(document.documentElement));
    document.documentElement.replaceChildren(document.head, document.body);
    await vi.waitFor(() => expect(host.parentNode).toBe(document.documentElement), { timeout: 2000 });
    expect(keeper.reattachments).toBe(2);
    expect(attachedCalls).toBe(2);
    keeper.stop();
    host.remove();
  });
});

/**
 * Keeps our layer attached to the page. Some portal frameworks remove every node they did not
 * create (a timer that clears foreign children of <html>/<body>, a re-render of the whole
 * document): the layer is put back, after a delay that grows while the page keeps removing it,
 * so the two never fight in a loop, and that never exceeds a second.
 */

/** Delay before each re-attachment in a row (ms): the last repeats while the page keeps removing us. */
export const REATTACH_DELAYS_MS = [0, 50, 100, 200, 400, 800] as const;
/** Time attached after which a removal counts as a first one again (ms). */
export const REATTACH_QUIET_MS = 5000;

export interface KeepAttachedOptions {
  /** Whether the layer is where it belongs. */
  isAttached(): boolean;
  /** Puts it back (and redraws). */
  attach(): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
  onError(error: unknown): void;
}

/**
 * The re-attachment schedule, apart from any DOM observer: call `removed()` whenever the layer
 * may have been taken out of the page.
 */
export function createReattacher(options: KeepAttachedOptions) {
  let timer = 0;
  let streak = 0;
  let attachedAt = options.now();
  let reattachments = 0;

  const run = () => {
    timer = 0;
    try {
      if (options.isAttached()) return;
      options.attach();
      reattachments++;
      attachedAt = options.now();
    } catch (error) {
      options.onError(error);
    }
  };

  return {
    removed(): void {
      if (timer || options.isAttached()) return;
      if (options.now() - attachedAt > REATTACH_QUIET_MS) streak = 0;
      const delay = REATTACH_DELAYS_MS[Math.min(streak, REATTACH_DELAYS_MS.length - 1)]!;
      streak++;
      timer = options.setTimeout(run, delay);
    },
    /** How many times the layer was put back. */
    get reattachments(): number {
      return reattachments;
    },
    stop(): void {
      if (timer) options.clearTimeout(timer);
      timer = 0;
    },
  };
}

/**
 * Watches <html> (and the document, should the page replace <html> itself) for the layer's
 * removal and puts it back with `createReattacher`'s backoff.
 */
export function keepAttached(host: Element, options: Omit<KeepAttachedOptions, 'isAttached' | 'attach'> & { onAttached(): void }) {
  const isAttached = () => host.parentNode === document.documentElement && host.isConnected;
  const reattacher = createReattacher({
    ...options,
    isAttached,
    attach: () => {
      document.documentElement.append(host);
      observe();
      options.onAttached();
    },
  });
  let watched: Element | null = null;
  const observer = new MutationObserver(() => {
    if (watched !== document.documentElement) observe();
    if (!isAttached()) reattacher.removed();
  });
  function observe(): void {
    observer.disconnect();
    watched = document.documentElement;
    observer.observe(document, { childList: true });
    if (watched) observer.observe(watched, { childList: true });
  }
  observe();
  return {
    get reattachments() {
      return reattacher.reattachments;
    },
    stop(): void {
      observer.disconnect();
      reattacher.stop();
    },
  };
}

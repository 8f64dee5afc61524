import { connect, type Socket } from 'node:net';

/**
 * A minimal client for Marionette, Firefox's own remote protocol (on a new machine there is no
 * geckodriver, and Playwright drives only its own patched Firefox). Messages are JSON arrays
 * prefixed by their byte length: `[0, id, command, params]` out, `[1, id, error, result]` back.
 * Only what the Firefox tests use: a session, add-on install, navigation, scripts in the page
 * ("content") or in the browser itself ("chrome"), and tab handles.
 */
export interface Marionette {
  send<T = unknown>(command: string, params?: object): Promise<T>;
  close(): void;
}

export class MarionetteError extends Error {
  constructor(command: string, readonly detail: { error: string; message: string }) {
    super(`${command}: ${detail.error}: ${detail.message}`);
  }
}

export async function connectMarionette(port: number): Promise<Marionette> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const waiting = new Map<number, { command: string; resolve(value: unknown): void; reject(error: Error): void }>();
  let greeted!: () => void;
  const greeting = new Promise<void>((resolve) => (greeted = resolve));
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(0x3a); // ':'
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString('ascii'));
      if (buffer.length < colon + 1 + length) return;
      const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      buffer = buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        greeted(); // { applicationType, marionetteProtocol }
        continue;
      }
      const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
      const pending = waiting.get(id);
      waiting.delete(id);
      if (!pending) continue;
      if (error) pending.reject(new MarionetteError(pending.command, error));
      else pending.resolve(result);
    }
  });
  socket.on('close', () => {
    for (const pending of waiting.values()) pending.reject(new Error(`${pending.command}: Firefox closed the connection`));
    waiting.clear();
  });
  await greeting;
  let nextId = 1;
  return {
    send<T>(command: string, params: object = {}) {
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
        const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
        socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]));
      });
    },
    close: () => socket.destroy(),
  };
}

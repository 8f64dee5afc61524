import type { Server } from 'node:http';
export interface DemoServerOptions {
  /** Extra folders served under a URL prefix, e.g. { '/fixtures/': '/abs/path' }. */
  mounts?: Record<string, string>;
}
export function createDemoServer(options?: DemoServerOptions): Server;
export function startDemoServer(port?: number, host?: string, options?: DemoServerOptions): Promise<{ server: Server; url: string }>;

import type { Server } from 'node:http';
export function createDemoServer(): Server;
export function startDemoServer(port?: number, host?: string): Promise<{ server: Server; url: string }>;

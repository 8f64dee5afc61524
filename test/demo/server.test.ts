// @vitest-environment node
import type { Server } from 'node:http';
import { startDemoServer } from '../../demo/server.mjs';

let server: Server;
let base: string;
beforeAll(async () => {
  ({ server, url: base } = await startDemoServer(0));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('demo portal server', () => {
  it('serves the claim pages', async () => {
    for (const page of ['/', '/cms1500.html', '/ub04.html']) {
      const response = await fetch(`${base}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
  });

  it('never serves files outside its public folder', async () => {
    for (const path of ['/../server.mjs', '/..%2fserver.mjs', '/%2e%2e/%2e%2e/package.json']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });

  it('echoes the submitted form body byte for byte', async () => {
    const body = 'line%5B0%5D%5Bcpt%5D=77371&note=%F0%9F%98%80+%D7%A9%D7%9C%D7%95%D7%9D';
    await fetch(`${base}/submit`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await (await fetch(`${base}/last-submission`)).text()).toBe(body);
  });
});

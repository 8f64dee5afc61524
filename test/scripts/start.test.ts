// @vitest-environment node
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` stops with everything it started. A stand-in browser (a shell script that starts a
 * child of its own, as Chromium starts its zygote and renderers) shows whether the whole process
 * group goes when start.mjs gets SIGINT (Ctrl+C) or SIGTERM.
 */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('stops the browser with its children and the portal on %s', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimguide-start-'));
    const pids = join(dir, 'pids');
    const fakeBrowser = join(dir, 'chromium');
    writeFileSync(fakeBrowser, `#!/bin/sh\nsleep 300 &\necho $$ $! > '${pids}'\nwait\n`);
    chmodSync(fakeBrowser, 0o755);
    const start = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
      env: { ...process.env, CHROMIUM_PATH: fakeBrowser, DISPLAY: ':99', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      start.stdout.on('data', (chunk) => (output += chunk));
      await vi.waitFor(() => expect(readFileSync(pids, 'utf8').trim()).toMatch(/^\d+ \d+$/), { timeout: 10_000, interval: 50 });
      const portal = /running at (http:\/\/\S+?)\/ /.exec(output)?.[1];
      expect(portal).toBeDefined();
      expect((await fetch(`${portal}/cms1500.html`)).status).toBe(200);
      const [browser, child] = readFileSync(pids, 'utf8').trim().split(' ').map(Number) as [number, number];
      expect(alive(browser) && alive(child)).toBe(true);

      const exited = new Promise<number | null>((done) => start.on('exit', (code) => done(code)));
      start.kill(signal);
      expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      await vi.waitFor(() => expect([alive(browser), alive(child)]).toEqual([false, false]), { timeout: 5_000, interval: 50 });
      await expect(fetch(`${portal}/cms1500.html`)).rejects.toThrow();
    } finally {
      start.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

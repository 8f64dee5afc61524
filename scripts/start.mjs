// `npm start`: build the extension, serve the demo portal, open Chromium with ClaimGuide loaded.
// Where there is no display (a server, CI), it serves the portal and explains how to load the
// build by hand. Flags: --no-build (reuse .output/chrome-mv3), --no-browser.
// Ctrl+C (SIGINT), SIGTERM or SIGHUP stops everything it started: the build, Chromium with all its
// processes (each child runs in a process group of its own), and the portal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer } from '../demo/server.mjs';

// The Node versions every dependency accepts (package.json engines); wxt 0.21 itself declares 22.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 13) || major === 21) {
  console.error(`ClaimGuide needs Node 22.13 or later (or 20.19 or later in the 20 line); this is Node ${process.versions.node}.`);
  process.exit(1);
}

const args = new Set(process.argv.slice(2));
const extensionPath = resolve('.output/chrome-mv3');
const port = Number(process.env.PORT ?? 8642);

/** Children still running, each the leader of its own process group. */
const children = new Set();
let server;
let stopping = false;

function run(command, commandArgs, options) {
  // detached: a process group of its own, so stopping reaches everything it starts (Chromium's
  // zygote and renderers, npx's node).
  const child = spawn(command, commandArgs, { ...options, detached: process.platform !== 'win32' });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function signalGroup(child, signal) {
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  for (const child of children) signalGroup(child, 'SIGTERM');
  server?.close();
  server?.closeAllConnections?.();
  const code = signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143;
  // Whatever has not stopped within 5 s is killed.
  const force = setTimeout(() => {
    for (const child of children) signalGroup(child, 'SIGKILL');
    process.exit(code);
  }, 5000);
  const done = () => {
    if (children.size) return;
    clearTimeout(force);
    process.exit(code);
  };
  for (const child of children) child.once('exit', done);
  done();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

if (!args.has('--no-build')) {
  console.log('Building the extension (npm run build)…');
  const build = run('npx', ['wxt', 'build'], { stdio: 'inherit' });
  const status = await new Promise((done) => build.on('exit', (code, signal) => done(signal ? 1 : (code ?? 1))));
  if (stopping) await new Promise(() => {}); // stop() exits
  if (status !== 0) process.exit(status);
}

({ server } = await startDemoServer(port, '127.0.0.1'));
const url = `http://127.0.0.1:${server.address().port}`;
const demoPage = `${url}/cms1500.html#example`;
console.log(`\nDemo portal running at ${url}/  (Ctrl+C to stop)`);

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromium = findChromium();
const manual = `
To load ClaimGuide by hand:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked",
                   choose ${extensionPath}
  Firefox:         npm run build:firefox, then about:debugging#/runtime/this-firefox →
                   "Load Temporary Add-on…" → .output/firefox-mv2/manifest.json
Then open ${demoPage}`;

if (args.has('--no-browser') || !hasDisplay || !chromium) {
  if (!hasDisplay) console.log('\nNo display found, so no browser window is opened.');
  else if (!chromium) console.log('\nChromium not found (install it with: apt-get install -y chromium, or set CHROMIUM_PATH).');
  console.log(manual);
} else {
  console.log(`Opening Chromium with the extension loaded: ${demoPage}`);
  const browser = run(
    chromium,
    [
      `--user-data-dir=${resolve('.chromium-profile')}`,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to start as root (containers, CI images) without this.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      demoPage,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  browser.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-2000)));
  browser.on('exit', (code) => {
    if (stopping) return;
    if (code) console.log(`Chromium exited (${code}):\n${errors.trim().split('\n').slice(-5).join('\n')}\n${manual}`);
    else console.log('Chromium closed; the demo portal keeps running until Ctrl+C.');
  });
}

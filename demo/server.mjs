// The demo portal: a tiny static server for the claim-entry pages ClaimGuide is shown and
// tested on. No framework, no dependencies. POST /submit echoes what the browser sent, so
// tests can check that the portal's own form submission is untouched by the extension.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./public/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Resolves a URL path inside a folder, or null when it would escape it. */
function resolveInside(folder, urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const full = join(folder, relative);
  const base = folder.endsWith(sep) ? folder : folder + sep;
  return full.startsWith(base) ? full : null;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * @param {{ mounts?: Record<string, string> }} [options] extra folders served under a URL prefix
 *   (the browser tests mount the detection fixture corpus at /fixtures/).
 */
export function createDemoServer(options = {}) {
  const mounts = Object.entries(options.mounts ?? {});
  /** Last form body received, kept in memory only (for the submission test). */
  let lastSubmission = null;
  return createServer(async (request, response) => {
    try {
      if (request.method === 'POST' && request.url === '/submit') {
        const body = await readBody(request);
        lastSubmission = body.toString('utf8');
        const fields = [...new URLSearchParams(lastSubmission)];
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          `<!doctype html><meta charset="utf-8"><title>Claim received</title><h1>Claim received</h1>` +
            `<p>${fields.length} fields received.</p><p><a href="/">Back to the portal</a></p>`,
        );
        return;
      }
      if (request.method === 'GET' && request.url === '/last-submission') {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(lastSubmission ?? '');
        return;
      }
      const url = request.url ?? '/';
      const mount = mounts.find(([prefix]) => url.startsWith(prefix));
      const file = mount ? resolveInside(mount[1], url.slice(mount[0].length - 1)) : resolveInside(root, url);
      if (!file) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      const content = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(content);
    } catch (error) {
      response.writeHead(error?.code === 'ENOENT' || error?.code === 'EISDIR' ? 404 : 500, {
        'content-type': 'text/plain; charset=utf-8',
      });
      response.end('Not found');
    }
  });
}

/** Starts the server; resolves with its base URL. Port 0 picks a free one. */
export function startDemoServer(port = 0, host = '127.0.0.1', options = {}) {
  const server = createDemoServer(options);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 8642);
  const { url } = await startDemoServer(port);
  console.log(`Demo portal: ${url}/`);
}

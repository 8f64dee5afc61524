import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { EXTENSION_PATH } from './chromium';

/**
 * Enterprise policy for browser tests: Chromium on Linux reads an extension's managed storage from
 * the `3rdparty` part of its policy files. The policy targets a copy of the build in a temporary
 * directory: an unpacked extension's id is derived from its path, so the policy can apply to no
 * other extension on this machine, and a leftover file (a crashed run) changes nothing for the
 * other tests or for `npm start`.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's id of an unpacked extension: SHA-256 of its absolute path, first 32 hex digits as a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Copies the build and writes `policy` for the copy (policy files are root's), removed after the
 * test file. Returns the copy's path, or undefined when the file cannot be written outside CI;
 * in CI it throws, since a skipped policy test would pass for nothing. `name` keeps the files of
 * different test files apart (a file of an earlier run with the same name is removed first).
 */
export function deployManagedPolicy(name: string, policy: object): { extensionPath: string } | undefined {
  const prefix = `claimguide-${name}-`;
  const extensionPath = realpathSync(mkdtempSync(join(tmpdir(), `${prefix}ext-`)));
  cpSync(EXTENSION_PATH, extensionPath, { recursive: true });
  const id = unpackedExtensionId(extensionPath);
  const policyFile = join(POLICY_DIR, `${prefix}${id}.json`);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    // Files of earlier runs target copies that no longer exist: remove them.
    for (const file of readdirSync(POLICY_DIR)) if (file.startsWith(prefix)) rmSync(join(POLICY_DIR, file), { force: true });
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  } catch (error) {
    rmSync(extensionPath, { recursive: true, force: true });
    const unavailable = `cannot write ${POLICY_DIR} (${(error as NodeJS.ErrnoException).code ?? error}); run as root`;
    if (process.env.CI) throw new Error(`Policy test (${name}): ${unavailable}`);
    return undefined;
  }
  afterAll(() => {
    rmSync(policyFile, { force: true });
    rmSync(extensionPath, { recursive: true, force: true });
  });
  return { extensionPath };
}

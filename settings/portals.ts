/**
 * Well-known billing portals a coder can enable with one click. ClaimGuide never asks for all
 * sites: each origin is requested on its own (optional host permission) when the coder enables it.
 */
export interface KnownPortal {
  name: string;
  /** Match pattern of the portal's origin. */
  pattern: string;
}

export const KNOWN_PORTALS: readonly KnownPortal[] = [
  { name: 'Availity Essentials', pattern: 'https://apps.availity.com/*' },
  { name: 'Office Ally', pattern: 'https://www.officeally.com/*' },
  { name: 'Waystar', pattern: 'https://login.waystar.com/*' },
  { name: 'Novitas Solutions (Novitasphere)', pattern: 'https://novitasphere.novitas-solutions.com/*' },
  { name: 'Noridian Medicare Portal', pattern: 'https://www.noridianmedicareportal.com/*' },
  { name: 'Palmetto GBA eServices', pattern: 'https://www.onlineproviderservices.com/*' },
  { name: 'NGS Connex', pattern: 'https://www.ngsmedicare.com/*' },
];

/** The demo portal: always on, declared in the manifest. */
export const BUILT_IN_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

/** `https://host:port` → `https://host:port/*`; null for anything that is not an http(s) origin. */
export function originToPattern(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

/** Whether an origin (e.g. from the active tab) falls under one of the patterns. */
export function patternMatchesOrigin(pattern: string, origin: string): boolean {
  try {
    const url = new URL(origin);
    const match = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
    if (!match) return false;
    const [, scheme, host] = match;
    if (`${scheme}:` !== url.protocol) return false;
    if (host!.startsWith('*.')) return url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1));
    return url.hostname === host;
  } catch {
    return false;
  }
}

import { saveCorrection, type CorrectionProblem, type CorrectionRole, type LineRule } from './corrections';
import { readPolicySnapshot } from './policy';
import { BUILT_IN_PATTERNS, originToPattern, patternMatchesOrigin } from './portals';
import { enabledSites } from './sites';

/**
 * The site pattern a correction made on `origin` is saved under: the enabled site (the coder's, the
 * organization's or the demo portal's) that covers it, else the origin's own pattern.
 */
export async function sitePatternFor(origin: string): Promise<string | null> {
  const [sites, policy] = await Promise.all([enabledSites(), readPolicySnapshot()]);
  const known = [...sites, ...(policy.sites ?? []), ...BUILT_IN_PATTERNS];
  return known.find((pattern) => patternMatchesOrigin(pattern, origin)) ?? originToPattern(origin);
}

/**
 * Saves what the coder said about the field at `address` on `origin` (from the card, the side panel
 * or the context menu): a recipe for its site, checked like every other; refused with its reasons.
 */
export async function recordCorrection(
  address: { origin: string; selector: string; hosts: readonly string[] },
  role: CorrectionRole,
  line: LineRule = { kind: 'auto' },
): Promise<{ ok: true } | { ok: false; problems: CorrectionProblem[] }> {
  const site = await sitePatternFor(address.origin);
  if (!site) return { ok: false, problems: [{ path: 'site', key: 'corrections_err_site' }] };
  return saveCorrection({
    site,
    selector: address.selector,
    ...(address.hosts.length ? { hosts: [...address.hosts] } : {}),
    role,
    line,
  });
}


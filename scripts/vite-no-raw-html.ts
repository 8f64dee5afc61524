import type { Plugin } from 'vite';

/**
 * ClaimGuide never renders raw HTML, so Preact's `dangerouslySetInnerHTML` branch is removed from
 * our bundles: no code path can assign `innerHTML` (AMO's linter flags it, and pages we run on are
 * untrusted). Fails the build if Preact's code no longer has the expected shape, so an upgrade
 * cannot silently bring the branch back.
 */
const RAW_HTML_ASSIGNMENT = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/;

export function noRawHtml(): Plugin {
  return {
    name: 'claimguide:no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      if (!RAW_HTML_ASSIGNMENT.test(code)) {
        this.error('Preact changed: the dangerouslySetInnerHTML assignment to strip was not found (see scripts/vite-no-raw-html.ts).');
      }
      return { code: code.replace(RAW_HTML_ASSIGNMENT, '(void 0)'), map: null };
    },
  };
}

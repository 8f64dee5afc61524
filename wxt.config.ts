import { defineConfig } from 'wxt';
import { noRawHtml } from './scripts/vite-no-raw-html';
import { compileHints } from './scripts/vite-compile-hints';
import { LANGUAGES, loadMessages } from './locales/messages';

/** Icon sizes drawn by scripts/icons.ts: public/icon/ for light toolbars, public/icon-dark/ for dark ones. */
const ICON_SIZES = [16, 32, 48, 128] as const;
const icons = (dir: string) => Object.fromEntries(ICON_SIZES.map((size) => [String(size), `${dir}/${size}.png`]));

// The extension manifest and build. Host access is deliberately narrow: the demo portal
// (localhost) plus portals the user enables one origin at a time (optional permissions).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // CLAIMGUIDE_UNMINIFIED=1 keeps function names readable in CPU profiles; CLAIMGUIDE_SOURCEMAP=1
  // writes source maps, to see which modules a bundle carries (docs/performance.md).
  vite: () => ({
    plugins: [noRawHtml(), compileHints(['content-scripts/claim.js'])],
    build: { ...(process.env.CLAIMGUIDE_UNMINIFIED ? { minify: false } : {}), ...(process.env.CLAIMGUIDE_SOURCEMAP ? { sourcemap: true } : {}) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: icons('icon'),
    // Each permission is justified in PRIVACY.md.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    // Asked for one origin at a time, when the coder enables a portal in the options page.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // Firefox swaps the toolbar icon with its theme (theme_icons: `light` for a light theme, `dark`
    // for a dark one); Chrome has no such key, so the default icon is a filled tile that reads on both.
    // The Firefox build is MV2, where the popup entrypoint writes `browser_action`: set it there.
    ...(browser === 'firefox'
      ? {
          browser_action: {
            default_title: '__MSG_extName__',
            default_icon: icons('icon'),
            theme_icons: ICON_SIZES.map((size) => ({ light: `icon/${size}.png`, dark: `icon-dark/${size}.png`, size })),
          },
        }
      : { action: { default_title: '__MSG_extName__', default_icon: icons('icon') } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claimguide@claimguide.example',
              // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // UI strings and rule messages are kept beside their code; browser.i18n reads them merged.
    'build:publicAssets': (_wxt, files) => {
      for (const lang of LANGUAGES) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(loadMessages(lang), null, 1) });
      }
    },
  },
  zip: {
    excludeSources: ['.output/**', 'test-results/**', 'coverage/**', '**/*.log'],
  },
});

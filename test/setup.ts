import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, loadMessages } from '../locales/messages';

/**
 * fakeBrowser has no i18n: give component tests the real merged English catalog, with
 * browser.i18n's placeholder semantics, so they assert on the text a coder would read.
 */
const english = loadMessages('en');
Object.assign(fakeBrowser, {
  i18n: {
    getMessage: (key: string, substitutions?: string | string[]) =>
      formatMessage(english[key], typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])),
    getUILanguage: () => 'en-US',
  },
});

beforeEach(() => {
  fakeBrowser.reset();
});

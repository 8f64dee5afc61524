import { KNOWN_PORTALS, originToPattern, patternMatchesOrigin } from '../settings/portals';

describe('site patterns', () => {
  it.each([
    ['https://portal.example.com', 'https://portal.example.com/*'],
    ['https://portal.example.com:8443/claims/new?x=1', 'https://portal.example.com/*'],
    ['  http://10.0.0.5/billing ', 'http://10.0.0.5/*'],
    ['ftp://example.com', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@example.com', null],
    ['not a url', null],
  ])('%j → %j', (input, expected) => {
    expect(originToPattern(input)).toBe(expected);
  });

  it('matches origins against patterns, with wildcard subdomains', () => {
    expect(patternMatchesOrigin('https://apps.availity.com/*', 'https://apps.availity.com')).toBe(true);
    expect(patternMatchesOrigin('https://apps.availity.com/*', 'http://apps.availity.com')).toBe(false);
    expect(patternMatchesOrigin('https://*.example.com/*', 'https://a.b.example.com')).toBe(true);
    expect(patternMatchesOrigin('https://*.example.com/*', 'https://example.com')).toBe(true);
    expect(patternMatchesOrigin('https://*.example.com/*', 'https://badexample.com')).toBe(false);
    expect(patternMatchesOrigin('http://127.0.0.1/*', 'http://127.0.0.1:8642')).toBe(true);
  });

  it('lists only https portal origins', () => {
    for (const portal of KNOWN_PORTALS) expect(portal.pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });
});

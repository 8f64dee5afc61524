import { detectClaims, readRawClaim } from '../../detection';
import { normalizeClaim } from '../../rules';
import { CORPUS_FIXTURES, readHtml } from '../fixtures/portals';
import { loadPage } from './load';

/** What the rules read from real-pattern pages where dates are split or shared by the claim. */
const page = (name: string) => {
  loadPage(readHtml(CORPUS_FIXTURES.find((fixture) => fixture.name === name)!));
};
const type = (selector: string, value: string) => {
  (document.querySelector(selector) as HTMLInputElement).value = value;
};

describe('reading what the page splits or shares', () => {
  it('assembles month, day and year boxes into one date per line and side (CMS-1500 fillable form)', () => {
    page('cms1500-acroform');
    for (const [line, from, to] of [[1, ['03', '04', '25'], ['03', '06', '25']], [2, ['04', '01', '25'], ['', '', '']]] as const) {
      ['mm', 'dd', 'yy'].forEach((part, i) => type(`[name="sv${line}_${part}_from"]`, from[i]!));
      ['mm', 'dd', 'yy'].forEach((part, i) => type(`[name="sv${line}_${part}_end"]`, to[i]!));
      type(`[name="cpt${line}"]`, '77372');
    }
    const [claim] = detectClaims(document);
    const raw = readRawClaim(claim!);
    expect(raw.lines.slice(0, 2).map((l) => [l.code, l.dateFrom, l.dateTo])).toEqual([
      ['77372', '03/04/25', '03/06/25'],
      ['77372', '04/01/25', undefined],
    ]);
    // Two lines on different dates stay on different dates for the rules, each on its own date.
    const lines = normalizeClaim(raw).lines;
    expect(lines.slice(0, 2).map((l) => l.dateFrom)).toEqual(['2025-03-04', '2025-04-01']);
  });

  it('reads a half-typed date as unreadable, never as no date and never as today', () => {
    page('cms1500-acroform');
    type('[name="sv1_mm_from"]', '03');
    type('[name="sv1_yy_from"]', '25');
    type('[name="cpt1"]', '77371');
    const raw = readRawClaim(detectClaims(document)[0]!);
    expect(raw.lines[0]!.dateFrom).toBe('03/?/25');
    const line = normalizeClaim(raw).lines[0]!;
    expect(line.dateFrom).toBeUndefined();
    expect(line.dateUnreadable).toBe(true);
  });

  it("gives every line the claim's date of service and default place, unless a line has its own", () => {
    page('claim-default-pos');
    type('#date-of-service', '2025-05-02');
    (document.querySelector('#default-place-of-service') as HTMLSelectElement).value = '22';
    type('#proc-1-code', '77372');
    type('#proc-2-code', '77371');
    (document.querySelector('#proc-2-pos') as HTMLSelectElement).value = '11';
    const raw = readRawClaim(detectClaims(document)[0]!);
    expect(raw.lines.map((l) => [l.code, l.dateFrom, l.placeOfService])).toEqual([
      ['77372', '2025-05-02', '22'],
      ['77371', '2025-05-02', '11'],
      ['', '2025-05-02', '22'],
    ]);
  });

  it('applies claim-wide visit dates from and to (openIMIS, Spanish)', () => {
    page('openimis-claim-es');
    type('#ctl00_Body_txtSTARTData', '02/03/2025');
    type('#ctl00_Body_txtENDData', '02/04/2025');
    const raw = readRawClaim(detectClaims(document)[0]!);
    expect(raw.lines.length).toBeGreaterThan(0);
    for (const line of raw.lines) expect([line.dateFrom, line.dateTo]).toEqual(['02/03/2025', '02/04/2025']);
  });
});

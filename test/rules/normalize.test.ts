import { normalizeClaim, parseUsDate, type RawClaim } from '../../rules';
import { normalizeIcd10, parsePointers, parseUnits, splitCodeField, splitModifiers } from '../../rules/normalize';

const one = (line: Partial<RawClaim['lines'][number]>, rest: Partial<RawClaim> = {}) =>
  normalizeClaim({ formType: 'professional', diagnosisCodes: [], ...rest, lines: [{ index: 0, code: '', modifiers: [], ...line }] }).lines[0]!;

describe('normalizeClaim', () => {
  it.each([
    ['77372', '77372', []],
    [' 77372 ', '77372', []],
    ['77372-59', '77372', ['59']],
    ['77372 59', '77372', ['59']],
    ['77372-26-59', '77372', ['26', '59']],
    ['77372,XS', '77372', ['XS']],
    ['g0339', 'G0339', []],
    ['\u00a077371\u200b tc', '77371', ['TC']],
    ['', '', []],
  ])('code field %j → %s %j', (typed, code, modifiers) => {
    expect(splitCodeField(typed)).toEqual({ code, modifiers });
  });

  it('merges modifiers from the code field and every modifier field, upper-cased, in order', () => {
    expect(one({ code: '77372-26', modifiers: ['59, xs', '', ' gA '] }).modifiers).toEqual(['26', '59', 'XS', 'GA']);
  });

  it.each([
    ['26,59', ['26', '59']],
    ['26 59', ['26', '59']],
    ['26;59', ['26', '59']],
    ['26/59', ['26', '59']],
    ['  ', []],
  ])('modifier field %j', (typed, expected) => expect(splitModifiers(typed)).toEqual(expected));

  it.each([
    ['1', 1],
    ['1.0', 1],
    ['01', 1],
    ['2,0', 2],
    [' 3 ', 3],
    ['', undefined],
    ['one', undefined],
    ['-1', undefined],
  ])('units %j → %s', (typed, expected) => expect(parseUnits(typed)).toBe(expected));

  it('keeps the typed units text and a number when readable', () => {
    expect(one({ code: '77372', units: '1.0' })).toMatchObject({ units: 1, unitsText: '1.0' });
    expect(one({ code: '77372', units: 'x' })).toMatchObject({ unitsText: 'x' });
    expect(one({ code: '77372', units: 'x' }).units).toBeUndefined();
  });

  it.each([
    ['07/15/2024', '2024-07-15'],
    ['7/5/2024', '2024-07-05'],
    ['07-15-2024', '2024-07-15'],
    ['07.15.24', '2024-07-15'],
    ['07 15 24', '2024-07-15'],
    ['07 15 2024', '2024-07-15'],
    ['07152024', '2024-07-15'],
    ['071524', '2024-07-15'],
    ['20240715', '2024-07-15'],
    ['2024-07-15', '2024-07-15'],
    ['2024/7/15', '2024-07-15'],
    ['Jul 15, 2024', '2024-07-15'],
    ['july 15 2024', '2024-07-15'],
    ['02/29/2024', '2024-02-29'],
    ['02/29/2023', undefined],
    ['13/01/2024', undefined],
    ['15/07/2024', undefined],
    ['tomorrow', undefined],
    ['', undefined],
  ])('date %j → %s', (typed, expected) => expect(parseUsDate(typed)).toBe(expected));

  it('marks an unreadable date and leaves the line undated', () => {
    const line = one({ code: '77372', dateFrom: '31/31/2024' });
    expect(line.dateFrom).toBeUndefined();
    expect(line.dateUnreadable).toBe(true);
  });

  it.each([
    ['C79.31', 'C79.31'],
    ['c7931', 'C79.31'],
    [' d33.3 ', 'D33.3'],
    ['G500', 'G50.0'],
    ['G20', 'G20'],
    ['g20a1', 'G20.A1'],
    ['not a code', 'NOTACODE'],
  ])('ICD-10 %j → %s', (typed, expected) => expect(normalizeIcd10(typed)).toBe(expected));

  it('drops blank diagnosis fields', () => {
    expect(normalizeClaim({ formType: 'professional', diagnosisCodes: ['', 'c7931', '  '], lines: [] }).diagnosisCodes).toEqual(['C79.31']);
  });

  it.each([
    ['AB', ['A', 'B']],
    ['a, c', ['A', 'C']],
    ['1,2', ['1', '2']],
    ['12', ['12']],
    ['', []],
  ])('pointers %j', (typed, expected) => expect(parsePointers(typed)).toEqual(expected));

  it('reads charges, place of service and revenue code', () => {
    expect(one({ code: '77372', charge: '$1,250.00', placeOfService: ' 22 ', revenueCode: '0333' })).toMatchObject({
      charge: 1250,
      placeOfService: '22',
      revenueCode: '0333',
    });
  });

  it('orders lines by page index and keeps blank lines for the UI', () => {
    const claim = normalizeClaim({
      formType: 'institutional',
      diagnosisCodes: [],
      lines: [
        { index: 2, code: '77432', modifiers: [] },
        { index: 0, code: '77372', modifiers: [] },
        { index: 1, code: '', modifiers: [] },
      ],
    });
    expect(claim.lines.map((line) => line.index)).toEqual([0, 1, 2]);
    expect(claim.formType).toBe('institutional');
  });
});

import { CODES, describeCode, describeModifier, isSrsCode, MODIFIERS } from '../../rules';
import { CATALOG_CODE_IDS } from '../../rules/catalog/code-ids';

const ISSUE_CODES = [
  '77371', '77372', '77373', '77432', '77435', '77263', '77295', '77300', '77301', '77334', '77336', '77370', '77014', '77387',
  '77385', '77386', '77401', '77402', '77407', '77412', '61796', '61797', '61798', '61799', '61800', 'G0339', 'G0340', 'G6001',
  'G6002', 'G6017', '20660',
];
const ISSUE_MODIFIERS = ['26', 'TC', '59', 'XE', 'XS', 'XP', 'XU', '76', '77', '78', '79', 'GA', 'GZ', 'GY', 'KX', 'PO', 'PN', '25', '50', '51', '52', 'LT', 'RT', '22'];

describe('code catalog', () => {
  it.each(ISSUE_CODES)('describes %s in English and Spanish', (code) => {
    const entry = describeCode(code);
    expect(entry?.code).toBe(code);
    expect(entry!.summary.en.length).toBeGreaterThan(10);
    expect(entry!.summary.es.length).toBeGreaterThan(10);
    for (const related of entry!.relatedCodes) {
      expect(related.why.en && related.why.es).toBeTruthy();
    }
  });

  it('lists, for the always-on sensor, exactly the codes the catalog describes', () => {
    expect([...CATALOG_CODE_IDS]).toEqual(CODES.map((entry) => entry.code));
  });

  it('normalizes the looked-up code and knows nothing it should not', () => {
    expect(describeCode(' g0339 ')?.code).toBe('G0339');
    expect(describeCode('99999')).toBeUndefined();
  });

  it('has the MPFS components of the reference', () => {
    expect(describeCode('77371')?.component).toBe('technical');
    expect(describeCode('77372')?.component).toBe('technical');
    expect(describeCode('77373')?.component).toBe('technical');
    expect(describeCode('77432')?.component).toBe('professional');
    expect(describeCode('77435')?.component).toBe('professional');
    expect(describeCode('77295')?.component).toBe('global');
    expect(describeCode('77372')?.expectedModifiers).not.toContain('26');
  });

  it.each(['77371', '77372'])('%s has the documentation checklist, bilingual, with unique ids', (code) => {
    const list = describeCode(code)?.checklist ?? [];
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
    for (const item of list) expect(item.text.en && item.text.es).toBeTruthy();
  });

  it('gives a checklist only for 77371/77372', () => {
    expect(CODES.filter((entry) => entry.checklist).map((entry) => entry.code)).toEqual(['77371', '77372']);
  });

  it('never ships AMA descriptor wording for 77371/77372 (own summaries)', () => {
    expect(describeCode('77371')?.summary.en).not.toMatch(/consisting of 1 session; multi-source Cobalt 60 based/i);
  });

  it('marks the codes deleted on 2026-01-01', () => {
    for (const code of ['77385', '77386', '77014', 'G6001', 'G6002', 'G6017', 'G6003', 'G6016']) expect(describeCode(code)?.deletedOn, code).toBe('2026-01-01');
    expect(describeCode('77372')?.deletedOn).toBeUndefined();
  });
});

describe('modifier catalog', () => {
  it.each(ISSUE_MODIFIERS)('describes %s', (modifier) => {
    const entry = describeModifier(modifier);
    expect(entry?.modifier).toBe(modifier);
    expect(entry!.meaning.en && entry!.meaning.es).toBeTruthy();
  });

  it('sorts procedure modifiers from payment/informational ones', () => {
    for (const m of ['59', 'XE', '76', '78', '25', '50', 'LT']) expect(describeModifier(m)?.kind, m).toBe('procedure');
    for (const m of ['GA', 'GZ', 'GY', 'KX', 'PO', 'PN', '26', 'TC']) expect(describeModifier(m)?.kind, m).not.toBe('procedure');
    expect(describeModifier('xs')?.modifier).toBe('XS');
    expect(MODIFIERS.length).toBe(new Set(MODIFIERS.map((m) => m.modifier)).size);
  });
});

describe('isSrsCode', () => {
  it.each([
    ['77371', true],
    ['77372', true],
    [' 77372 ', true],
    ['77373', false],
    ['77432', false],
    ['', false],
  ])('%j → %s', (code, expected) => expect(isSrsCode(code)).toBe(expected));
});

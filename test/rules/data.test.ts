// The versioned data checked against the CMS 2024-07 values of the domain reference
// (ncci-mpfs-2024-extract.txt), transcribed here as the oracle (tests never read ../shared).
import { cmsData, SHIPPED_DATA } from '../../rules/data/cms-data';
import { isCodeValidOn } from '../../rules/data/code-validity';
import { srsIndicationOf } from '../../rules/data/srs-indications';
import type { NcciFile } from '../../rules/data/types';

const D = '2024-07-15';

describe('NCCI data (2024Q3)', () => {
  const data = cmsData();
  const mueOf = (file: NcciFile, code: string) => data.mue(file, code, D);
  const ptpEdit = (file: NcciFile, a: string, b: string, date: string) => data.ptpEdit(file, a, b, date);

  it('is labelled with its quarter and the dates of service it covers', () => {
    expect(SHIPPED_DATA.ptp.map((q) => [q.label, q.from, q.to])).toEqual([['NCCI PTP 2024 Q3', '2024-07-01', '2024-09-30']]);
    expect(SHIPPED_DATA.mue.map((q) => [q.label, q.from, q.to])).toEqual([['NCCI MUE 2024 Q3', '2024-07-01', '2024-09-30']]);
    expect(data.vintage()).toBe('NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025');
  });

  it('holds the 977 active edits of the 2024-07 extract', () => {
    const edits = (rows: readonly (readonly [string, string, string, number, number, string])[]) => rows.reduce((sum, row) => sum + row[5].split(' ').length, 0);
    expect(edits(SHIPPED_DATA.ptp[0]!.practitioner) + edits(SHIPPED_DATA.ptp[0]!.outpatient)).toBe(977);
  });

  it.each([
    ['2024-06-30', false], ['2024-07-01', true], ['2024-09-30', true], ['2024-10-01', false], ['2019-03-10', false], ['2026-03-10', false],
  ])('PTP and MUE apply to %s: %s (before, inside, after the quarter)', (date, inside) => {
    expect(Boolean(data.ptpEdit('practitioner', '77371', '77373', date))).toBe(inside);
    expect(Boolean(data.mue('practitioner', '77371', date))).toBe(inside);
  });

  it.each([
    ['2023-12-31', '77372', undefined], ['2024-01-01', '77372', 3], ['2025-06-01', '77336', 3], ['2025-06-01', '77263', 2],
    ['2026-02-01', '77372', 3], ['2026-02-01', '77387', 2], ['2025-02-01', '77387', 0], ['2026-02-01', '77336', undefined], ['2027-01-01', '77372', undefined],
  ])('MPFS PC/TC on %s of %s: %s', (date, code, pctc) => {
    expect(data.mpfs(code, date)?.pctc).toBe(pctc);
  });

  const MUE: [string, number, number, number, number][] = [
    // code, practitioner value, MAI, outpatient value, MAI
    ['77371', 1, 2, 1, 2], ['77372', 1, 2, 1, 2], ['77373', 1, 3, 1, 3], ['77432', 1, 2, 1, 2], ['77435', 1, 2, 1, 2],
    ['61796', 1, 2, 1, 2], ['61797', 4, 3, 4, 3], ['61798', 1, 2, 1, 2], ['61799', 4, 3, 4, 3], ['61800', 1, 2, 1, 2],
    ['20660', 1, 2, 1, 2], ['G0339', 1, 2, 1, 2], ['G0340', 1, 3, 1, 3], ['77263', 1, 3, 1, 3], ['77295', 1, 3, 1, 3],
    ['77300', 10, 3, 10, 3], ['77301', 1, 3, 1, 3], ['77334', 10, 3, 10, 3], ['77336', 1, 2, 1, 2], ['77370', 1, 3, 1, 3],
    ['77014', 2, 3, 2, 3], ['77387', 1, 3, 2, 3], ['77385', 1, 3, 2, 3], ['77386', 1, 3, 2, 3], ['77401', 1, 2, 1, 2],
    ['77402', 2, 3, 2, 3], ['77407', 2, 3, 2, 3], ['77412', 2, 3, 2, 3], ['G6001', 2, 3, 2, 3], ['G6002', 2, 3, 2, 3], ['G6017', 2, 3, 2, 3],
  ];
  it.each(MUE)('MUE %s', (code, pv, pm, ov, om) => {
    expect(mueOf('practitioner', code)).toMatchObject({ value: pv, mai: pm });
    expect(mueOf('outpatient', code)).toMatchObject({ value: ov, mai: om });
  });

  const PTP: [string, string, 0 | 1 | undefined, 0 | 1 | undefined][] = [
    // col1, col2, practitioner indicator, outpatient indicator (undefined: no active edit)
    ['77371', '77372', 1, 1],
    ['77373', '77371', 0, 0], ['77373', '77372', 0, 0],
    ...['77435', 'G0339', 'G0340', 'G6002', 'G6017', '20660'].flatMap((c2) => [['77371', c2, 0, 0], ['77372', c2, 0, 0]] as [string, string, 0, 0][]),
    ...['77401', '77402', '77407', '77412', 'G6003', 'G6008', 'G6014'].map((c2) => ['77372', c2, 0, 0] as [string, string, 0, 0]),
    ...['77385', '77386', '77387'].map((c2) => ['77371', c2, undefined, 0] as [string, string, undefined, 0]),
    ...['77014', 'G6001', '77306', '77307', '77332', '77333', '77470'].map((c2) => ['77372', c2, 1, 1] as [string, string, 1, 1]),
    ['61796', '77371', 0, 0], ['61798', '77372', 0, 0], ['G6015', '77371', 0, 0],
    ...['77432', '77263', '77295', '77300', '77301', '77334', '77336', '77370'].map((c2) => ['77372', c2, undefined, undefined] as [string, string, undefined, undefined]),
  ];
  it.each(PTP)('PTP %s / %s', (col1, col2, prac, out) => {
    for (const [file, indicator] of [['practitioner', prac], ['outpatient', out]] as [NcciFile, 0 | 1 | undefined][]) {
      const edit = ptpEdit(file, col2, col1, D); // lookup is order-free
      if (indicator === undefined) expect(edit, file).toBeUndefined();
      else expect(edit, file).toMatchObject({ col1, col2, indicator });
    }
  });

  it('code validity: the codes deleted on 2026-01-01', () => {
    expect(isCodeValidOn('77014', '2025-12-31')).toBe(true);
    expect(isCodeValidOn('77014', '2026-01-01')).toBe(false);
    expect(isCodeValidOn('77372', '2030-01-01')).toBe(true);
  });
});

describe('SRS indications (ICD-10-CM)', () => {
  it.each([
    ['C71.9', 'primary-brain-malignancy'], ['C79.31', 'brain-metastases'], ['C7931', 'brain-metastases'], ['D32.0', 'meningioma'],
    ['D33.3', 'acoustic-neuroma'], ['D35.2', 'pituitary-adenoma'], ['D44.3', 'pituitary-adenoma'], ['D35.3', 'craniopharyngioma'],
    ['D44.4', 'craniopharyngioma'], ['D44.7', 'glomus-jugulare'], ['Q28.2', 'arteriovenous-malformation'], ['G50.0', 'trigeminal-neuralgia'],
    ['C69.31', 'uveal-melanoma'], ['G40.209', 'mesial-temporal-epilepsy'], ['G25.0', 'tremor'], ['G20.A1', 'tremor'],
  ])('%s → %s', (code, id) => expect(srsIndicationOf(code)).toBe(id));

  it.each(['C34.90', 'I10', 'C79.51', 'D32.1', 'G40.309', 'C69.0', 'G25.1', 'Q28.0'])('%s maps to nothing', (code) => {
    expect(srsIndicationOf(code)).toBeUndefined();
  });
});

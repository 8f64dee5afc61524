import { claim, line, NCCI_ELSEWHERE_WARNING, testRule } from '../../helpers';

testRule('srs/conventional-delivery-conflict', {
  valid: [
    { name: '77402 on another date', claim: claim([line('77372'), line('G6011', { date: '07/16/2024' })]) },
    { name: 'G6011 after 2026 (deleted: its pairs end too)', claim: claim([line('77372', { date: '01/05/2026' }), line('G6011', { date: '01/05/2026' })]) },
    {
      name: '77385 under the practitioner file (no active pair)',
      claim: claim([line('77372'), line('77385')]),
      profiles: ['medicare-physician', 'medicaid', 'commercial'],
    },
  ],
  invalid: [
    {
      name: '77412 with 77372',
      claim: claim([line('77372'), line('77412')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_conventional_delivery_conflict', args: ['77372', '77412', '2024-07-15', '', 'CPT Manual or CMS manual coding instruction', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: 'G6015 is column one over 77371',
      claim: claim([line('G6015'), line('77371', { mods: ['59'] })]),
      findings: [{ severity: 'error', lines: [0, 1], args: ['G6015', '77371', '2024-07-15', '', 'CPT Manual or CMS manual coding instruction', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: '77386 with 77371: outpatient file only (profile or UB-04 form)',
      claim: claim([line('77371'), line('77386')], { form: 'institutional' }),
      findings: {
        'medicare-outpatient': [{ severity: 'error', lines: [0, 1] }],
        medicaid: [{ severity: 'error', lines: [0, 1] }],
        commercial: [{ severity: 'error', lines: [0, 1] }],
      },
    },
  ],
}, NCCI_ELSEWHERE_WARNING);

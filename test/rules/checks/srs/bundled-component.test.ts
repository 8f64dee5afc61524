import { claim, line, NCCI_ELSEWHERE_WARNING, testRule } from '../../helpers';

testRule('srs/bundled-component', {
  valid: [
    { name: '77432 is never bundled with SRS', claim: claim([line('77372'), line('77432')]) },
    { name: 'planning codes have no edit', claim: claim([line('77372'), line('77263'), line('77295'), line('77300'), line('77334'), line('77336'), line('77370')]) },
    { name: 'G0339 on another date', claim: claim([line('77372'), line('G0339', { date: '07/01/2024' })]) },
  ],
  invalid: [
    {
      name: '77435 with 77372',
      claim: claim([line('77372'), line('77435')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_bundled_component', args: ['77372', '77435', '2024-07-15', '', 'More extensive procedure', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: '61796 bundles 77371',
      claim: claim([line('61796'), line('77371')]),
      findings: [{ severity: 'error', lines: [0, 1], args: ['61796', '77371', '2024-07-15', '', 'CPT Manual or CMS manual coding instruction', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: '20660, G0339 and G0340 with 77372: one finding per pair',
      claim: claim([line('77372'), line('20660'), line('G0339'), line('G0340')]),
      findings: [
        { severity: 'error', lines: [0, 1] },
        { severity: 'error', lines: [0, 2] },
        { severity: 'error', lines: [0, 3] },
      ],
    },
  ],
}, NCCI_ELSEWHERE_WARNING);

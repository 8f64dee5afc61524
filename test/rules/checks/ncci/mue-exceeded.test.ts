import { claim, line, NCCI_ELSEWHERE_WARNING, testRule } from '../../helpers';

testRule('ncci/mue-exceeded', {
  valid: [
    { name: 'within MUE', claim: claim([line('77300', { units: '10' }), line('77014', { units: '2' })]) },
    { name: 'SRS units are srs/single-session-units', claim: claim([line('77372', { units: '3' })]) },
    { name: 'add-on lesions are srs/addon-lesion-cap', claim: claim([line('61797', { units: '5' })]) },
    { name: 'codes without MUE data', claim: claim([line('99213', { units: '9' })]) },
  ],
  invalid: [
    {
      name: 'MAI 2: 77432 twice on one date',
      claim: claim([line('77432'), line('77432')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_ncci_mue_exceeded_mai2', args: ['77432', '2', '1', '2024-07-15', 'NCCI MUE 2024 Q3'], fix: undefined }],
    },
    {
      name: 'MAI 2 on one line: fix to the MUE',
      claim: claim([line('G0339', { units: '2' })]),
      findings: [{ severity: 'error', lines: [0], fix: { kind: 'set-units', line: 0, units: 1 } }],
    },
    {
      name: 'MAI 3: 77300 × 12 across lines, warning',
      claim: claim([line('77300', { units: '6' }), line('77300', { units: '6', mods: ['76'] })]),
      findings: [{ severity: 'warning', lines: [0, 1], key: 'rule_ncci_mue_exceeded_mai3', args: ['77300', '12', '10', '2024-07-15', 'NCCI MUE 2024 Q3'] }],
    },
    {
      name: 'MUE per file: 77387 × 2 is fine for outpatient (2), not practitioner (1)',
      claim: claim([line('77387', { units: '2' })]),
      findings: { 'medicare-physician': [{ severity: 'warning', lines: [0] }], medicaid: [{ severity: 'warning', lines: [0] }], commercial: [{ severity: 'warning', lines: [0] }] },
    },
  ],
}, NCCI_ELSEWHERE_WARNING);

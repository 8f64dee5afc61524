import { claim, line, NCCI_ELSEWHERE_WARNING, testRule } from '../../helpers';

testRule('ncci/ptp-pair', {
  valid: [
    { name: 'SRS pairs belong to the srs/* rules', claim: claim([line('77372'), line('77373')]) },
    { name: 'SRS with indicator-1 image guidance belongs to srs/image-guidance-included', claim: claim([line('77371'), line('77014')]) },
    { name: '77372 with 77306 on another date', claim: claim([line('77372'), line('77306', { date: '07/01/2024' })]) },
  ],
  invalid: [
    {
      name: '77372 with 77470 (indicator 1)',
      claim: claim([line('77372'), line('77470')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_ncci_ptp_pair_modifier', args: ['77372', '77470', '2024-07-15', '', 'Misuse of Column Two code with Column One code', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: '77306 with XU next to 77371: warning',
      claim: claim([line('77371'), line('77306', { mods: ['XU'] })]),
      findings: [{ severity: 'warning', lines: [0, 1], key: 'rule_ncci_ptp_pair_bypassed' }],
    },
    {
      name: '61796 with 77432 (indicator 0)',
      claim: claim([line('61796'), line('77432')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_ncci_ptp_pair' }],
    },
    {
      name: 'an office visit with 77372: practitioner file only',
      claim: claim([line('77372'), line('99213')]),
      findings: { 'medicare-physician': [{ severity: 'error', lines: [0, 1] }], medicaid: [{ severity: 'error', lines: [0, 1] }], commercial: [{ severity: 'error', lines: [0, 1] }] },
    },
    {
      name: 'an office visit with 25 beside 77371: warning (25 is the E/M bypass modifier)',
      claim: claim([line('77371'), line('99214', { mods: ['25'] })]),
      profiles: ['medicare-physician'],
      findings: [{ severity: 'warning', lines: [0, 1], args: ['77371', '99214', '2024-07-15', '25', 'Standards of medical/surgical practice', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: '25 on a non-E/M line bypasses nothing',
      claim: claim([line('77372'), line('77470', { mods: ['25'] })]),
      profiles: ['medicare-physician'],
      findings: [{ severity: 'error', lines: [0, 1] }],
    },
  ],
}, NCCI_ELSEWHERE_WARNING);

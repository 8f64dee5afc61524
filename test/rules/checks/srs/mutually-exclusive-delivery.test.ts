import { claim, line, NCCI_ELSEWHERE_WARNING, testRule } from '../../helpers';

testRule('srs/mutually-exclusive-delivery', {
  valid: [
    { name: '77371 alone', claim: claim([line('77371')]) },
    { name: '77371 and 77372 on different dates', claim: claim([line('77371'), line('77372', { date: '07/16/2024' })]) },
  ],
  invalid: [
    {
      name: 'both on one date: error on both lines',
      claim: claim([line('77372'), line('77371')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_mutually_exclusive_delivery_modifier', args: ['77371', '77372', '2024-07-15', '', 'Mutually exclusive procedures', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: 'XE on the column-two line (77372): warning',
      claim: claim([line('77371'), line('77372', { mods: ['XE'] })]),
      findings: [{ severity: 'warning', lines: [0, 1], key: 'rule_srs_mutually_exclusive_delivery_bypassed', args: ['77371', '77372', '2024-07-15', 'XE', 'Mutually exclusive procedures', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: 'XE on the column-one line (77371) bypasses nothing: NCCI has it on the column-two code',
      claim: claim([line('77371', { mods: ['XE'] }), line('77372')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_mutually_exclusive_delivery_modifier' }],
    },
    {
      name: 'institutional claim under the outpatient file',
      claim: claim([line('77371'), line('77372', { mods: ['59'] })], { form: 'institutional' }),
      findings: [{ severity: 'warning', lines: [0, 1] }],
    },
    {
      name: 'one finding per pair and date naming every line of both codes',
      claim: claim([line('77371'), line('77372'), line('77371'), line('77372', { date: '07/16/2024' })]),
      findings: [{ severity: 'error', lines: [0, 1, 2] }],
    },
    {
      name: 'the bypass counts only when every column-two line carries it',
      claim: claim([line('77371'), line('77372', { mods: ['XS'] }), line('77372')]),
      findings: [{ severity: 'error', lines: [0, 1, 2] }],
    },
    {
      name: 'a 2019 line is outside the loaded quarter: no pair is claimed',
      claim: claim([line('77371', { date: '03/10/2019' }), line('77372', { date: '03/10/2019' })]),
      findings: [],
    },
    {
      name: 'the day before and the day after the quarter',
      claim: claim([line('77371', { date: '06/30/2024' }), line('77372', { date: '06/30/2024' }), line('77371', { date: '10/01/2024' }), line('77372', { date: '10/01/2024' })]),
      findings: [],
    },
    {
      name: 'the first and last day of the quarter',
      claim: claim([line('77371', { date: '07/01/2024' }), line('77372', { date: '07/01/2024' }), line('77371', { date: '09/30/2024' }), line('77372', { date: '09/30/2024' })]),
      findings: [{ severity: 'error', lines: [0, 1] }, { severity: 'error', lines: [2, 3] }],
    },
    {
      name: 'undated lines',
      claim: claim([line('77371', { date: null }), line('77372', { date: null })]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_mutually_exclusive_delivery_modifier_undated' }],
    },
  ],
}, NCCI_ELSEWHERE_WARNING);

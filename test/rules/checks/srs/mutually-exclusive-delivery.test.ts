import { claim, line, testRule } from '../../helpers';

testRule('srs/mutually-exclusive-delivery', {
  valid: [
    { name: '77371 alone', claim: claim([line('77371')]) },
    { name: '77371 and 77372 on different dates', claim: claim([line('77371'), line('77372', { date: '07/16/2024' })]) },
  ],
  invalid: [
    {
      name: 'both on one date: error on both lines',
      claim: claim([line('77372'), line('77371')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_mutually_exclusive_delivery_modifier', args: ['77371', '77372', '2024-07-15', '', 'Mutually exclusive procedures'] }],
    },
    {
      name: 'XE on either line: warning',
      claim: claim([line('77371'), line('77372', { mods: ['XE'] })]),
      findings: [{ severity: 'warning', lines: [0, 1], key: 'rule_srs_mutually_exclusive_delivery_bypassed', args: ['77371', '77372', '2024-07-15', 'XE', 'Mutually exclusive procedures'] }],
    },
    {
      name: 'institutional claim under the outpatient file',
      claim: claim([line('77371', { mods: ['59'] }), line('77372')], { form: 'institutional' }),
      findings: [{ severity: 'warning', lines: [0, 1] }],
    },
    {
      name: 'undated lines',
      claim: claim([line('77371', { date: null }), line('77372', { date: null })]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_mutually_exclusive_delivery_modifier_undated' }],
    },
  ],
});

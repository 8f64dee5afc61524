import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-tc-redundant', {
  valid: [
    { name: 'TC on a global code', claim: claim([line('77295', { mods: ['TC'] })]) },
    { name: '77371 without TC', claim: claim([line('77371')]) },
  ],
  invalid: [
    {
      name: 'TC on 77372: error under Medicare, warning otherwise',
      claim: claim([line('77372', { mods: ['TC'] })]),
      findings: {
        'medicare-physician': [{ severity: 'error', lines: [0], key: 'rule_srs_modifier_tc_redundant', args: ['77372', 'MPFS 2024'], fix: { kind: 'remove-modifier', line: 0, modifier: 'TC' } }],
        'medicare-outpatient': [{ severity: 'error', lines: [0], key: 'rule_srs_modifier_tc_redundant' }],
        // The wording follows the severity: "redundant … this payer may tolerate it", not "not valid".
        medicaid: [{ severity: 'warning', lines: [0], key: 'rule_srs_modifier_tc_redundant_tolerated' }],
        commercial: [{ severity: 'warning', lines: [0], key: 'rule_srs_modifier_tc_redundant_tolerated' }],
      },
    },
    {
      name: '"77371 tc" typed in the code field',
      claim: claim([line('77371 tc')]),
      profiles: ['medicare-physician'],
      findings: [{ severity: 'error', lines: [0] }],
    },
  ],
});

import { claim, line, testRule } from '../../helpers';

testRule('srs/management-code', {
  valid: [
    { name: 'no SRS delivery line', claim: claim([line('77432'), line('77373')]) },
  ],
  invalid: [
    {
      name: 'info on each SRS line, never more',
      claim: claim([line('77372'), line('77300')]),
      findings: [{ severity: 'info', lines: [0], key: 'rule_srs_management_code', args: ['77372'] }],
    },
    {
      name: '77432 on the claim: says it is billed separately',
      claim: claim([line('77371'), line('77432')]),
      findings: [{ severity: 'info', lines: [0], key: 'rule_srs_management_code_present', args: ['77371', '2'] }],
    },
  ],
});

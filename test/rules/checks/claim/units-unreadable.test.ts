import { claim, line, testRule } from '../../helpers';

testRule('claim/units-unreadable', {
  valid: [
    { name: 'a number', claim: claim([line('77372', { units: '1.0' })]) },
    { name: 'blank units', claim: claim([line('77372', { units: '' })]) },
  ],
  invalid: [
    {
      name: 'units that are not a number',
      claim: claim([line('77372', { units: '1x' })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_claim_units_unreadable', args: ['1x', '77372'] }],
    },
  ],
});

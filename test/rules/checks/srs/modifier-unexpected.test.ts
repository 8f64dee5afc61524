import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-unexpected', {
  valid: [
    { name: 'payment/informational modifiers are neutral', claim: claim([line('77372', { mods: ['GA', 'KX', 'PO', 'GZ', 'GY', 'PN'] })]) },
    { name: 'bypass modifiers are judged elsewhere', claim: claim([line('77372', { mods: ['XS'] })]) },
    { name: 'LT on another code', claim: claim([line('77300', { mods: ['LT'] })]) },
    { name: 'unknown two-character modifiers are not judged', claim: claim([line('77372', { mods: ['Q5'] })]) },
  ],
  invalid: [
    {
      name: 'RT on 77372',
      claim: claim([line('77372', { mods: ['RT'] })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_srs_modifier_unexpected', args: ['RT', '77372'] }],
    },
    {
      name: '22, 25, 50 and 51 on 77371, listed once',
      claim: claim([line('77371', { mods: ['22', '25 50', '51'] })]),
      findings: [{ severity: 'warning', lines: [0], args: ['22, 25, 50, 51', '77371'] }],
    },
  ],
});

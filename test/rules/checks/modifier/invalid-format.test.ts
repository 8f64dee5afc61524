import { claim, line, testRule } from '../../helpers';

testRule('modifier/invalid-format', {
  valid: [
    { name: 'two digits, two letters, mixed', claim: claim([line('77372', { mods: ['59', 'xs', 'Q5'] })]) },
    { name: 'blank modifier fields', claim: claim([line('77372', { mods: ['', ' ', ''] })]) },
    { name: '"26, 59" split', claim: claim([line('77295', { mods: ['26, 59'] })]) },
  ],
  invalid: [
    {
      name: 'one character',
      claim: claim([line('77372', { mods: ['5'] })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_modifier_invalid_format', args: ['5', '77372'] }],
    },
    {
      name: 'three characters and a symbol, listed once each',
      claim: claim([line('77372', { mods: ['595', '$$', '595'] })]),
      findings: [{ severity: 'error', lines: [0], args: ['595, $$', '77372'] }],
    },
    {
      name: 'glued in the code field',
      claim: claim([line('77372-2659')]),
      findings: [{ severity: 'error', lines: [0], args: ['2659', '77372'] }],
    },
  ],
});

import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-26-technical-only', {
  valid: [
    { name: '77372 without modifiers', claim: claim([line('77372')]) },
    { name: '26 on 77432 is another rule', claim: claim([line('77432', { mods: ['26'] })]) },
    { name: '26 on a global code (77295)', claim: claim([line('77295', { mods: ['26'] })]) },
  ],
  invalid: [
    {
      name: '26 in the modifier field',
      claim: claim([line('77371', { mods: ['26'] })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_srs_modifier_26_technical_only', args: ['77371'], fix: { kind: 'remove-modifier', line: 0, modifier: '26' } }],
    },
    {
      name: '"77372-26" typed into the code field',
      claim: claim([line('77372-26')]),
      findings: [{ severity: 'error', lines: [0], fix: { kind: 'remove-modifier', line: 0, modifier: '26' } }],
    },
    {
      name: '"26,59" in one field, on the second line',
      claim: claim([line('77432'), line('77372', { mods: ['26,59'] })]),
      findings: [{ severity: 'error', lines: [1] }],
    },
  ],
});

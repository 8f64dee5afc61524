import { claim, line, testRule } from '../../helpers';

testRule('modifier/59-with-x', {
  valid: [
    { name: '59 alone', claim: claim([line('77014', { mods: ['59'] })]) },
    { name: 'XS alone', claim: claim([line('77014', { mods: ['XS'] })]) },
  ],
  invalid: [
    {
      name: '59 and XS on one line',
      claim: claim([line('77014', { mods: ['59', 'XS'] })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_modifier_59_with_x', args: ['XS', '77014'], fix: { kind: 'remove-modifier', line: 0, modifier: '59' } }],
    },
    {
      name: '"XE,59" in one field on an SRS line',
      claim: claim([line('77372', { mods: ['XE,59'] })]),
      findings: [{ severity: 'warning', lines: [0], args: ['XE', '77372'] }],
    },
  ],
});

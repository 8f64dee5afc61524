import { claim, line, testRule } from '../../helpers';

testRule('modifier/duplicate', {
  valid: [
    { name: 'different modifiers', claim: claim([line('77295', { mods: ['26', '59'] })]) },
    { name: 'same modifier on different lines', claim: claim([line('77295', { mods: ['26'] }), line('77300', { mods: ['26'] })]) },
  ],
  invalid: [
    {
      name: 'twice in two fields',
      claim: claim([line('77372', { mods: ['XS', 'xs'] })]),
      findings: [{ severity: 'info', lines: [0], key: 'rule_modifier_duplicate', args: ['XS', '77372'], fix: { kind: 'remove-modifier', line: 0, modifier: 'XS' } }],
    },
    {
      name: 'in the code field and the modifier field',
      claim: claim([line('77295-26', { mods: ['26'] })]),
      findings: [{ severity: 'info', lines: [0] }],
    },
    {
      name: 'two duplicates: no one-click fix',
      claim: claim([line('77295', { mods: ['26,26', 'GA GA'] })]),
      findings: [{ severity: 'info', lines: [0], args: ['26, GA', '77295'], fix: undefined }],
    },
  ],
});

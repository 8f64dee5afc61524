import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-postop-global', {
  valid: [
    { name: '79 on the neurosurgeon’s 090-day code', claim: claim([line('61796', { mods: ['79'] })]) },
    { name: 'no modifier', claim: claim([line('77372')]) },
  ],
  invalid: [
    {
      name: '78 on 77372',
      claim: claim([line('77372', { mods: ['78'] })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_srs_modifier_postop_global', args: ['78', '77372'], fix: { kind: 'remove-modifier', line: 0, modifier: '78' } }],
    },
    {
      name: '78 and 79 on 77371',
      claim: claim([line('77371', { mods: ['78', '79'] })]),
      findings: [{ severity: 'warning', lines: [0], args: ['78, 79', '77371'], fix: undefined }],
    },
  ],
});

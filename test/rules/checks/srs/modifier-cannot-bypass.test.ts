import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-cannot-bypass', {
  valid: [
    { name: '59 on an indicator-1 pair', claim: claim([line('77371'), line('77372', { mods: ['59'] })]) },
    { name: 'XS on a line with no conflict', claim: claim([line('77372', { mods: ['XS'] })]) },
    { name: '76 on a line with no conflict', claim: claim([line('77300', { units: '2', mods: ['76'] })]) },
    {
      name: 'indicator-0 and indicator-1 conflicts: the modifier still matters',
      claim: claim([line('77372', { mods: ['XE'] }), line('77371'), line('G6002')]),
    },
  ],
  invalid: [
    {
      name: 'XS on G6002 with 77372 (indicator 0)',
      claim: claim([line('77372'), line('G6002', { mods: ['XS'] })]),
      findings: [{ severity: 'warning', lines: [1], key: 'rule_srs_modifier_cannot_bypass', args: ['XS', 'G6002'] }],
    },
    {
      name: '76 on a second 77372 line (MUE 1, MAI 2)',
      claim: claim([line('77372'), line('77372', { mods: ['76'] })]),
      findings: [{ severity: 'warning', lines: [1], args: ['76', '77372'] }],
    },
    {
      name: '59 and 77 on 77372 with 2 units',
      claim: claim([line('77372', { units: '2', mods: ['59', '77'] })]),
      findings: [{ severity: 'warning', lines: [0], args: ['59, 77', '77372'] }],
    },
  ],
});

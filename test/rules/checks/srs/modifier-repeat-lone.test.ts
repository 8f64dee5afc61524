import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-repeat-lone', {
  valid: [
    { name: 'no repeat modifier', claim: claim([line('77372')]) },
    { name: '76 on a second 77372 line of the date (srs/modifier-cannot-bypass speaks)', claim: claim([line('77372'), line('77372', { mods: ['76'] })]) },
    { name: '76 on a non-SRS line', claim: claim([line('77300', { mods: ['76'] })]) },
    { name: '76 on a lone 77372 with 2 units: srs/modifier-cannot-bypass says it once', claim: claim([line('77372', { mods: ['76'], units: '2' })]) },
  ],
  invalid: [
    {
      name: '76 on the only 77372 line',
      claim: claim([line('77372', { mods: ['76'] })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_srs_modifier_repeat_lone', args: ['76', '77372'], fix: { kind: 'remove-modifier', line: 0, modifier: '76' } }],
    },
    {
      name: '77 on 77371 with a 77371 on another date only',
      claim: claim([line('77371', { mods: ['77'] }), line('77371', { date: '07/20/2024' })]),
      findings: [{ severity: 'warning', lines: [0], args: ['77', '77371'] }],
    },
  ],
});

import { claim, line, NCCI_ELSEWHERE_WARNING, testRule } from '../../helpers';

testRule('srs/sbrt-conflict', {
  valid: [
    { name: '77373 alone (with 77435)', claim: claim([line('77373'), line('77435')]) },
    { name: '77373 on another date', claim: claim([line('77372'), line('77373', { date: '07/16/2024' })]) },
  ],
  invalid: [
    {
      name: '77373 with 77372 on one date',
      claim: claim([line('77372'), line('77373')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_sbrt_conflict', args: ['77373', '77372', '2024-07-15', '', 'Mutually exclusive procedures', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: 'XS does not bypass indicator 0',
      claim: claim([line('77371'), line('77373', { mods: ['XS'] })]),
      findings: [{ severity: 'error', lines: [0, 1] }],
    },
  ],
}, NCCI_ELSEWHERE_WARNING);

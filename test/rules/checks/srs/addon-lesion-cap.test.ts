import { claim, line, testRule } from '../../helpers';

testRule('srs/addon-lesion-cap', {
  valid: [
    { name: '4 units in combination', claim: claim([line('61796'), line('61797', { units: '2' }), line('61799', { units: '2' })]) },
    { name: '3 + 3 on different dates', claim: claim([line('61797', { units: '3' }), line('61797', { units: '3', date: '08/15/2024' })]) },
  ],
  invalid: [
    {
      name: '3 + 2 on one date',
      claim: claim([line('61798'), line('61797', { units: '3' }), line('61799', { units: '2' })]),
      findings: [{ severity: 'error', lines: [1, 2], key: 'rule_srs_addon_lesion_cap', args: ['5', '4', '2024-07-15'] }],
    },
    {
      name: 'undated, 6 units on one line',
      claim: claim([line('61799', { units: '6', date: null })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_srs_addon_lesion_cap_undated', args: ['6', '4', '2024-08-01'] }],
    },
  ],
});

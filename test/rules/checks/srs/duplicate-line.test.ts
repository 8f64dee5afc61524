import { claim, line, testRule } from '../../helpers';

testRule('srs/duplicate-line', {
  valid: [
    { name: 'one line', claim: claim([line('77372')]) },
    { name: 'same code, different dates', claim: claim([line('77372'), line('77372', { date: '07/22/2024' })]) },
    { name: 'a dated and an undated line are different dates', claim: claim([line('77372'), line('77372', { date: null })]) },
    { name: 'two different lines of other codes', claim: claim([line('77300'), line('77300')]) },
  ],
  invalid: [
    {
      name: 'same code twice on one date, other line between',
      claim: claim([line('77371'), line('77432'), line('77371', { date: '2024-07-15' })]),
      findings: [{ severity: 'error', lines: [0, 2], key: 'rule_srs_duplicate_line', args: ['77371', '1, 3', '2024-07-15'] }],
    },
    {
      name: 'undated lines on this claim',
      claim: claim([line('77372', { date: null }), line('77372', { date: null })]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_duplicate_line_undated', args: ['77372', '1, 2', '2024-08-01'] }],
    },
  ],
});

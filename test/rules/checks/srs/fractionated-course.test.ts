import { claim, line, testRule } from '../../helpers';

testRule('srs/fractionated-course', {
  valid: [
    { name: 'one session', claim: claim([line('77372')]) },
    { name: 'SBRT on several dates is not SRS', claim: claim([line('77373'), line('77373', { date: '07/16/2024' })]) },
    { name: 'an undated line does not make a second date', claim: claim([line('77372'), line('77432', { date: null })]) },
  ],
  invalid: [
    {
      name: '77372 on three dates',
      claim: claim([line('77372', { date: '07/17/2024' }), line('77372'), line('77372', { date: '07/16/2024' })]),
      findings: [{ severity: 'warning', lines: [0, 1, 2], key: 'rule_srs_fractionated_course', args: ['77372', '3', '2024-07-15, 2024-07-16, 2024-07-17'] }],
    },
    {
      name: 'one line spanning several dates',
      claim: claim([line('77371', { to: '07/19/2024' })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_srs_fractionated_course_span', args: ['77371', '2024-07-15', '2024-07-19'] }],
    },
  ],
});

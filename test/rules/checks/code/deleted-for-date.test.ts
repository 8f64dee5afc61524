import { claim, line, testRule } from '../../helpers';

testRule('code/deleted-for-date', {
  valid: [
    { name: 'G6002 in 2025', claim: claim([line('G6002', { date: '12/31/2025' })]) },
    { name: '77014 in 2024', claim: claim([line('77014')]) },
    { name: '77372 in 2026 (unchanged)', claim: claim([line('77372', { date: '01/02/2026' })]) },
    { name: 'undated 77385 while today is 2025', claim: claim([line('77385', { date: null })]), today: '2025-06-01' },
  ],
  invalid: [
    {
      name: 'G6002 on 2026-01-01',
      claim: claim([line('G6002', { date: '01/01/2026' })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_code_deleted_for_date_included', args: ['G6002', '2026-01-01', '2026-01-01', '77402, 77407, 77412', ''] }],
    },
    {
      name: '77386 in 2026 is replaced by the revised delivery codes',
      claim: claim([line('77386', { date: '2026-03-02' })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_code_deleted_for_date', args: ['77386', '2026-03-02', '2026-01-01', '77402, 77407, 77412', ''] }],
    },
    {
      name: 'a replacement that would conflict with another line of the date is not suggested',
      claim: claim([line('77372', { date: '2026-03-02' }), line('77385', { date: '2026-03-02' })]),
      findings: [{ severity: 'error', lines: [1], key: 'rule_code_deleted_for_date_conflict', args: ['77385', '2026-03-02', '2026-01-01', '77402, 77407, 77412', '77372 (1)'] }],
    },
    {
      name: 'an unreadable date is never replaced by today: nothing dated is claimed',
      claim: claim([line('77014', { date: '2025-13-45' })]),
      today: '2026-11-24',
      findings: [],
    },
    {
      name: 'each line against its own date',
      claim: claim([line('G6015', { date: '12/30/2025' }), line('G6015', { date: '01/05/2026' })]),
      findings: [{ severity: 'error', lines: [1] }],
    },
    {
      name: 'no date: today is used and the message says so',
      claim: claim([line('77014', { date: null })]),
      today: '2026-11-24',
      findings: [{ severity: 'error', lines: [0], key: 'rule_code_deleted_for_date_included_undated', args: ['77014', '2026-11-24', '2026-01-01', '77402, 77407, 77412', ''] }],
    },
  ],
});

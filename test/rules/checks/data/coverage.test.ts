import { claim, line, testRule } from '../../helpers';

const LOADED = 'NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025';

testRule('data/coverage', {
  valid: [
    { name: 'inside the quarter (first day)', claim: claim([line('77372', { date: '07/01/2024' })]) },
    { name: 'inside the quarter (last day)', claim: claim([line('77372', { date: '09/30/2024' })]) },
    { name: 'an unreadable date has its own finding instead', claim: claim([line('77372', { date: '2025-13-45' })]) },
  ],
  invalid: [
    {
      name: 'the day before the quarter: NCCI not loaded, MPFS 2024 is',
      claim: claim([line('77372', { date: '06/30/2024' })]),
      findings: [{ severity: 'info', lines: [0], key: 'rule_data_coverage', args: ['77372', '2024-06-30', 'NCCI PTP, NCCI MUE', LOADED] }],
    },
    {
      name: 'the day after the quarter',
      claim: claim([line('77372', { date: '10/01/2024' })]),
      findings: [{ severity: 'info', lines: [0], args: ['77372', '2024-10-01', 'NCCI PTP, NCCI MUE', LOADED] }],
    },
    {
      name: 'a 2019 line: nothing loaded for it, one finding',
      claim: claim([line('77372', { date: '03/10/2019' })]),
      findings: [{ severity: 'info', lines: [0], args: ['77372', '2019-03-10', 'NCCI PTP, NCCI MUE, MPFS', LOADED] }],
    },
    {
      name: 'a 2026 line: 77372 is in the 2026 reference facts, 77336 is not',
      claim: claim([line('77372', { date: '03/10/2026' }), line('77336', { date: '03/10/2026' })]),
      findings: [
        { severity: 'info', lines: [0], args: ['77372', '2026-03-10', 'NCCI PTP, NCCI MUE', LOADED] },
        { severity: 'info', lines: [1], args: ['77336', '2026-03-10', 'NCCI PTP, NCCI MUE, MPFS', LOADED] },
      ],
    },
    {
      name: 'an undated line outside the data says it was checked as of today',
      claim: claim([line('77372', { date: null })]),
      today: '2026-12-07',
      findings: [{ severity: 'info', lines: [0], key: 'rule_data_coverage_undated', args: ['77372', '2026-12-07', 'NCCI PTP, NCCI MUE', LOADED] }],
    },
  ],
});

import { claim, line, testRule } from '../../helpers';

testRule('srs/single-session-units', {
  valid: [
    { name: '1 unit', claim: claim([line('77372', { units: '1' })]) },
    { name: '"1.0" units', claim: claim([line('77372', { units: '1.0' })]) },
    { name: 'blank units count as 1', claim: claim([line('77371', { units: '' })]) },
    { name: 'one unit on each of two dates', claim: claim([line('77372'), line('77372', { date: '07/16/2024' })]) },
    { name: 'two lines of 1 unit on one date are srs/duplicate-line’s single finding', claim: claim([line('77371'), line('77371', { mods: ['76'] })]) },
    { name: '77371 and 77372 are different codes', claim: claim([line('77371'), line('77372', { mods: ['XE'] })]) },
  ],
  invalid: [
    {
      name: '3 units on one line (lesions counted as units)',
      claim: claim([line('77372', { units: '3' })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_srs_single_session_units', args: ['77372', '3', '2024-07-15', '1', 'NCCI MUE 2024 Q3'], fix: { kind: 'set-units', line: 0, units: 1 } }],
    },
    {
      name: 'outside the MUE quarter: the CPT descriptor’s once-per-session limit, without an MUE claim',
      claim: claim([line('77372', { units: '2', date: '03/10/2026' })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_srs_single_session_units_descriptor', args: ['77372', '2', '2026-03-10', '1', ''] }],
    },
    {
      name: 'two lines of the same date: one of them with 2 units is named on its own',
      claim: claim([line('77371'), line('77371', { units: '2' })]),
      findings: [{ severity: 'error', lines: [1] }],
    },
    {
      name: 'modifier 76 does not help (MAI 2)',
      claim: claim([line('77372', { units: '2', mods: ['76'] })]),
      findings: [{ severity: 'error', lines: [0] }],
    },
    {
      name: 'an undated line counts as of today and says so',
      claim: claim([line('77372', { date: null, units: '2' })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_srs_single_session_units_undated', args: ['77372', '2', '2024-08-01', '1', 'NCCI MUE 2024 Q3'] }],
    },
  ],
});

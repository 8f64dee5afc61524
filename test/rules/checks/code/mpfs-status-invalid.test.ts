import { claim, line, testRule } from '../../helpers';

testRule('code/mpfs-status-invalid', {
  valid: [
    { name: 'G6015 under MPFS', claim: claim([line('G6015')]) },
    { name: '77402 in 2026 (no status data for 2026)', claim: claim([line('77402', { date: '02/02/2026' })]) },
    { name: 'not an MPFS profile', claim: claim([line('77385')]), profiles: ['medicare-outpatient', 'medicaid', 'commercial'] },
  ],
  invalid: [
    {
      name: '77385 in CY2024',
      claim: claim([line('77385')]),
      findings: { 'medicare-physician': [{ severity: 'error', lines: [0], key: 'rule_code_mpfs_status_invalid', args: ['77385', '2024', 'G6015, G6016', '2024-07-15', 'MPFS 2024'] }] },
    },
    {
      name: '77387 in CY2025',
      claim: claim([line('77387', { date: '03/03/2025' })]),
      findings: { 'medicare-physician': [{ severity: 'error', lines: [0], args: ['77387', '2025', 'G6001, G6002, G6017', '2025-03-03', 'MPFS 2025'] }] },
    },
    {
      name: 'undated 77412 checked as of today',
      claim: claim([line('77412', { date: null })]),
      findings: { 'medicare-physician': [{ severity: 'error', lines: [0], key: 'rule_code_mpfs_status_invalid_undated' }] },
    },
  ],
});

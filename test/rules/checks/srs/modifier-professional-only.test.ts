import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-professional-only', {
  valid: [
    { name: '77432 alone', claim: claim([line('77432')]) },
    { name: '26 on a global code', claim: claim([line('77300', { mods: ['26'] })]) },
  ],
  invalid: [
    {
      name: '26 on 77432',
      claim: claim([line('77432', { mods: ['26'] })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_srs_modifier_professional_only', args: ['26', '77432', 'MPFS 2024'], fix: { kind: 'remove-modifier', line: 0, modifier: '26' } }],
    },
    {
      name: 'TC and 26 on 77435',
      claim: claim([line('77435', { mods: ['TC', '26'] })]),
      findings: [{ severity: 'error', lines: [0], args: ['TC, 26', '77435', 'MPFS 2024'], fix: undefined }],
    },
  ],
});

testRule('srs/modifier-professional-only', {
  valid: [
    { name: 'TC on 77387 in 2025 (PC/TC 0 then)', claim: claim([line('77387', { mods: ['TC'], date: '12/31/2025' })]) },
  ],
  invalid: [
    {
      name: 'TC on 77387 from 2026-01-01 (professional-only, srs-reference.md §10)',
      claim: claim([line('77387', { mods: ['TC'], date: '01/01/2026' })]),
      findings: [{ severity: 'error', lines: [0], args: ['TC', '77387', '2026 code changes (ASTRO, HCN Health)'] }],
    },
  ],
});

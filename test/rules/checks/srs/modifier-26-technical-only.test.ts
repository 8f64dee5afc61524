import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-26-technical-only', {
  valid: [
    { name: '77372 without modifiers', claim: claim([line('77372')]) },
    { name: '26 on 77432 is another rule', claim: claim([line('77432', { mods: ['26'] })]) },
    { name: '26 on a global code (77295)', claim: claim([line('77295', { mods: ['26'] })]) },
  ],
  invalid: [
    {
      name: '26 in the modifier field',
      claim: claim([line('77371', { mods: ['26'] })]),
      findings: [{ severity: 'error', lines: [0], key: 'rule_srs_modifier_26_technical_only', args: ['77371', 'MPFS 2024'], fix: { kind: 'remove-modifier', line: 0, modifier: '26' } }],
    },
    {
      name: '"77372-26" typed into the code field',
      claim: claim([line('77372-26')]),
      findings: [{ severity: 'error', lines: [0], fix: { kind: 'remove-modifier', line: 0, modifier: '26' } }],
    },
    {
      name: '"26,59" in one field, on the second line',
      claim: claim([line('77432'), line('77372', { mods: ['26,59'] })]),
      findings: [{ severity: 'error', lines: [1] }],
    },
  ],
});

testRule('srs/modifier-26-technical-only', {
  valid: [
    { name: '26 on 77373 in 2019 (no MPFS year loaded: data/coverage says so)', claim: claim([line('77373', { mods: ['26'], date: '03/10/2019' })]) },
    { name: '26 on 77336 in 2026 (not in the 2026 reference facts)', claim: claim([line('77336', { mods: ['26'], date: '03/10/2026' })]) },
    { name: '26 on 77014 (PC/TC 1)', claim: claim([line('77014', { mods: ['26'] })]) },
  ],
  invalid: [
    {
      name: 'technical-only codes come from the MPFS data, not a list: 77373, 77336, 77370',
      claim: claim([line('77373', { mods: ['26'] }), line('77336', { mods: ['26'], date: '02/02/2025' }), line('77370', { mods: ['26'] })]),
      findings: [
        { severity: 'error', lines: [0], key: 'rule_srs_modifier_26_technical_only_other', args: ['77373', 'MPFS 2024'] },
        { severity: 'error', lines: [1], args: ['77336', 'MPFS 2025'] },
        { severity: 'error', lines: [2], args: ['77370', 'MPFS 2024'] },
      ],
    },
    {
      name: '77372 in 2026: the reference carries its indicator forward',
      claim: claim([line('77372', { mods: ['26'], date: '03/10/2026' })]),
      findings: [{ severity: 'error', lines: [0], args: ['77372', '2026 code changes (ASTRO, HCN Health)'] }],
    },
  ],
});

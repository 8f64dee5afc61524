// Every rule that reads dated data, on a date before, inside and after each range it reads: the
// data in force on the line's own date decides, and outside the data nothing is claimed (only
// data/coverage speaks). NCCI 2024 Q3 covers 2024-07-01..2024-09-30; MPFS 2024 and 2025 their
// years; the 2026 reference facts (srs-reference.md §10) a few codes in 2026; deletions 2026-01-01.
import { claim, line, run, type LineOptions } from './helpers';

type Spec = [code: string, options?: LineOptions];
type Expect = string | null; // the message key expected from the rule, or no finding

const CASES: [rule: string, lines: Spec[], checks: [date: string, expected: Expect][]][] = [
  ['ncci/ptp-pair', [['77372'], ['77470']], [['06/30/2024', null], ['07/01/2024', 'rule_ncci_ptp_pair_modifier'], ['09/30/2024', 'rule_ncci_ptp_pair_modifier'], ['10/01/2024', null]]],
  ['srs/sbrt-conflict', [['77372'], ['77373']], [['06/30/2024', null], ['08/15/2024', 'rule_srs_sbrt_conflict'], ['03/10/2026', null]]],
  ['srs/conventional-delivery-conflict', [['77372'], ['77412']], [['03/10/2019', null], ['08/15/2024', 'rule_srs_conventional_delivery_conflict'], ['10/01/2024', null]]],
  ['srs/image-guidance-included', [['77372'], ['G6002']], [['06/30/2024', null], ['08/15/2024', 'rule_srs_image_guidance_included'], ['10/01/2024', null]]],
  ['srs/bundled-component', [['77372'], ['77435']], [['06/30/2024', null], ['08/15/2024', 'rule_srs_bundled_component'], ['10/01/2024', null]]],
  ['srs/mutually-exclusive-delivery', [['77371'], ['77372']], [['06/30/2024', null], ['08/15/2024', 'rule_srs_mutually_exclusive_delivery_modifier'], ['10/01/2024', null]]],
  ['ncci/mue-exceeded', [['77300', { units: '12' }]], [['06/30/2024', null], ['08/15/2024', 'rule_ncci_mue_exceeded_mai3'], ['10/01/2024', null]]],
  ['srs/modifier-cannot-bypass', [['77372'], ['G6002', { mods: ['XS'] }]], [['06/30/2024', null], ['08/15/2024', 'rule_srs_modifier_cannot_bypass'], ['10/01/2024', null]]],
  ['srs/single-session-units', [['77372', { units: '2' }]], [['06/30/2024', 'rule_srs_single_session_units_descriptor'], ['08/15/2024', 'rule_srs_single_session_units'], ['10/01/2024', 'rule_srs_single_session_units_descriptor']]],
  ['srs/modifier-26-technical-only', [['77373', { mods: ['26'] }]], [['12/31/2023', null], ['01/01/2024', 'rule_srs_modifier_26_technical_only_other'], ['12/31/2025', 'rule_srs_modifier_26_technical_only_other'], ['06/01/2026', 'rule_srs_modifier_26_technical_only_other'], ['01/01/2027', null]]],
  ['srs/modifier-tc-redundant', [['77336', { mods: ['TC'] }]], [['12/31/2023', null], ['06/01/2025', 'rule_srs_modifier_tc_redundant'], ['06/01/2026', null]]],
  ['srs/modifier-professional-only', [['77432', { mods: ['26'] }]], [['12/31/2023', null], ['06/01/2024', 'rule_srs_modifier_professional_only'], ['01/01/2027', null]]],
  ['srs/modifier-professional-only', [['77387', { mods: ['TC'] }]], [['12/31/2025', null], ['01/01/2026', 'rule_srs_modifier_professional_only'], ['01/01/2027', null]]],
  ['code/mpfs-status-invalid', [['77402']], [['12/31/2023', null], ['06/01/2025', 'rule_code_mpfs_status_invalid'], ['06/01/2026', null]]],
  ['code/deleted-for-date', [['77014']], [['12/31/2025', null], ['01/01/2026', 'rule_code_deleted_for_date_included'], ['06/01/2030', 'rule_code_deleted_for_date_included']]],
  ['data/coverage', [['77372']], [['06/30/2024', 'rule_data_coverage'], ['08/15/2024', null], ['10/01/2024', 'rule_data_coverage']]],
];

describe.each(CASES.map(([rule, lines, checks], i) => [`${rule} (${lines.map(([code]) => code).join(' + ')})`, rule, lines, checks, i] as const))('%s', (_name, rule, lines, checks) => {
  it.each(checks)('on %s: %s', (date, expected) => {
    const raw = claim(lines.map(([code, options]) => line(code, { ...options, date })));
    const keys = run(raw, 'medicare-physician').filter((f) => f.ruleId === rule).map((f) => f.message.key);
    expect(keys).toEqual(expected ? [expected] : []);
  });
});

import { claim, line, testRule } from '../../helpers';

testRule('srs/modifier-59-prefer-x', {
  valid: [
    { name: 'XE instead of 59', claim: claim([line('77372', { mods: ['XE'] })]) },
    { name: '59 with an X modifier is modifier/59-with-x', claim: claim([line('77372', { mods: ['59', 'XS'] })]) },
    { name: '59 on a non-SRS line', claim: claim([line('77014', { mods: ['59'] })]) },
    { name: 'payers that do not prefer X modifiers', claim: claim([line('77372', { mods: ['59'] })]), profiles: ['medicaid', 'commercial'] },
  ],
  invalid: [
    {
      name: '59 on 77372 under Medicare',
      claim: claim([line('77372', { mods: ['59'] })]),
      findings: {
        'medicare-physician': [{ severity: 'info', lines: [0], key: 'rule_srs_modifier_59_prefer_x', args: ['77372'] }],
        'medicare-outpatient': [{ severity: 'info', lines: [0] }],
      },
    },
  ],
});

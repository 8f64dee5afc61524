import { claim, line, testRule } from '../../helpers';

testRule('srs/robotic-opps', {
  valid: [
    { name: '77371 (cobalt) is not robotic', claim: claim([line('77371')], { form: 'institutional' }) },
    { name: 'other profiles', claim: claim([line('77372')]), profiles: ['medicare-physician', 'medicaid', 'commercial'] },
  ],
  invalid: [
    {
      name: '77372 under Medicare outpatient',
      claim: claim([line('77372')], { form: 'institutional' }),
      findings: { 'medicare-outpatient': [{ severity: 'info', lines: [0], key: 'rule_srs_robotic_opps', args: ['77372'] }] },
    },
  ],
});

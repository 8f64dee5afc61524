import { claim, line, NCCI_ELSEWHERE_WARNING, testRule } from '../../helpers';

testRule('srs/image-guidance-included', {
  valid: [
    { name: 'G6002 with 77373 is another rule', claim: claim([line('77373'), line('G6002')]) },
    { name: 'G6001 on another date', claim: claim([line('77372'), line('G6001', { date: '07/10/2024' })]) },
    { name: '77387 under the practitioner file', claim: claim([line('77372'), line('77387')]), profiles: ['medicare-physician'] },
  ],
  invalid: [
    {
      name: 'G6002 (indicator 0) even with XU',
      claim: claim([line('77372'), line('G6002', { mods: ['XU'] })]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_image_guidance_included', args: ['77372', 'G6002', '2024-07-15', '', 'Standards of medical/surgical practice', 'NCCI PTP 2024 Q3'] }],
    },
    {
      name: '77014 (indicator 1) without a modifier',
      claim: claim([line('77371'), line('77014')]),
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_image_guidance_included_modifier' }],
    },
    {
      name: 'G6001 (indicator 1) with XS: warning',
      claim: claim([line('77372'), line('G6001', { mods: ['XS'] })]),
      findings: [{ severity: 'warning', lines: [0, 1], key: 'rule_srs_image_guidance_included_bypassed' }],
    },
    {
      name: '77387 under the outpatient file: indicator 0',
      claim: claim([line('77372'), line('77387')], { form: 'institutional' }),
      profiles: ['medicare-outpatient', 'commercial'],
      findings: [{ severity: 'error', lines: [0, 1], key: 'rule_srs_image_guidance_included' }],
    },
  ],
}, NCCI_ELSEWHERE_WARNING);

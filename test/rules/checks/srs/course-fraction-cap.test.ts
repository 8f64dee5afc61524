import { claim, line, testRule } from '../../helpers';

const dates = (n: number) => Array.from({ length: n }, (_, i) => `07/${String(10 + i).padStart(2, '0')}/2024`);

testRule('srs/course-fraction-cap', {
  valid: [
    { name: '5 SBRT fractions', claim: claim(dates(5).map((date) => line('77373', { date }))) },
    { name: 'G0339 + 4 × G0340', claim: claim([line('G0339', { date: '07/10/2024' }), line('G0340', { date: '07/11/2024', units: '4' })]) },
  ],
  invalid: [
    {
      name: '6 SBRT fractions on six dates',
      claim: claim(dates(6).map((date) => line('77373', { date }))),
      findings: [{ severity: 'warning', lines: [0, 1, 2, 3, 4, 5], key: 'rule_srs_course_fraction_cap_sbrt', args: ['6', '5'] }],
    },
    {
      name: 'G0339 + 5 × G0340: 6 robotic sessions',
      claim: claim([line('G0339', { date: '07/10/2024' }), ...dates(5).map((date) => line('G0340', { date }))]),
      findings: [{ severity: 'warning', lines: [0, 1, 2, 3, 4, 5], key: 'rule_srs_course_fraction_cap_robotic', args: ['6', '5'] }],
    },
  ],
});

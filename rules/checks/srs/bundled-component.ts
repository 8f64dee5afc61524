import { SOURCES } from '../../data/sources';
import { definePairRule } from '../shared';

export default definePairRule(
  {
    id: 'srs/bundled-component',
    description: {
      en: '77435, G0339, G0340, 20660, 61796 or 61798 on the same date as 77371/77372: NCCI indicator 0 (one is a component of, or mutually exclusive with, the other).',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciPtpOutpatient],
  },
  'rule_srs_bundled_component',
);

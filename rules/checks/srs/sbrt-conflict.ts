import { SOURCES } from '../../data/sources';
import { definePairRule } from '../shared';

export default definePairRule(
  {
    id: 'srs/sbrt-conflict',
    description: {
      en: '77373 (SBRT, per fraction) with 77371/77372 on the same date: mutually exclusive, NCCI indicator 0.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciPtpOutpatient],
  },
  'rule_srs_sbrt_conflict',
);

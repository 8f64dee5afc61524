import { SOURCES } from '../../data/sources';
import { definePairRule } from '../shared';

export default definePairRule(
  {
    id: 'srs/mutually-exclusive-delivery',
    description: {
      en: '77371 and 77372 on the same date: NCCI lists them as mutually exclusive (indicator 1). Error on both lines; warning when a bypass modifier (59/XE/XS/XP/XU) is present.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciPtpOutpatient, SOURCES.mln59],
  },
  'rule_srs_mutually_exclusive_delivery',
);

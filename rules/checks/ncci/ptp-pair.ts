import { SOURCES } from '../../data/sources';
import { definePairRule } from '../shared';

export default definePairRule(
  {
    id: 'ncci/ptp-pair',
    description: {
      en: 'Any other active NCCI procedure-to-procedure edit between two lines of the same date; on an E/M visit, 25 or 57 is its bypass modifier (e.g. 77371/77372 with 77306, 77307, 77332, 77333, 77470 or an E/M visit; 61796 with 77432).',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciPtpOutpatient, SOURCES.mln59, SOURCES.ncciPolicyManual],
  },
  'rule_ncci_ptp_pair',
);

import { SOURCES } from '../../data/sources';
import { definePairRule } from '../shared';

export default definePairRule(
  {
    id: 'srs/conventional-delivery-conflict',
    description: {
      en: 'Conventional or IMRT delivery (77401/77402/77407/77412, G6003–G6014, G6015; 77385/77386 in the outpatient file) with 77371/77372 on the same date: NCCI indicator 0.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciPtpOutpatient],
  },
  'rule_srs_conventional_delivery_conflict',
);

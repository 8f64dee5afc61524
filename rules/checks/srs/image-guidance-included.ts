import { SOURCES } from '../../data/sources';
import { definePairRule } from '../shared';

export default definePairRule(
  {
    id: 'srs/image-guidance-included',
    description: {
      en: 'Image guidance with 77371/77372 on the same date: G6002, G6017 (and 77387 in the outpatient file) are NCCI indicator 0; 77014 and G6001 are indicator 1.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciPtpOutpatient, SOURCES.mln59],
  },
  'rule_srs_image_guidance_included',
);

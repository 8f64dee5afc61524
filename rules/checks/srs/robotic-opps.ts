import { ROBOTIC_SRS_ALTERNATIVE } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'srs/robotic-opps',
    description: {
      en: '77372 where the payer (Medicare OPPS) has billed robotic linac SRS (e.g. CyberKnife) with G0339/G0340: check which applies (current OPPS practice uncertain).',
    },
    defaultSeverity: 'info',
    sources: [SOURCES.hcpcsG0339, SOURCES.ncciPtpOutpatient],
    messages: ['rule_srs_robotic_opps'],
    enabledBy: (profile) => profile.roboticSrsGCodes,
  },
  check(context) {
    return context.lines
      .filter((line) => ROBOTIC_SRS_ALTERNATIVE.has(line.code))
      .map((line) => ({ lines: [line.index], key: 'rule_srs_robotic_opps', args: [line.code] }));
  },
});

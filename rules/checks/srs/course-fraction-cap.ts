import { COURSE_FRACTION_CAP, ROBOTIC_COURSE_CODES, SBRT_COURSE_CODES } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { defineRule, type LineView, type Report } from '../../rule';
import { formatUnits } from './single-session-units';

/** Units of the lines, summed across every date of the claim (undated lines count too). */
const total = (lines: readonly LineView[]) => lines.reduce((sum, line) => sum + line.units, 0);

export default defineRule({
  meta: {
    id: 'srs/course-fraction-cap',
    description: {
      en: 'More than 5 SBRT fractions (77373, per fraction) or more than 5 robotic SRS sessions (G0339 first session + G0340 2nd–5th) on one claim: these codes describe a course of at most 5 fractions or sessions (srs-reference.md §1). A warning: a claim may span two courses, which the record must show.',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.cptSbrtDescriptor, SOURCES.hcpcsG0339],
    messages: ['rule_srs_course_fraction_cap_sbrt', 'rule_srs_course_fraction_cap_robotic'],
  },
  check(context) {
    const out: Report[] = [];
    const sbrt = context.lines.filter((line) => SBRT_COURSE_CODES.has(line.code));
    const robotic = context.lines.filter((line) => ROBOTIC_COURSE_CODES.has(line.code));
    const cap = String(COURSE_FRACTION_CAP);
    if (total(sbrt) > COURSE_FRACTION_CAP) {
      out.push({ lines: sbrt.map((line) => line.index), key: 'rule_srs_course_fraction_cap_sbrt', args: [formatUnits(total(sbrt)), cap], sources: [SOURCES.cptSbrtDescriptor] });
    }
    if (total(robotic) > COURSE_FRACTION_CAP) {
      out.push({ lines: robotic.map((line) => line.index), key: 'rule_srs_course_fraction_cap_robotic', args: [formatUnits(total(robotic)), cap], sources: [SOURCES.hcpcsG0339] });
    }
    return out;
  },
});

import { SOURCES } from '../../data/sources';
import { dated, defineRule, type Report } from '../../rule';

export default defineRule({
  meta: {
    id: 'data/coverage',
    description: {
      en: 'A line whose date of service falls outside the CMS data ClaimGuide has loaded (NCCI PTP and MUE quarters, MPFS years): one informational finding naming what is loaded, instead of applying another period’s edits or passing in silence. The rules that need that data say nothing for the line.',
    },
    defaultSeverity: 'info',
    sources: [SOURCES.ncciPtpPractitioner, SOURCES.ncciMue, SOURCES.mpfsRvu2024],
    messages: ['rule_data_coverage', 'rule_data_coverage_undated'],
  },
  check(context) {
    const out: Report[] = [];
    const { data } = context;
    for (const line of context.lines) {
      if (line.dateUnreadable) continue;
      const missing: string[] = [];
      if (!data.ptpQuarter(line.date)) missing.push('NCCI PTP');
      if (!data.mueQuarter(line.date)) missing.push('NCCI MUE');
      if (!data.mpfsCovers(line.code, line.date)) missing.push('MPFS');
      if (!missing.length) continue;
      out.push({ lines: [line.index], key: dated('rule_data_coverage', line.dated), args: [line.code, line.date, missing.join(', '), data.vintage()] });
    }
    return out;
  },
});

import { ADDON_LESION_CAP, ADDON_LESIONS } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { dated, defineRule, type Report } from '../../rule';
import { formatUnits } from './single-session-units';

export default defineRule({
  meta: {
    id: 'srs/addon-lesion-cap',
    description: {
      en: '61797 + 61799 (each additional cranial lesion) above 4 units in any combination on one date.',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.cptAddonLesions, SOURCES.ncciMue],
    messages: ['rule_srs_addon_lesion_cap', 'rule_srs_addon_lesion_cap_undated'],
  },
  check(context) {
    const out: Report[] = [];
    for (const group of context.groups) {
      const lines = group.lines.filter((line) => ADDON_LESIONS.has(line.code));
      const units = lines.reduce((sum, line) => sum + line.units, 0);
      if (units <= ADDON_LESION_CAP) continue;
      out.push({
        lines: lines.map((line) => line.index),
        key: dated('rule_srs_addon_lesion_cap', group.dated),
        args: [formatUnits(units), String(ADDON_LESION_CAP), group.date],
      });
    }
    return out;
  },
});

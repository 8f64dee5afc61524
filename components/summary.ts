import type { TabState } from '../messaging/schemas';
import { describeCode } from '../rules';
import type { ChecklistTicks } from '../settings/checklist';
import { describeFix, sortBySeverity } from './FindingList';
import { t, uiLanguage } from './i18n';

/**
 * The plain-text summary "Copy summary" puts on the clipboard: codes, modifiers, units, findings
 * and checklist state. Built only from code-level state, so it cannot hold a patient identifier.
 */
export function summaryText(tab: TabState | null, ticks: ChecklistTicks): string {
  const language = uiLanguage();
  const out: string[] = [t('summary_title')];
  for (const { state } of tab?.frames ?? []) {
    for (const claim of state.claims) {
      const coded = claim.lines.filter((line) => line.code !== '');
      if (!coded.length) continue;
      out.push('', t('panel_claim_label', [t(`form_${claim.formType}`)]));
      for (const line of coded) {
        const modifiers = line.modifiers.length ? ` ${line.modifiers.join(' ')}` : '';
        const units = line.units === undefined ? '' : ` × ${line.units}`;
        out.push(`${t('col_line')} ${line.index + 1}: ${line.code}${modifiers}${units} — ${t(`severity_${line.severity}`)}`);
      }
      for (const finding of sortBySeverity(claim.findings)) {
        const lines = finding.lines.map((index) => index + 1).join(', ');
        const fix = finding.fix ? ` ${describeFix(finding)}` : '';
        out.push(`- [${t(`severity_${finding.severity}`)}] ${lines ? `${t('col_line')} ${lines}: ` : ''}${t(finding.message.key, finding.message.args)}${fix} (${finding.ruleId})`);
      }
      const codes = [...new Set(coded.map((line) => line.code))];
      for (const code of codes) {
        const items = describeCode(code)?.checklist;
        if (!items) continue;
        out.push('', t('panel_checklist', [code]));
        for (const item of items) out.push(`${ticks[code]?.includes(item.id) ? '[x]' : '[ ]'} ${item.text[language]}`);
      }
    }
  }
  return out.join('\n');
}

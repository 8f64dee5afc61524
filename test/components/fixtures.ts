import type { Finding } from '../../rules';
import type { TabState } from '../../messaging/schemas';

export const modifier26Finding: Finding = {
  ruleId: 'srs/modifier-26-technical-only',
  severity: 'error',
  lines: [0],
  message: { key: 'rule_srs_modifier_26_technical_only', args: ['77371'] },
  sources: [{ title: 'CMS MPFS Relative Value File CY2024 (PC/TC indicator 3)' }],
  fix: { kind: 'remove-modifier', line: 0, modifier: '26' },
};

export const infoFinding: Finding = {
  ruleId: 'srs/management-code',
  severity: 'info',
  lines: [0],
  message: { key: 'rule_srs_management_code', args: ['77371'] },
  sources: [{ title: 'CMS NCCI PTP edits 2024-07' }],
};

export function tabWith(findings: Finding[]): TabState {
  return {
    tabId: 5,
    frames: [
      {
        frameId: 0,
        state: {
          profileId: 'medicare-physician',
          paused: false,
          claims: [
            {
              claimIndex: 0,
              formType: 'professional',
              lines: [{ index: 0, code: '77371', modifiers: ['26'], units: 1, severity: 'error', ruleIds: findings.map((f) => f.ruleId) }],
              findings,
            },
          ],
        },
      },
    ],
  };
}

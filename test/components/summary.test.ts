import { summaryText } from '../../components/summary';
import { modifier26Finding, tabWith } from './fixtures';

describe('copy summary', () => {
  it('lists lines, findings and checklist state from code-level state only', () => {
    const tab = tabWith([modifier26Finding]);
    tab.frames[0]!.state.claims[0]!.lines.push({ index: 1, code: '', modifiers: [], severity: 'ok', ruleIds: [] });
    const text = summaryText(tab, { '77371': ['plan'] });
    expect(text).toContain('Line 1: 77371 26 × 1 — Error');
    expect(text).not.toContain('Line 2'); // blank lines are left out
    expect(text).toContain('[Error] Line 1: ');
    expect(text).toContain('Fix: remove modifier 26.');
    expect(text).toContain('Documentation checklist for 77371');
    expect(text).toMatch(/\[[ x]\] /);
  });

  it('is just the title when there is no claim', () => {
    expect(summaryText(null, {})).toBe('ClaimGuide summary');
  });
});

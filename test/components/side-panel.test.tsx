import { fireEvent, render, screen } from '@testing-library/preact';
import { SidePanel } from '../../components/SidePanel';
import { infoFinding, modifier26Finding, tabWith } from './fixtures';

describe('SidePanel', () => {
  it('explains what to do when the page has no claim', () => {
    render(<SidePanel tab={null} />);
    expect(screen.getByRole('heading', { name: 'No claim found on this page' })).toBeTruthy();
  });

  it('shows the vintage of the loaded CMS data', () => {
    render(<SidePanel tab={null} />);
    expect(screen.getByText('CMS data loaded: NCCI PTP 2024 Q3; NCCI MUE 2024 Q3; MPFS 2024, 2025')).toBeTruthy();
  });

  it('says when ClaimGuide is paused on the site', () => {
    const tab = tabWith([]);
    tab.frames[0]!.state = { profileId: 'medicare-physician', paused: true, claims: [] };
    render(<SidePanel tab={tab} />);
    expect(screen.getByRole('heading', { name: 'ClaimGuide is paused on this site' })).toBeTruthy();
  });

  it('lists each line with its code, descriptor, modifiers and units, and the findings worst first', () => {
    const { container } = render(<SidePanel tab={tabWith([infoFinding, modifier26Finding])} />);
    const row = container.querySelector('tr[data-line="0"]')!;
    expect(row.textContent).toContain('77371');
    expect(container.querySelector('tr[data-line-descriptor="0"]')?.textContent).toMatch(/cobalt/i);
    expect(row.textContent).toContain('26');
    expect(row.getAttribute('data-severity')).toBe('error');
    const findings = [...container.querySelectorAll('[data-rule-id]')].map((el) => el.getAttribute('data-rule-id'));
    expect(findings).toEqual(['srs/modifier-26-technical-only', 'srs/management-code']);
    expect(container.textContent).toContain('Fix: remove modifier 26.');
    expect(container.textContent).toContain('CMS MPFS Relative Value File');
  });

  it('keeps why, sources and the rule id behind a toggle under each finding', () => {
    const { container } = render(<SidePanel tab={tabWith([modifier26Finding])} />);
    const finding = container.querySelector<HTMLElement>('[data-rule-id="srs/modifier-26-technical-only"]')!;
    const toggle = finding.querySelector<HTMLButtonElement>('[data-finding-toggle]')!;
    const details = finding.querySelector<HTMLElement>(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)!;
    expect(toggle.textContent).toContain('Why, and sources');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(details.hidden).toBe(true);
    expect(details.textContent).toContain('CMS MPFS Relative Value File');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    // The fix stays in view with the headline.
    expect(finding.querySelector('.cg-finding__head')!.textContent).toContain('Fix: remove modifier 26.');
  });

  it('shows the documentation checklist of each SRS code on the claim', () => {
    render(<SidePanel tab={tabWith([modifier26Finding])} />);
    expect(screen.getByRole('heading', { name: 'Documentation checklist for 77371' })).toBeTruthy();
  });

  it('lists related codes (e.g. 77432 management) as information, marking those already on the claim', () => {
    const tab = tabWith([modifier26Finding]);
    tab.frames[0]!.state.claims[0]!.lines.push({ index: 1, code: '77432', modifiers: [], units: 1, severity: 'ok', ruleIds: [] });
    const { container } = render(<SidePanel tab={tab} />);
    const related = container.querySelector('[data-related="77371"]')!;
    expect(related.querySelector('[data-code="77432"]')?.textContent).toContain('on this claim');
    expect(related.querySelector('[data-code="77295"]')?.textContent).toMatch(/planning/i);
  });

  it('asks to focus the line when a finding is clicked', () => {
    const onFocusLine = vi.fn();
    const { container } = render(<SidePanel tab={tabWith([modifier26Finding])} onFocusLine={onFocusLine} />);
    fireEvent.click(container.querySelector('[data-rule-id="srs/modifier-26-technical-only"] button')!);
    expect(onFocusLine).toHaveBeenCalledWith({ frameId: 0, claimIndex: 0, line: 0 });
  });
});

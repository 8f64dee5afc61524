import { fireEvent, render, screen } from '@testing-library/preact';
import { MarkerLayer, type MarkerView } from '../../components/MarkerLayer';
import { modifier26Finding } from './fixtures';

const marker = (overrides: Partial<MarkerView> = {}): MarkerView => ({
  key: '0:0',
  severity: 'error',
  code: '77371',
  lineNumber: 1,
  findings: [modifier26Finding],
  position: { x: 100, y: 50 },
  ...overrides,
});

describe('MarkerLayer', () => {
  it('renders a labelled marker per visible line and none for hidden fields', () => {
    render(<MarkerLayer markers={[marker(), marker({ key: '0:1', position: null })]} openKey={null} onToggle={vi.fn()} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.getAttribute('aria-label')).toBe('ClaimGuide Error on line 1 (77371): show details');
    expect(buttons[0]!.getAttribute('style')).toContain('left: 100px');
  });

  it.each(['error', 'warning', 'info'] as const)('tells a %s marker apart by its glyph, not only by colour', (severity) => {
    const { container } = render(<MarkerLayer markers={[marker({ severity })]} openKey={null} onToggle={vi.fn()} />);
    expect(container.querySelector(`.cg-badge--${severity}`)?.textContent).toBe({ error: '✕', warning: '!', info: 'i' }[severity]);
  });

  it('opens the card with the descriptor, findings and its keys, and closes it with its close button', () => {
    const onToggle = vi.fn();
    const { rerender } = render(<MarkerLayer markers={[marker()]} openKey={null} onToggle={onToggle} />);
    fireEvent.click(screen.getByRole('button'));
    expect(onToggle).toHaveBeenCalledWith('0:0');
    rerender(<MarkerLayer markers={[marker()]} openKey="0:0" onToggle={onToggle} />);
    const card = screen.getByRole('dialog');
    expect(card.textContent).toMatch(/cobalt/i);
    expect(card.textContent).toContain('not the official CPT descriptor');
    expect(card.querySelector('[data-rule-id="srs/modifier-26-technical-only"]')).toBeTruthy();
    expect(card.textContent).toContain('Alt+Shift+G opens this card');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onToggle).toHaveBeenLastCalledWith(null);
  });
});

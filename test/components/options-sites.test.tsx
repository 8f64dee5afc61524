import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SitesSection } from '../../components/options/SitesSection';

describe('SitesSection', () => {
  it('adds a typed portal address as one origin pattern', async () => {
    const onEnable = vi.fn(async () => true);
    render(<SitesSection enabled={[]} locked={[]} onEnable={onEnable} onDisable={vi.fn()} />);
    fireEvent.input(screen.getByLabelText(/Add a portal/), { target: { value: 'https://billing.example.org/claims/new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(onEnable).toHaveBeenCalledWith('https://billing.example.org/*'));
  });

  it('explains an invalid address or a declined permission', async () => {
    render(<SitesSection enabled={[]} locked={[]} onEnable={vi.fn(async () => false)} onDisable={vi.fn()} />);
    fireEvent.input(screen.getByLabelText(/Add a portal/), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toContain('https://');
    fireEvent.input(screen.getByLabelText(/Add a portal/), { target: { value: 'https://x.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not granted'));
  });

  it('shows sites set by policy as locked, without a disable button', () => {
    const { container } = render(
      <SitesSection enabled={['https://policy.example.com/*']} locked={['https://policy.example.com/*']} onEnable={vi.fn()} onDisable={vi.fn()} />,
    );
    const row = container.querySelector('[data-site="https://policy.example.com/*"]')!;
    expect(row.textContent).toContain('Set by your organization');
    expect(row.querySelector('button')).toBeNull();
  });
});

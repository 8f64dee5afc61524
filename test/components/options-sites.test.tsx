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
    expect(screen.getByRole('switch', { name: 'Run ClaimGuide on https://policy.example.com/*' })).toHaveProperty('disabled', true);
  });

  it('lists each site with its state and a switch that enables or disables it', async () => {
    const onEnable = vi.fn(async () => true);
    const onDisable = vi.fn(async () => {});
    const { container } = render(
      <SitesSection enabled={['https://mine.example.com/*']} locked={[]} onEnable={onEnable} onDisable={onDisable} />,
    );
    const mine = screen.getByRole('switch', { name: 'Run ClaimGuide on https://mine.example.com/*' }) as HTMLInputElement;
    expect(mine.checked).toBe(true);
    expect(container.querySelector('[data-site="https://mine.example.com/*"]')!.textContent).toContain('On');
    fireEvent.click(mine);
    await waitFor(() => expect(onDisable).toHaveBeenCalledWith('https://mine.example.com/*'));
    const off = container.querySelector<HTMLElement>('[data-site-state="off"]')!;
    expect(off.textContent).toContain('Off');
    fireEvent.click(off.querySelector('input[role="switch"]')!);
    await waitFor(() => expect(onEnable).toHaveBeenCalledWith(off.getAttribute('data-site')));
  });
});

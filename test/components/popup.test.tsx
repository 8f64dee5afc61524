import { fireEvent, render, screen } from '@testing-library/preact';
import { Popup, type PopupProps } from '../../components/Popup';
import { BUILTIN_PROFILES } from '../../rules';

function props(overrides: Partial<PopupProps> = {}): PopupProps {
  return {
    profiles: BUILTIN_PROFILES,
    activeProfileId: 'medicare-physician',
    recovered: false,
    site: { origin: 'http://127.0.0.1:8642', status: 'enabled' },
    counts: { error: 2, warning: 1 },
    onSelectProfile: vi.fn(),
    onTogglePause: vi.fn(),
    onOpenPanel: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
}

describe('Popup', () => {
  it('shows the active payer profile among the four built-ins', () => {
    render(<Popup {...props()} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((radio) => radio.value)).toEqual(['medicare-physician', 'medicare-outpatient', 'medicaid', 'commercial']);
    expect(radios.find((radio) => radio.checked)?.value).toBe('medicare-physician');
  });

  it('switches the profile in one click', () => {
    const onSelectProfile = vi.fn();
    render(<Popup {...props({ onSelectProfile })} />);
    fireEvent.click(screen.getAllByRole('radio')[3]!);
    expect(onSelectProfile).toHaveBeenCalledWith('commercial');
  });

  it('shows the site status, the counts and a notice when settings were recovered', () => {
    render(<Popup {...props({ recovered: true, site: { origin: 'http://127.0.0.1:8642', status: 'paused' } })} />);
    expect(screen.getByRole('status').textContent).toContain('could not be read');
    expect(screen.getByText('paused')).toBeTruthy();
    expect(screen.getByText(/Errors: 2/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume on this site' })).toBeTruthy();
  });

  it('links to the options page', () => {
    const onOpenOptions = vi.fn();
    render(<Popup {...props({ onOpenOptions })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});

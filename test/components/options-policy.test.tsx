import { fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicySection } from '../../components/options/PolicySection';
import { ProfilesSection } from '../../components/options/ProfilesSection';
import { Popup, type PopupProps } from '../../components/Popup';
import { BUILTIN_PROFILES, type PayerProfile } from '../../rules';
import { readManagedPolicy } from '../../settings/policy';
import { chooseActiveProfile, effectiveProfiles } from '../../settings/profiles';

const commercial = BUILTIN_PROFILES.find((profile) => profile.id === 'commercial')!;
const org: PayerProfile = { ...commercial, id: 'org-plan', name: { en: 'Org plan', es: 'Plan de la organización' }, rules: { 'srs/duplicate-line': 'off' } };
const mine: PayerProfile = { ...commercial, id: 'mine', name: { en: 'My profile', es: 'Mi perfil' } };

/** What an administrator pushes through managed storage (public/managed_schema.json). */
async function pushPolicy(policy: Record<string, unknown>) {
  await fakeBrowser.storage.managed.set(policy);
  return readManagedPolicy();
}

describe('Enterprise policy: payer profiles', () => {
  it('shows a managed-policy profile locked, viewable and exportable but not editable', async () => {
    const policy = await pushPolicy({ customProfilesJson: JSON.stringify([org]), defaultProfileId: 'org-plan', lockProfile: true });
    const onChange = vi.fn();
    const { container } = render(<ProfilesSection custom={[mine]} recovered={false} policy={policy} onChange={onChange} />);
    const row = container.querySelector<HTMLElement>('[data-profile="org-plan"]')!;
    expect(row.getAttribute('data-profile-source')).toBe('policy');
    expect(row.querySelector('.cg-locked')!.textContent).toBe('Set by your organization');
    expect(within(row).queryByRole('button', { name: /Edit/ })).toBeNull();
    expect(within(row).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(within(row).getByRole('button', { name: 'Export Org plan' })).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'View rules Org plan' }));
    expect(row.querySelector('tr[data-rule="srs/duplicate-line"]')!.getAttribute('data-setting')).toBe('off');
    // Listed after the built-ins and before the coder's own.
    expect([...container.querySelectorAll('[data-profile]')].map((li) => li.getAttribute('data-profile'))).toEqual([
      ...BUILTIN_PROFILES.map((profile) => profile.id),
      'org-plan',
      'mine',
    ]);
    expect(onChange).not.toHaveBeenCalled();
    // The policy's own state is a section apart.
    expect(container.querySelector('[data-policy-profiles]')).toBeNull();
    const policyBox = render(<PolicySection policy={policy} custom={[mine]} />).container.querySelector<HTMLElement>('[data-policy-profiles]')!;
    expect(policyBox.querySelector('[data-policy-default]')!.textContent).toContain('Default profile: Org plan');
    expect(policyBox.querySelector('[data-policy-lock]')!.textContent).toContain('Set by your organization');
    expect(policyBox.textContent).toContain('Profiles from your organization: 1');
  });

  it('shows why the organization’s profiles could not be read', async () => {
    const policy = await pushPolicy({ customProfilesJson: JSON.stringify([{ id: 'x', name: { en: 'X' } }]) });
    const { container } = render(<ProfilesSection custom={[]} recovered={false} policy={policy} onChange={vi.fn()} />);
    expect(container.querySelector('[data-profile="x"]')).toBeNull();
    const errors = render(<PolicySection policy={policy} custom={[]} />).container.querySelector<HTMLElement>('[data-policy-errors]')!;
    expect(errors.textContent).toContain("Your organization's profiles could not be read.");
    expect(errors.querySelector('li')!.getAttribute('data-problem-path')).toBe('[0].name.es');
  });

  it('says when no policy applies', () => {
    render(<PolicySection policy={{}} custom={[]} />);
    expect(screen.getByText('Your organization sets no payer profile.')).toBeTruthy();
    expect(document.querySelector('[data-policy-sites]')!.textContent).toBe('None');
  });
});

describe('Popup with custom and policy profiles', () => {
  function popupProps(overrides: Partial<PopupProps>): PopupProps {
    return {
      profiles: BUILTIN_PROFILES,
      activeProfileId: 'medicare-physician',
      recovered: false,
      site: { origin: 'http://127.0.0.1:8642', status: 'enabled' },
      counts: { error: 0, warning: 0 },
      onSelectProfile: vi.fn(),
      onTogglePause: vi.fn(),
      onOpenPanel: vi.fn(),
      onOpenOptions: vi.fn(),
      ...overrides,
    };
  }

  it('lists custom and policy profiles after the built-ins, locked by policy', async () => {
    const policy = await pushPolicy({ customProfilesJson: JSON.stringify([org]), defaultProfileId: 'org-plan', lockProfile: true });
    const entries = effectiveProfiles([mine], policy);
    const active = chooseActiveProfile('mine', entries, policy);
    render(<Popup {...popupProps({ profiles: entries.map((e) => e.profile), activeProfileId: active.id, profileLocked: active.locked })} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((radio) => radio.value)).toEqual([...BUILTIN_PROFILES.map((p) => p.id), 'org-plan', 'mine']);
    expect(radios.find((radio) => radio.checked)?.value).toBe('org-plan');
    expect(radios.every((radio) => radio.disabled)).toBe(true);
    expect(screen.getByRole('group').textContent).toContain('Set by your organization');
    expect(screen.getByText('Your organization sets the payer profile.')).toBeTruthy();
  });

  it('selects a custom profile when not locked, and says when custom profiles were unreadable', () => {
    const onSelectProfile = vi.fn();
    render(<Popup {...popupProps({ profiles: [...BUILTIN_PROFILES, mine], profilesRecovered: true, onSelectProfile })} />);
    fireEvent.click(screen.getByRole('radio', { name: 'My profile' }));
    expect(onSelectProfile).toHaveBeenCalledWith('mine');
    expect(screen.getByRole('status').textContent).toContain('custom profiles could not be read');
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useEffect, useState } from 'preact/hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProfilesSection } from '../../components/options/ProfilesSection';
import { BUILTIN_PROFILES, type PayerProfile } from '../../rules';
import type { ManagedPolicy } from '../../settings/policy';
import { readCustomProfiles, saveCustomProfiles, type CustomProfiles } from '../../settings/profiles';

const commercial = BUILTIN_PROFILES.find((profile) => profile.id === 'commercial')!;
const acme: PayerProfile = { ...commercial, id: 'acme', name: { en: 'Acme Health', es: 'Acme Salud' }, rules: {}, notes: {} };

/** The section wired to real (fake) storage, as the options page wires it. */
function Harness({ policy = {} }: { policy?: ManagedPolicy }) {
  const [state, setState] = useState<CustomProfiles>({ profiles: [], recovered: false });
  useEffect(() => void readCustomProfiles().then(setState), []);
  return (
    <ProfilesSection
      custom={state.profiles}
      recovered={state.recovered}
      policy={policy}
      onChange={async (update) => {
        await saveCustomProfiles(update((await readCustomProfiles()).profiles));
        setState(await readCustomProfiles());
      }}
    />
  );
}

const stored = async () => (await fakeBrowser.storage.local.get('customProfiles')).customProfiles;
const row = (id: string) => document.querySelector<HTMLElement>(`[data-profile="${id}"]`)!;

function chooseFile(text: string, name = 'profile.json') {
  const input = document.querySelector<HTMLInputElement>('input[type="file"][data-import="profiles"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('ProfilesSection', () => {
  it('shows each built-in read-only: every rule’s setting under it and its notes', async () => {
    render(<Harness />);
    const commercialRow = row('commercial');
    expect(within(commercialRow).queryByRole('button', { name: /Edit/ })).toBeNull();
    expect(within(commercialRow).queryByRole('button', { name: /Delete/ })).toBeNull();
    const view = within(commercialRow).getByRole('button', { name: 'View rules Commercial payer' });
    fireEvent.click(view);
    expect(view.getAttribute('aria-expanded')).toBe('true');
    const tc = commercialRow.querySelector('tr[data-rule="srs/modifier-tc-redundant"]')!;
    expect(tc.getAttribute('data-setting')).toBe('warning');
    expect(tc.textContent).toContain('Warning');
    expect(tc.textContent).toContain('tolerate TC');
    // The X-modifier preference is Medicare's: the rule is off under Commercial.
    expect(commercialRow.querySelector('tr[data-rule="srs/modifier-59-prefer-x"]')!.getAttribute('data-setting')).toBe('off');
  });

  it('creates a custom profile from a built-in, with a rule’s severity changed and a note', async () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'New custom profile' }));
    const form = screen.getByRole('form', { name: 'New custom profile' });
    fireEvent.change(within(form).getByLabelText('Based on'), { target: { value: 'commercial' } });
    fireEvent.input(within(form).getByLabelText('Id'), { target: { value: 'acme' } });
    fireEvent.input(within(form).getByLabelText('Name in English'), { target: { value: 'Acme Health' } });
    const setting = within(form).getByLabelText('Setting for srs/modifier-26-technical-only') as HTMLSelectElement;
    expect(setting.value).toBe('error');
    fireEvent.change(setting, { target: { value: 'warning' } });
    fireEvent.input(within(form).getByLabelText('Note for srs/modifier-26-technical-only'), { target: { value: 'Acme accepts 26 with a letter.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save profile' }));

    await waitFor(async () => expect(await stored()).toHaveLength(1));
    const [profile] = (await stored()) as PayerProfile[];
    expect(profile).toMatchObject({
      id: 'acme',
      name: { en: 'Acme Health', es: 'Acme Health' },
      claimForm: commercial.claimForm,
      prefersXModifiers: false,
      rules: { ...commercial.rules, 'srs/modifier-26-technical-only': 'warning' },
      notes: { ...commercial.notes, 'srs/modifier-26-technical-only': 'Acme accepts 26 with a letter.' },
    });
    expect(profile!.description).toBeUndefined();
    await waitFor(() => expect(row('acme')).toBeTruthy());
    expect(screen.getByText('Acme Health was saved.').getAttribute('role')).toBe('status');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('refuses an id a profile already has, or an invalid one', async () => {
    await saveCustomProfiles([acme]);
    render(<Harness />);
    await waitFor(() => expect(row('acme')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'New custom profile' }));
    const form = screen.getByRole('form');
    fireEvent.input(within(form).getByLabelText('Name in English'), { target: { value: 'X' } });
    for (const [id, message] of [
      ['commercial', 'already has the id commercial'],
      ['acme', 'already has the id acme'],
      ['Not Valid', 'must start with a lowercase letter'],
    ]) {
      fireEvent.input(within(form).getByLabelText('Id'), { target: { value: id } });
      fireEvent.click(within(form).getByRole('button', { name: 'Save profile' }));
      await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain(message));
    }
    expect(await stored()).toEqual([acme]);
  });

  it('never overwrites a stored profile saved before the list was shown', async () => {
    await saveCustomProfiles([acme]);
    render(<Harness />);
    // Open and save at once, before the stored list has been read into the page.
    fireEvent.click(screen.getByRole('button', { name: 'New custom profile' }));
    const form = screen.getByRole('form');
    fireEvent.input(within(form).getByLabelText('Id'), { target: { value: 'acme' } });
    fireEvent.input(within(form).getByLabelText('Name in English'), { target: { value: 'Impostor' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain('already has the id acme'));
    expect(await stored()).toEqual([acme]);
  });

  it('edits a custom profile: a rule’s severity changes, the rest stays', async () => {
    await saveCustomProfiles([acme]);
    render(<Harness />);
    await waitFor(() => expect(row('acme')).toBeTruthy());
    fireEvent.click(within(row('acme')).getByRole('button', { name: 'Edit Acme Health' }));
    const form = screen.getByRole('form', { name: 'Edit Acme Health' });
    expect((within(form).getByLabelText('Id') as HTMLInputElement).readOnly).toBe(true);
    fireEvent.change(within(form).getByLabelText('Setting for srs/duplicate-line'), { target: { value: 'off' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save profile' }));
    await waitFor(async () => expect(((await stored()) as PayerProfile[])[0]!.rules).toEqual({ 'srs/duplicate-line': 'off' }));
    expect(((await stored()) as PayerProfile[])[0]!.name).toEqual(acme.name);
  });

  it('deletes a custom profile after confirmation', async () => {
    await saveCustomProfiles([acme]);
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    window.confirm = confirm;
    render(<Harness />);
    await waitFor(() => expect(row('acme')).toBeTruthy());
    fireEvent.click(within(row('acme')).getByRole('button', { name: 'Delete Acme Health' }));
    await Promise.resolve();
    expect(await stored()).toEqual([acme]);
    fireEvent.click(within(row('acme')).getByRole('button', { name: 'Delete Acme Health' }));
    await waitFor(async () => expect(await stored()).toEqual([]));
    expect(confirm).toHaveBeenCalledWith('Delete the profile Acme Health?');
  });

  it('rejects a malformed import whole, listing each problem’s path and line, and changes nothing stored', async () => {
    await saveCustomProfiles([acme]);
    const before = structuredClone(await stored());
    render(<Harness />);
    await waitFor(() => expect(row('acme')).toBeTruthy());
    const bad = ['{', '  "id": "beta",', '  "name": { "en": "Beta" },', '  "rules": { "srs/modifier-26-technical-only": "loud", "srs/nope": "off" },', '  "colour": "red"', '}'].join('\n');
    chooseFile(bad, 'beta.json');

    const alert = await screen.findByRole('alert');
    const problems = [...alert.querySelectorAll('li')].map((li) => [li.getAttribute('data-problem-path'), li.getAttribute('data-problem-line')]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['name.es', '3'],
        ['rules["srs/modifier-26-technical-only"]', '4'],
        ['rules["srs/nope"]', '4'],
        ['colour', '5'],
      ]),
    );
    expect(alert.textContent).toContain('Line 4:');
    expect(screen.getByText('beta.json was not imported: nothing was changed.')).toBeTruthy();
    expect(await stored()).toEqual(before);
    expect(document.querySelector('[data-profile="beta"]')).toBeNull();

    chooseFile('{ "id": "beta", ', 'broken.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('JSON syntax'));
    expect(screen.getByRole('alert').querySelector('li')!.getAttribute('data-problem-line')).toBe('1');
    expect(await stored()).toEqual(before);
  });

  it('rejects an import whose id is taken, and imports a valid file (one profile or a list)', async () => {
    await saveCustomProfiles([acme]);
    render(<Harness />);
    await waitFor(() => expect(row('acme')).toBeTruthy());
    chooseFile(JSON.stringify({ id: 'acme', name: { en: 'Other', es: 'Otro' } }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('the id acme already exists'));
    expect(await stored()).toEqual([acme]);

    chooseFile(JSON.stringify([{ id: 'beta', name: { en: 'Beta', es: 'Beta' } }, { id: 'gamma', name: { en: 'Gamma', es: 'Gamma' } }]));
    await waitFor(async () => expect(((await stored()) as PayerProfile[]).map((p) => p.id)).toEqual(['acme', 'beta', 'gamma']));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Imported: Beta, Gamma.')).toBeTruthy();
  });

  it('exports a profile as a JSON download whose content equals the profile', async () => {
    await saveCustomProfiles([acme]);
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:claimguide/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const downloads: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ href: this.getAttribute('href')!, download: this.download });
    });
    render(<Harness />);
    await waitFor(() => expect(row('acme')).toBeTruthy());
    fireEvent.click(within(row('acme')).getByRole('button', { name: 'Export Acme Health' }));
    expect(create).toHaveBeenCalledTimes(1);
    expect(downloads).toEqual([{ href: 'blob:claimguide/1', download: 'acme.json' }]);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(((await stored()) as PayerProfile[])[0]);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(acme);

    fireEvent.click(within(row('commercial')).getByRole('button', { name: 'Export Commercial payer' }));
    expect(JSON.parse(await blobs[1]!.text())).toEqual(commercial);
    expect(downloads[1]!.download).toBe('commercial.json');
    click.mockRestore();
  });

  it('shows a notice when stored custom profiles were unreadable', async () => {
    await fakeBrowser.storage.local.set({ customProfiles: 'garbage' });
    render(<Harness />);
    expect((await screen.findByText(/could not be read and are not shown/)).getAttribute('role')).toBe('status');
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CorrectionsSection } from '../../components/options/CorrectionsSection';
import { CorrectionPicker } from '../../components/CorrectionPicker';
import { exportCorrections, importCorrections, readCorrections, saveCorrection, type Correction } from '../../settings/corrections';

const mine: Correction = { site: 'https://portal.example.com/*', selector: 'input[name="SVCDATE_REF_1"]', role: 'pointer', line: { kind: 'auto' } };
const theirs: Correction = { site: 'https://portal.example.com/*', selector: '#notes', hosts: ['#grid'], role: 'none', line: { kind: 'auto' } };
const noPolicy = { corrections: [], problems: [] };

/** Chooses a file in the section's import control. */
function importFile(container: Element, text: string): void {
  const input = container.querySelector<HTMLInputElement>('input[data-import="corrections"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], 'corrections.json', { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

describe('CorrectionsSection', () => {
  it('lists the coder’s recipes with a Remove button, and the organization’s locked', async () => {
    const onRemove = vi.fn(async () => {});
    const { container } = render(<CorrectionsSection corrections={[mine]} recovered={false} policy={{ corrections: [theirs], problems: [] }} onRemove={onRemove} onImport={vi.fn()} />);
    const rows = container.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('#grid ▸ #notes');
    expect(rows[0]!.textContent).toContain('Not a claim field');
    expect(rows[0]!.textContent).toContain('Set by your organization');
    expect(rows[0]!.querySelector('button')).toBeNull();
    expect(rows[1]!.textContent).toContain('Diagnosis pointer');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the correction of input[name="SVCDATE_REF_1"] on https://portal.example.com/*' }));
    await waitFor(() => expect(onRemove).toHaveBeenCalledWith(mine));
  });

  it('says when there are none, and when stored ones could not be read', () => {
    render(<CorrectionsSection corrections={[]} recovered policy={noPolicy} onRemove={vi.fn()} onImport={vi.fn()} />);
    expect(screen.getByText(/No corrections yet/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('could not be read');
    expect((screen.getByRole('button', { name: 'Export corrections' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('imports an exported file into storage', async () => {
    const { container } = render(<CorrectionsSection corrections={[]} recovered={false} policy={noPolicy} onRemove={vi.fn()} onImport={importCorrections} />);
    importFile(container, exportCorrections([mine, theirs]));
    await waitFor(() => expect(screen.getByText('2 corrections imported.')).toBeTruthy());
    expect((await readCorrections()).value).toEqual([mine, theirs]);
  });

  it('refuses an invalid file with each line and reason, and changes nothing', async () => {
    await saveCorrection(mine);
    const { container } = render(<CorrectionsSection corrections={[mine]} recovered={false} policy={noPolicy} onRemove={vi.fn()} onImport={importCorrections} />);
    const text = exportCorrections([theirs, { ...mine, selector: 'input[value="77371"]' }]).replace('"role": "none"', '"role": "nothing"');
    importFile(container, text);
    const items = await screen.findAllByRole('listitem');
    const reasons = items.map((item) => item.textContent);
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(reasons).toEqual([
      `Line ${lineOf('"nothing"')}: corrections[0].role: The role must be one of: cpt, modifier, units, dos, pos, dx, pointer, revenue, charge, none.`,
      `Line ${lineOf('[value=')}: corrections[1].selector: The selector is not a CSS selector a page can use, or it reads a field's value ([value=…]).`,
    ]);
    expect(screen.getByText('corrections.json was not imported: nothing was changed.')).toBeTruthy();
    expect((await readCorrections()).value).toEqual([mine]);
  });

  it('shows why policy recipes were left out', () => {
    render(
      <CorrectionsSection
        corrections={[]}
        recovered={false}
        policy={{ corrections: [], problems: [{ path: '[0].site', key: 'corrections_err_site' }] }}
        onRemove={vi.fn()}
        onImport={vi.fn()}
      />,
    );
    expect(screen.getByText(/left out/).parentElement!.textContent).toContain('[0].site: The site must be a pattern such as https://portal.example.com/*.');
  });
});

describe('CorrectionPicker', () => {
  it('offers every role and "Not a claim field" per field, and saves the choice', async () => {
    const onCorrect = vi.fn(async () => true);
    render(<CorrectionPicker idPrefix="t" lineCount={1} fields={[{ role: 'cpt' }, { role: 'modifier', slot: 2, corrected: true }]} onCorrect={onCorrect} />);
    const select = screen.getByLabelText(/Field 2, read as Modifier 2/) as HTMLSelectElement;
    expect(screen.getByText(/Field 2, read as Modifier 2/).textContent).toContain('your correction');
    expect(Array.from(select.options).map((option) => option.value)).toEqual(['cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge', 'none']);
    fireEvent.change(select, { target: { value: 'none' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[1]!);
    await waitFor(() => expect(onCorrect).toHaveBeenCalledWith(1, 'none', { kind: 'auto' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved: on this site ClaimGuide reads this field as “Not a claim field”.');
  });

  it('says so when a correction was not saved', async () => {
    render(<CorrectionPicker idPrefix="t" lineCount={1} fields={[{ role: 'units' }]} onCorrect={async () => false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The correction was not saved.'));
  });
});

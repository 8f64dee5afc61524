import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CorrectionPicker } from '../../components/CorrectionPicker';

describe('CorrectionPicker', () => {
  it('says why each field was read as it was, from the page or on demand, and nothing for a corrected one', () => {
    let explained = 0;
    render(
      <CorrectionPicker
        idPrefix="t"
        open
        lineCount={3}
        onCorrect={() => true}
        fields={[
          { role: 'modifier', slot: 2, reasons: [{ kind: 'header', text: 'Modifier' }, { kind: 'name', text: 'mod2' }] },
          { role: 'dx', explain: () => (explained++, [{ kind: 'section', text: 'Diagnoses' }]) },
          { role: 'pointer', corrected: true, reasons: [{ kind: 'name', text: 'SVCDATE_REF_1' }] },
        ]}
      />,
    );
    const whys = [...document.querySelectorAll('[data-field-reasons]')].map((node) => node.textContent?.trim());
    expect(whys).toEqual(['— read from column “Modifier” · name “mod2”', '— read from section “Diagnoses”']);
    expect(explained).toBeGreaterThan(0);
    // A role for each field; a line for the modifier and the pointer (a diagnosis belongs to the claim).
    expect(screen.getAllByRole('combobox')).toHaveLength(5);
  });

  it('offers the lines a role can be put on, and saves the line with the role', async () => {
    const saved: unknown[][] = [];
    render(<CorrectionPicker idPrefix="t" open lineCount={2} onCorrect={(...args) => (saved.push(args), true)} fields={[{ role: 'units' }, { role: 'dos', slot: 0 }, { role: 'cpt' }]} />);
    const lineSelect = (field: number) => screen.queryByLabelText(`Line of field ${field}`) as HTMLSelectElement | null;
    const options = (select: HTMLSelectElement | null) => Array.from(select?.options ?? []).map((option) => option.textContent);
    expect(options(lineSelect(1))).toEqual(['Line as shown', 'On line 1', 'On line 2']);
    expect(options(lineSelect(2))).toEqual(['Line as shown', 'On line 1', 'On line 2', 'Every line (claim)']);
    // A procedure code makes its own line: no choice.
    expect(lineSelect(3)).toBeNull();

    fireEvent.change(lineSelect(1)!, { target: { value: 'line:2' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]!);
    await waitFor(() => expect(saved).toContainEqual([0, 'units', { kind: 'line', line: 2 }]));
    expect((await screen.findByRole('status')).textContent).toContain('On line 2');

    fireEvent.change(lineSelect(2)!, { target: { value: 'claim' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[1]!);
    await waitFor(() => expect(saved).toContainEqual([1, 'dos', { kind: 'claim' }]));

    // Turned into a role the whole-claim choice does not fit, the field goes back to its line as the page shows it.
    fireEvent.change(screen.getByLabelText(/Field 2, read as/), { target: { value: 'units' } });
    expect(lineSelect(2)!.value).toBe('auto');
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[1]!);
    await waitFor(() => expect(saved).toContainEqual([1, 'units', { kind: 'auto' }]));
  });
});

import { render, screen } from '@testing-library/preact';
import { CorrectionPicker } from '../../components/CorrectionPicker';

describe('CorrectionPicker', () => {
  it('says why each field was read as it was, from the page or on demand, and nothing for a corrected one', () => {
    let explained = 0;
    render(
      <CorrectionPicker
        idPrefix="t"
        open
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
    expect(screen.getAllByRole('combobox')).toHaveLength(3);
  });
});

import { reasonsFor } from '../../detection';
import type { FieldElement } from '../../detection/types';

const field = (selector: string) => document.querySelector(selector) as FieldElement;

describe('why a field has its role', () => {
  it('names the strongest evidence, strongest first: the column caption before the name', () => {
    document.body.innerHTML = `<form><table><thead><tr><th>CPT</th><th>Modifier</th></tr></thead><tbody>
      <tr><td><input name="line_1_cpt" value="77372"></td><td><input name="line_1_mod2"></td></tr></tbody></table></form>`;
    expect(reasonsFor(field('[name="line_1_mod2"]'))).toEqual([
      { kind: 'header', text: 'Modifier' },
      { kind: 'name', text: 'line_1_mod2' },
    ]);
  });

  it('reads a section heading for a generic caption, and never shows a value', () => {
    document.body.innerHTML = `<h2>Diagnoses</h2><table><tr><th>Code</th></tr><tr><td><input name="c1" value="C71.9"></td></tr></table>`;
    const reasons = reasonsFor(field('[name="c1"]'));
    expect(reasons[0]).toEqual({ kind: 'section', text: 'Diagnoses' });
    expect(JSON.stringify(reasons)).not.toContain('C71.9');
  });

  it('gives no reason for a field that is not a claim field', () => {
    document.body.innerHTML = `<label>ZIP code <input name="zip"></label>`;
    expect(reasonsFor(field('[name="zip"]'))).toEqual([]);
  });
});

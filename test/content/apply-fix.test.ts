import type { DetectedClaim, FieldRole } from '../../detection';
import { planFix, withoutModifier, writeFieldValue } from '../../content/apply-fix';

function claimWith(fields: [FieldRole, number | null, string][]): DetectedClaim {
  const form = document.createElement('form');
  document.body.append(form);
  return {
    container: form,
    formType: 'professional',
    fields: fields.map(([role, line, value]) => {
      const element = document.createElement('input');
      element.value = value;
      form.append(element);
      return { element, role, line };
    }),
  };
}

describe('withoutModifier', () => {
  it.each([
    ['26', '26', ''],
    ['26,59', '26', '59'],
    ['59, 26, XS', '26', '59, XS'],
    ['tc 26', '26', 'tc'],
    ['26 59', '59', '26'],
    ['XS', '26', null],
    ['', '26', null],
  ])('%j without %s → %j', (text, modifier, expected) => {
    expect(withoutModifier(text, modifier)).toBe(expected);
  });
});

describe('planFix', () => {
  it('removes the modifier from the slot that holds it on the right line', () => {
    const claim = claimWith([
      ['cpt', 0, '77371'],
      ['modifier', 0, '59'],
      ['modifier', 0, '26'],
      ['modifier', 1, '26'],
    ]);
    const edit = planFix({ kind: 'remove-modifier', line: 0, modifier: '26' }, claim)!;
    expect(edit.element).toBe(claim.fields[2]!.element);
    expect(edit).toMatchObject({ before: '26', after: '' });
  });

  it('takes a modifier typed into the code field off the code', () => {
    const claim = claimWith([['cpt', 0, '77372-26']]);
    expect(planFix({ kind: 'remove-modifier', line: 0, modifier: '26' }, claim)).toMatchObject({ after: '77372' });
    const both = claimWith([['cpt', 0, '77372 26 59']]);
    expect(planFix({ kind: 'remove-modifier', line: 0, modifier: '26' }, both)).toMatchObject({ after: '77372-59' });
  });

  it('sets the units of the line', () => {
    const claim = claimWith([
      ['cpt', 0, '77372'],
      ['units', 0, '3'],
    ]);
    expect(planFix({ kind: 'set-units', line: 0, units: 1 }, claim)).toMatchObject({ before: '3', after: '1' });
  });

  it('plans nothing when the page no longer matches the finding', () => {
    const claim = claimWith([
      ['cpt', 0, '77371'],
      ['modifier', 0, '59'],
    ]);
    expect(planFix({ kind: 'remove-modifier', line: 0, modifier: '26' }, claim)).toBeNull();
    expect(planFix({ kind: 'set-units', line: 0, units: 1 }, claim)).toBeNull();
  });
});

describe('writeFieldValue', () => {
  it('writes through the native setter and fires input and change so frameworks notice', () => {
    const input = document.createElement('input');
    document.body.append(input);
    let trackedValue = '';
    // A framework-style instance setter that would swallow a plain assignment.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => trackedValue,
      set: (value: string) => {
        trackedValue = `framework:${value}`;
      },
    });
    const events: string[] = [];
    document.addEventListener('input', () => events.push('input'), { once: true });
    input.addEventListener('change', () => events.push('change'), { once: true });
    writeFieldValue(input, '1');
    expect(events).toEqual(['input', 'change']);
    expect(trackedValue).toBe(''); // the instance setter was bypassed
    delete (input as { value?: string }).value;
    expect(input.value).toBe('1');
  });
});

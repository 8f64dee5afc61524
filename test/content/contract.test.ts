import { CONTRACT_ATTRIBUTES, createContractWriter, type ContractClaim } from '../../content/contract';
import type { FieldRole } from '../../detection';
import type { LineVerdict } from '../../rules';

interface Entry {
  element: Element;
  role: FieldRole;
  line: number | null;
  verdict?: LineVerdict;
}

/** One claim of these fields; each cpt entry's verdict is its line's. */
function claim(entries: Entry[]): ContractClaim[] {
  const verdicts = new Map(entries.filter((e) => e.verdict && e.line !== null).map((e) => [e.line!, e.verdict!]));
  return [{ fields: entries, verdictOf: (line) => verdicts.get(line) ?? { severity: 'ok', ruleIds: [] } }];
}

function input(): HTMLInputElement {
  const element = document.createElement('input');
  document.body.append(element);
  return element;
}

describe('contract writer', () => {
  it('sets role and line on every field, and severity and rules on cpt fields only', () => {
    const code = input();
    const modifier = input();
    const dx = input();
    createContractWriter().apply(
      claim([
        { element: code, role: 'cpt', line: 0, verdict: { severity: 'error', ruleIds: ['a/b', 'c/d'] } },
        { element: modifier, role: 'modifier', line: 0 },
        { element: dx, role: 'dx', line: null },
      ]),
    );
    expect(code.getAttribute(CONTRACT_ATTRIBUTES.role)).toBe('cpt');
    expect(code.getAttribute(CONTRACT_ATTRIBUTES.line)).toBe('0');
    expect(code.getAttribute(CONTRACT_ATTRIBUTES.severity)).toBe('error');
    expect(code.getAttribute(CONTRACT_ATTRIBUTES.rules)).toBe('a/b c/d');
    expect(modifier.getAttribute(CONTRACT_ATTRIBUTES.severity)).toBeNull();
    expect(dx.getAttribute(CONTRACT_ATTRIBUTES.role)).toBe('dx');
    expect(dx.hasAttribute(CONTRACT_ATTRIBUTES.line)).toBe(false);
  });

  it('removes the attributes from fields no longer detected, and everything on clear', () => {
    const a = input();
    const b = input();
    const writer = createContractWriter();
    writer.apply(
      claim([
        { element: a, role: 'cpt', line: 0, verdict: { severity: 'ok', ruleIds: [] } },
        { element: b, role: 'units', line: 0 },
      ]),
    );
    writer.apply(claim([{ element: a, role: 'cpt', line: 0, verdict: { severity: 'ok', ruleIds: [] } }]));
    expect(b.attributes.length).toBe(0);
    writer.clear();
    expect(a.attributes.length).toBe(0);
  });

  it('does not touch an attribute whose value is unchanged (no needless mutations)', async () => {
    const a = input();
    const writer = createContractWriter();
    const entry = { element: a, role: 'cpt' as const, line: 1, verdict: { severity: 'warning' as const, ruleIds: ['x/y'] } };
    writer.apply(claim([entry]));
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(a, { attributes: true });
    writer.apply(claim([{ ...entry, verdict: { severity: 'warning', ruleIds: ['x/y'] } }])); // equal, not the same object
    await Promise.resolve();
    observer.disconnect();
    expect(records).toHaveLength(0);
  });

  it('rewrites a field when its verdict changes, and restores attributes the page stripped', () => {
    const a = input();
    const writer = createContractWriter();
    writer.apply(claim([{ element: a, role: 'cpt', line: 0, verdict: { severity: 'ok', ruleIds: [] } }]));
    writer.apply(claim([{ element: a, role: 'cpt', line: 0, verdict: { severity: 'error', ruleIds: ['srs/units'] } }]));
    expect(a.getAttribute(CONTRACT_ATTRIBUTES.severity)).toBe('error');
    expect(a.getAttribute(CONTRACT_ATTRIBUTES.rules)).toBe('srs/units');
    for (const name of Object.values(CONTRACT_ATTRIBUTES)) a.removeAttribute(name);
    writer.apply(claim([{ element: a, role: 'cpt', line: 0, verdict: { severity: 'error', ruleIds: ['srs/units'] } }]));
    expect(a.getAttribute(CONTRACT_ATTRIBUTES.role)).toBe('cpt');
    expect(a.getAttribute(CONTRACT_ATTRIBUTES.severity)).toBe('error');
  });

  it('a field copied from one we had marked loses a verdict that is not its own', () => {
    const code = input();
    const writer = createContractWriter();
    writer.apply(claim([{ element: code, role: 'cpt', line: 0, verdict: { severity: 'error', ruleIds: ['srs/units'] } }]));
    // The page duplicates the field (attributes and all) and the copy is detected as a units field.
    const copy = code.cloneNode() as HTMLInputElement;
    document.body.append(copy);
    const dx = code.cloneNode() as HTMLInputElement;
    document.body.append(dx);
    writer.add(claim([{ element: copy, role: 'units', line: 1 }, { element: dx, role: 'dx', line: null }]));
    expect(copy.getAttribute(CONTRACT_ATTRIBUTES.role)).toBe('units');
    expect(copy.getAttribute(CONTRACT_ATTRIBUTES.line)).toBe('1');
    expect(copy.hasAttribute(CONTRACT_ATTRIBUTES.severity)).toBe(false);
    expect(copy.hasAttribute(CONTRACT_ATTRIBUTES.rules)).toBe(false);
    expect(dx.hasAttribute(CONTRACT_ATTRIBUTES.line)).toBe(false);
    expect(code.getAttribute(CONTRACT_ATTRIBUTES.severity)).toBe('error');
  });
});

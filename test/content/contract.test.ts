import { CONTRACT_ATTRIBUTES, createContractWriter } from '../../content/contract';

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
    createContractWriter().apply([
      { element: code, role: 'cpt', line: 0, verdict: { severity: 'error', ruleIds: ['a/b', 'c/d'] } },
      { element: modifier, role: 'modifier', line: 0 },
      { element: dx, role: 'dx', line: null },
    ]);
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
    writer.apply([
      { element: a, role: 'cpt', line: 0, verdict: { severity: 'ok', ruleIds: [] } },
      { element: b, role: 'units', line: 0 },
    ]);
    writer.apply([{ element: a, role: 'cpt', line: 0, verdict: { severity: 'ok', ruleIds: [] } }]);
    expect(b.attributes.length).toBe(0);
    writer.clear();
    expect(a.attributes.length).toBe(0);
  });

  it('does not touch an attribute whose value is unchanged (no needless mutations)', async () => {
    const a = input();
    const writer = createContractWriter();
    const entry = { element: a, role: 'cpt' as const, line: 1, verdict: { severity: 'warning' as const, ruleIds: ['x/y'] } };
    writer.apply([entry]);
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(a, { attributes: true });
    writer.apply([entry]);
    await Promise.resolve();
    observer.disconnect();
    expect(records).toHaveLength(0);
  });
});

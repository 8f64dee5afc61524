import type { FieldRole } from '../detection';
import type { LineSeverity } from '../rules';

/**
 * The public testing contract: data attributes on the portal's detected fields, through which
 * QA teams and our browser tests observe ClaimGuide. These are the only attributes we ever set
 * on a portal element, and they are all removed when ClaimGuide pauses or unloads.
 */
export const CONTRACT_ATTRIBUTES = {
  role: 'data-claimguide-role',
  line: 'data-claimguide-line',
  severity: 'data-claimguide-severity',
  rules: 'data-claimguide-rules',
} as const;

export interface ContractEntry {
  element: Element;
  role: FieldRole;
  line: number | null;
  /** Only for `cpt` fields. */
  verdict?: { severity: LineSeverity; ruleIds: string[] };
}

function setIfChanged(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

function clearElement(element: Element): void {
  for (const name of Object.values(CONTRACT_ATTRIBUTES)) setIfChanged(element, name, null);
}

/** Writes the contract attributes, touching only what changed, and forgets fields no longer detected. */
export function createContractWriter() {
  let marked = new Set<Element>();
  // What we last wrote on each element: unchanged fields cost one attribute read, not four.
  const written = new WeakMap<Element, string>();
  return {
    apply(entries: readonly ContractEntry[]): void {
      const next = new Set<Element>();
      for (const { element, role, line, verdict } of entries) {
        next.add(element);
        const signature = `${role}|${line}|${verdict ? `${verdict.severity}|${verdict.ruleIds.join(' ')}` : ''}`;
        if (written.get(element) === signature && element.getAttribute(CONTRACT_ATTRIBUTES.role) === role) continue;
        written.set(element, signature);
        setIfChanged(element, CONTRACT_ATTRIBUTES.role, role);
        setIfChanged(element, CONTRACT_ATTRIBUTES.line, line === null ? null : String(line));
        setIfChanged(element, CONTRACT_ATTRIBUTES.severity, verdict ? verdict.severity : null);
        setIfChanged(element, CONTRACT_ATTRIBUTES.rules, verdict ? verdict.ruleIds.join(' ') : null);
      }
      for (const element of marked) {
        if (next.has(element)) continue;
        clearElement(element);
        written.delete(element);
      }
      marked = next;
    },
    clear(): void {
      for (const element of marked) {
        clearElement(element);
        written.delete(element);
      }
      marked = new Set();
    },
  };
}

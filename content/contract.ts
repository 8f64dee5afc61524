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

/** What we last wrote on one element, and in which pass it was last asked for. */
interface Written {
  role: FieldRole;
  line: number | null;
  severity: LineSeverity | undefined;
  rules: string | undefined;
  pass: number;
}

/** Writes the contract attributes, touching only what changed, and forgets fields no longer detected. */
export function createContractWriter() {
  // Every element we have marked: an unchanged field costs one look-up and one attribute read
  // (the read notices a page that stripped our attributes when it re-rendered).
  let marked = new Map<Element, Written>();
  let pass = 0;
  return {
    apply(entries: readonly ContractEntry[]): void {
      pass++;
      for (const { element, role, line, verdict } of entries) {
        const severity = verdict?.severity;
        const rules = verdict?.ruleIds.join(' ');
        const last = marked.get(element);
        if (last && last.role === role && last.line === line && last.severity === severity && last.rules === rules && element.getAttribute(CONTRACT_ATTRIBUTES.role) === role) {
          last.pass = pass;
          continue;
        }
        marked.set(element, { role, line, severity, rules, pass });
        setIfChanged(element, CONTRACT_ATTRIBUTES.role, role);
        setIfChanged(element, CONTRACT_ATTRIBUTES.line, line === null ? null : String(line));
        setIfChanged(element, CONTRACT_ATTRIBUTES.severity, severity ?? null);
        setIfChanged(element, CONTRACT_ATTRIBUTES.rules, rules ?? null);
      }
      for (const [element, written] of marked) {
        if (written.pass === pass) continue;
        clearElement(element);
        marked.delete(element);
      }
    },
    clear(): void {
      for (const element of marked.keys()) clearElement(element);
      marked = new Map();
    },
  };
}

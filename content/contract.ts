import type { FieldRole } from '../detection';
import type { LineSeverity, LineVerdict } from '../rules';

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

/** One claim's detected fields, and the rules' verdict on each of its lines. */
export interface ContractClaim {
  fields: readonly { element: Element; role: FieldRole; line: number | null }[];
  /** Severity and rule ids of a line (written on its `cpt` fields only). */
  verdictOf(line: number): LineVerdict;
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
  verdict: LineVerdict | undefined;
  pass: number;
}

/** A field's line verdict: only `cpt` fields on a line carry one. */
const verdictFor = (role: FieldRole, line: number | null, verdictOf: ContractClaim['verdictOf']): LineVerdict | undefined =>
  role === 'cpt' && line !== null ? verdictOf(line) : undefined;

const sameVerdict = (a: LineVerdict | undefined, b: LineVerdict | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.severity === b.severity && a.ruleIds.join(' ') === b.ruleIds.join(' '));

/** Writes the contract attributes, touching only what changed, and forgets fields no longer detected. */
export function createContractWriter() {
  // Every element we have marked: an unchanged field costs one look-up and one attribute read
  // (the read notices a page that stripped our attributes when it re-rendered).
  let marked = new Map<Element, Written>();
  let pass = 0;
  const write = (element: Element, written: Written, fresh: boolean) => {
    marked.set(element, written);
    const { role, line, verdict } = written;
    if (fresh) {
      // Not marked by us before: nothing to compare with, so no reads (a first marking writes on
      // every field of the claim). Only a copy of a field we had marked can carry a stale verdict.
      element.setAttribute(CONTRACT_ATTRIBUTES.role, role);
      if (line === null) element.removeAttribute(CONTRACT_ATTRIBUTES.line);
      else element.setAttribute(CONTRACT_ATTRIBUTES.line, String(line));
      if (verdict) {
        element.setAttribute(CONTRACT_ATTRIBUTES.severity, verdict.severity);
        element.setAttribute(CONTRACT_ATTRIBUTES.rules, verdict.ruleIds.join(' '));
      } else if (element.hasAttribute(CONTRACT_ATTRIBUTES.severity)) {
        // (We write the two together: a copy of a marked procedure-code field carries both.)
        element.removeAttribute(CONTRACT_ATTRIBUTES.severity);
        element.removeAttribute(CONTRACT_ATTRIBUTES.rules);
      }
      return;
    }
    setIfChanged(element, CONTRACT_ATTRIBUTES.role, role);
    setIfChanged(element, CONTRACT_ATTRIBUTES.line, line === null ? null : String(line));
    setIfChanged(element, CONTRACT_ATTRIBUTES.severity, verdict ? verdict.severity : null);
    setIfChanged(element, CONTRACT_ATTRIBUTES.rules, verdict ? verdict.ruleIds.join(' ') : null);
  };
  return {
    apply(claims: readonly ContractClaim[]): void {
      pass++;
      // (Indexed loops and forEach: a first marking runs them once over 5,500 fields, in cold code.)
      for (let c = 0; c < claims.length; c++) {
        const { fields, verdictOf } = claims[c]!;
        for (let i = 0; i < fields.length; i++) {
          const { element, role, line } = fields[i]!;
          const verdict = verdictFor(role, line, verdictOf);
          const last = marked.get(element);
          if (last && last.role === role && last.line === line && sameVerdict(last.verdict, verdict) && element.getAttribute(CONTRACT_ATTRIBUTES.role) === role) {
            last.pass = pass;
            continue;
          }
          write(element, { role, line, verdict, pass }, last === undefined);
        }
      }
      marked.forEach((written, element) => {
        if (written.pass === pass) return;
        clearElement(element);
        marked.delete(element);
      });
    },
    /** Marks more fields (new lines) without forgetting the ones the last `apply` marked. */
    add(claims: readonly ContractClaim[]): void {
      for (const { fields, verdictOf } of claims) {
        for (const { element, role, line } of fields) {
          write(element, { role, line, verdict: verdictFor(role, line, verdictOf), pass }, !marked.has(element));
        }
      }
    },
    clear(): void {
      for (const element of marked.keys()) clearElement(element);
      marked = new Map();
    },
  };
}

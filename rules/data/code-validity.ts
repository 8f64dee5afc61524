import type { CodeValidity } from './types';
import { SOURCES } from './sources';

/**
 * Code validity windows the rules know of: the radiation-oncology codes deleted on 2026-01-01
 * (srs-reference.md §10: ASTROnews Winter 2026 and an HCN Health summary agree). A code absent
 * from this list is treated as valid on every date.
 */
const DELETED_2026 = { deletedOn: '2026-01-01', sources: [SOURCES.astro2026, SOURCES.hcn2026] } as const;
const DELIVERY_2026 = ['77402', '77407', '77412'] as const;

const gCodes = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `G${String(from + i).padStart(4, '0')}`);

export const CODE_VALIDITY: readonly CodeValidity[] = [
  { code: '77385', ...DELETED_2026, after: { kind: 'replaced', codes: DELIVERY_2026 } },
  { code: '77386', ...DELETED_2026, after: { kind: 'replaced', codes: DELIVERY_2026 } },
  { code: '77014', ...DELETED_2026, after: { kind: 'included', codes: DELIVERY_2026 } },
  ...['G6001', 'G6002', 'G6017'].map((code) => ({ code, ...DELETED_2026, after: { kind: 'included' as const, codes: DELIVERY_2026 } })),
  ...gCodes(6003, 6016).map((code) => ({ code, ...DELETED_2026, after: { kind: 'replaced' as const, codes: DELIVERY_2026 } })),
];

const byCode = new Map(CODE_VALIDITY.map((entry) => [entry.code, entry]));

export function codeValidity(code: string): CodeValidity | undefined {
  return byCode.get(code);
}

/** True when the code may be billed for that date (ISO dates compare as strings). */
export function isCodeValidOn(code: string, date: string): boolean {
  const entry = byCode.get(code);
  if (!entry) return true;
  if (entry.validFrom && date < entry.validFrom) return false;
  if (entry.deletedOn && date >= entry.deletedOn) return false;
  return true;
}

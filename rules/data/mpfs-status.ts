import type { MpfsStatusYear } from './types';
import { SOURCES } from './sources';

/**
 * MPFS status I codes ("not valid for Medicare purposes; Medicare uses another code") among the
 * SRS-related codes, per calendar year, with the codes Medicare physician claims used instead
 * (srs-reference.md §1). No entry for 2026: the consolidated 2026 delivery codes changed these.
 */
const STATUS_I = {
  '77385': 'G6015, G6016',
  '77386': 'G6015, G6016',
  '77387': 'G6001, G6002, G6017',
  '77402': 'G6003–G6014',
  '77407': 'G6003–G6014',
  '77412': 'G6003–G6014',
} as const;

export const MPFS_STATUS: readonly MpfsStatusYear[] = [
  { year: 2024, from: '2024-01-01', to: '2024-12-31', source: SOURCES.mpfsRvu2024, statusI: STATUS_I },
  { year: 2025, from: '2025-01-01', to: '2025-12-31', source: SOURCES.mpfsRvu2025, statusI: STATUS_I },
];

export function mpfsYearFor(date: string): MpfsStatusYear | undefined {
  return MPFS_STATUS.find((year) => date >= year.from && date <= year.to);
}

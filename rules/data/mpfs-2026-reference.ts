import { SOURCES } from './sources';
import type { MpfsDataset } from './types';

/**
 * Not a CMS file: what srs-reference.md §10 reports of the 2026 changes until the CY2026 MPFS
 * relative value file is loaded (`npm run data:import -- mpfs-2026=…` then replaces it: a CMS year
 * wins over this one). 77387 became professional-only (PC/TC 2); for 77371, 77372, 77373, 77432,
 * 77435, G0339 and G0340 no 2026 change was found, and the reference says to treat them as
 * unchanged (their CY2025 indicators). Status codes are not known ('?'). Any other code is not
 * covered for 2026.
 */
export const MPFS_2026_REFERENCE: MpfsDataset = {
  kind: 'mpfs',
  year: 2026,
  label: '2026 code changes (ASTRO, HCN Health)',
  from: '2026-01-01',
  to: '2026-12-31',
  sources: [SOURCES.astro2026, SOURCES.hcn2026],
  codes: {
    '77371': '? 3 XXX',
    '77372': '? 3 XXX',
    '77373': '? 3 XXX',
    '77387': '? 2 XXX',
    '77432': '? 2 XXX',
    '77435': '? 2 XXX',
    G0339: '? 0 XXX',
    G0340: '? 0 XXX',
  },
};

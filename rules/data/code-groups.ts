/**
 * Which codes each SRS pair rule speaks about (srs-reference.md §3). These sets only route an
 * NCCI pair to the rule that explains it best; whether a pair exists, and its indicator, always
 * comes from the versioned NCCI data (ncci-ptp-*.ts) for the line's date and the profile's file.
 */
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(4, '0')}`);

/** Single-session SRS delivery: the codes this product is about. */
export const SRS_DELIVERY: ReadonlySet<string> = new Set(['77371', '77372']);

/** SBRT delivery, per fraction. */
export const SBRT_DELIVERY: ReadonlySet<string> = new Set(['77373']);

/** Conventional and IMRT external-beam delivery (77385/77386 pair with SRS in the outpatient file only). */
export const CONVENTIONAL_DELIVERY: ReadonlySet<string> = new Set([
  '77401', '77402', '77407', '77412', '77385', '77386', ...range('G', 6003, 6015),
]);

/** Image guidance for radiation therapy. */
export const IMAGE_GUIDANCE: ReadonlySet<string> = new Set(['77014', '77387', 'G6001', 'G6002', 'G6017']);

/** Services bundled with (or bundling) one-session SRS delivery. */
export const SRS_BUNDLED: ReadonlySet<string> = new Set(['77435', 'G0339', 'G0340', '20660', '61796', '61798']);

/** Neurosurgeon's add-on codes for each additional cranial lesion (61797, 61799): at most 4 per course. */
export const ADDON_LESIONS: ReadonlySet<string> = new Set(['61797', '61799']);
export const ADDON_LESION_CAP = 4;

/** The physician's one-session SRS treatment management code. */
export const SRS_MANAGEMENT = '77432';

/** Professional-only management codes (PC/TC indicator 2). */
export const PROFESSIONAL_ONLY_MANAGEMENT: ReadonlySet<string> = new Set(['77432', '77435']);

export function isSrsCode(code: string): boolean {
  return SRS_DELIVERY.has(code.trim().toUpperCase());
}

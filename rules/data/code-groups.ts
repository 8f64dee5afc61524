/**
 * Which codes each SRS pair rule speaks about (srs-reference.md §3). These sets only route an
 * NCCI pair to the rule that explains it best; whether a pair exists, and its indicator, always
 * comes from the versioned NCCI data (ncci-ptp-*.ts) for the line's date and the profile's file.
 */
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(4, '0')}`);

/** Single-session SRS delivery: the codes this product is about. */
export const SRS_DELIVERY: ReadonlySet<string> = new Set(['77371', '77372']);

/** 77371/77372 report one complete course in one session: at most this many units per date (CPT descriptor). */
export const SRS_SESSION_LIMIT = 1;

/**
 * Status I codes under the MPFS and what Medicare physician claims used instead (srs-reference.md §1).
 * Whether a code has status I in a year comes from the MPFS data of that year, never from here.
 */
export const MEDICARE_INSTEAD: Readonly<Record<string, string>> = {
  '77385': 'G6015, G6016',
  '77386': 'G6015, G6016',
  '77387': 'G6001, G6002, G6017',
  '77402': 'G6003–G6014',
  '77407': 'G6003–G6014',
  '77412': 'G6003–G6014',
};

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

/** Codes whose unit limits have their own, more specific rule than ncci/mue-exceeded. */
export const UNITS_JUDGED_ELSEWHERE: ReadonlySet<string> = new Set([...SRS_DELIVERY, ...ADDON_LESIONS]);

/** The SRS code Medicare OPPS has billed as G0339/G0340 when the linac is robotic (srs-reference.md §5). */
export const ROBOTIC_SRS_ALTERNATIVE: ReadonlySet<string> = new Set(['77372']);

/** The physician's one-session SRS treatment management code. */
export const SRS_MANAGEMENT = '77432';


/**
 * The codes the rules speak about besides 77371/77372: the SRS/SBRT family, planning, physics,
 * guidance and delivery codes of srs-reference.md §1 and §3. `npm run data:import` keeps every
 * PTP edit with 77371/77372 on either side, and the edits, MUEs and MPFS rows among these codes.
 */
export const RELATED_CODES: ReadonlySet<string> = new Set([
  '20660', '61796', '61797', '61798', '61799', '61800', '70551', '70552', '70553', '77011', '77012', '77014',
  '77261', '77262', '77263', '77280', '77285', '77290', '77293', '77295', '77300', '77301', '77306', '77307',
  '77334', '77336', '77338', '77370', '77371', '77372', '77373', '77385', '77386', '77387', '77401', '77402',
  '77407', '77412', '77417', '77427', '77431', '77432', '77435', '77469', '77470', 'G0339', 'G0340',
  ...range('G', 6001, 6017),
]);

/** SBRT delivery codes counted per fraction or session, with the course cap (srs-reference.md §1: course ≤ 5). */
export const SBRT_COURSE_CODES: ReadonlySet<string> = new Set(['77373']);
export const ROBOTIC_COURSE_CODES: ReadonlySet<string> = new Set(['G0339', 'G0340']);
export const COURSE_FRACTION_CAP = 5;

export function isSrsCode(code: string): boolean {
  return SRS_DELIVERY.has(code.trim().toUpperCase());
}

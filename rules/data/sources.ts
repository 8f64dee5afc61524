import type { Source } from '../finding';

/**
 * Every source a rule may cite, titled as in the domain reference (srs-reference.md).
 * Rules pick from here so a citation reads the same everywhere.
 */
export const SOURCES = {
  ncciPtpPractitioner: {
    title: 'CMS Medicare NCCI PTP edits, practitioner services (the quarter in force on the line’s date; each finding names it)',
    url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-procedure-procedure-ptp-edits',
  },
  ncciPtpOutpatient: {
    title: 'CMS Medicare NCCI PTP edits, outpatient hospital services (the quarter in force on the line’s date; each finding names it)',
    url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-procedure-procedure-ptp-edits',
  },
  ncciMue: {
    title: 'CMS Medicare NCCI MUE tables, practitioner and outpatient hospital (the quarter in force on the line’s date; each finding names it)',
    url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-medically-unlikely-edits',
  },
  mpfsRvu2024: {
    title: 'CMS Medicare Physician Fee Schedule relative value file CY2024 (RVU24A–C): PC/TC indicator, global period, status',
    url: 'https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files',
  },
  mpfsRvu2025: {
    title: 'CMS Medicare Physician Fee Schedule relative value file CY2025 (RVU25D)',
    url: 'https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files',
  },
  pctcIndicators: {
    title: 'CMS Medicare Claims Processing Manual, Chapter 12 / MPFS RVU file: PC/TC indicator definitions',
    url: 'https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c12.pdf',
  },
  mln59: {
    title: 'CMS MLN1783722, Proper Use of Modifiers 59 & -X{EPSU} (2023)',
    url: 'https://www.cms.gov/files/document/mln1783722-proper-use-modifiers-59-xe-xp-xs-xu.pdf',
  },
  ncciPolicyManual: {
    title: 'CMS NCCI Policy Manual for Medicare Services, Chapter I, section E: modifiers and modifier indicators (NCCI-associated modifiers, incl. 25/57 on E/M)',
    url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-policy-manual',
  },
  cptSrsDescriptor: {
    title: 'CPT 77371/77372 descriptor ("complete course of treatment … consisting of 1 session"), via codingahead.com',
    url: 'https://www.codingahead.com/',
  },
  cptSbrtDescriptor: {
    title: 'CPT 77373 descriptor (SBRT delivery per fraction, entire course not to exceed 5 fractions), srs-reference.md §1',
    url: 'https://www.codingahead.com/',
  },
  claimDates: {
    title: 'CMS Medicare Claims Processing Manual, Chapter 26, item 24A: dates of service as MM DD YY or MM DD CCYY',
    url: 'https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c26pdf.pdf',
  },
  claimUnits: {
    title: 'CMS Medicare Claims Processing Manual, Chapter 26, item 24G: days or units as a number',
    url: 'https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c26pdf.pdf',
  },
  modifierDuplicate: {
    title: 'CMS Medicare Claims Processing Manual, Chapter 26, item 24D: the procedure code with up to four modifiers',
    url: 'https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c26pdf.pdf',
  },
  cptAddonLesions: {
    title: 'CPT 61797/61799 descriptors and instructions: each additional cranial lesion, at most 4 in any combination per course',
  },
  sroaFractionation: {
    title: 'SROA coding guidance: cranial stereotactic treatment in 2–5 fractions is reported as SBRT (77373 + 77435)',
    url: 'https://www.sroa.org/',
  },
  astro2026: {
    title: 'ASTROnews Winter 2026, "Major Radiation Oncology Code Changes in 2026"',
    url: 'https://www.astro.org/',
  },
  hcn2026: {
    title: 'HCN Health, 2026 radiation oncology coding changes summary',
  },
  lcdL35076: {
    title: 'Medicare LCD L35076 "Stereotactic Radiation Therapy: SRS and SBRT" (billing article A56874)',
    url: 'https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=35076',
  },
  aetnaCpb0083: {
    title: 'Aetna Clinical Policy Bulletin 0083, Radiosurgery',
    url: 'https://www.aetna.com/cpb/medical/data/1_99/0083.html',
  },
  bcbsa60110: {
    title: 'BCBSA Medical Policy 6.01.10, Stereotactic Radiosurgery and Stereotactic Body Radiotherapy',
  },
  icd10Tabular: {
    title: 'ICD-10-CM Tabular List of Diseases and Injuries (CDC/CMS)',
    url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/index.html',
  },
  hcpcsG0339: {
    title: 'CMS HCPCS Level II G0339/G0340 (robotic linear-accelerator SRS), active in the 2024 MPFS, MUE and PTP files',
    url: 'https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system',
  },
  cptFormat: {
    title: 'AMA CPT code set structure (Category I: 5 digits; Category II: 4 digits + F; Category III: 4 digits + T; PLA: 4 digits + U) and CMS HCPCS Level II (letter + 4 digits)',
    url: 'https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system',
  },
  modifierFormat: {
    title: 'CMS-1500 / UB-04 instructions: modifiers are two characters (CMS Medicare Claims Processing Manual, Chapter 26)',
    url: 'https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c26pdf.pdf',
  },
} as const satisfies Record<string, Source>;

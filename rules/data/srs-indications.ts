import type { Source } from '../finding';
import { SOURCES } from './sources';

/**
 * SRS indications named by the coverage policies (srs-reference.md §6), mapped to ICD-10-CM
 * codes. Every prefix below was checked against its ICD-10-CM Tabular List title (quoted in
 * the comment above it); a prefix matches the code and all its subcodes (dot-less comparison).
 * Deliberately narrow: only codes whose tabular title unambiguously names the indication.
 */
export interface SrsIndication {
  id: string;
  /** ICD-10-CM code prefixes, with the dot as in the tabular list. */
  codes: readonly string[];
  sources: readonly Source[];
}

const POLICIES = [SOURCES.lcdL35076, SOURCES.bcbsa60110] as const;

export const SRS_INDICATIONS: readonly SrsIndication[] = [
  {
    id: 'primary-brain-malignancy',
    codes: ['C71', 'C70.0', 'C72.2', 'C72.3', 'C72.4', 'C72.5', 'C75.1', 'C75.2'],
    // C71 Malignant neoplasm of brain
    // C70.0 Malignant neoplasm of cerebral meninges
    // C72.2–C72.5 Malignant neoplasm of olfactory / optic / acoustic / other cranial nerves
    // C75.1 Malignant neoplasm of pituitary gland
    // C75.2 Malignant neoplasm of craniopharyngeal duct
    sources: POLICIES,
  },
  {
    id: 'brain-metastases',
    codes: ['C79.31', 'C79.32'],
    // C79.31 Secondary malignant neoplasm of brain
    // C79.32 Secondary malignant neoplasm of cerebral meninges
    sources: POLICIES,
  },
  {
    id: 'meningioma',
    codes: ['D32.0', 'D32.9', 'D42.0', 'D42.9'],
    // D32.0 Benign neoplasm of cerebral meninges
    // D32.9 Benign neoplasm of meninges, unspecified
    // D42.0 Neoplasm of uncertain behavior of cerebral meninges
    // D42.9 Neoplasm of uncertain behavior of meninges, unspecified
    sources: POLICIES,
  },
  {
    id: 'benign-or-uncertain-brain-tumour',
    codes: ['D33.0', 'D33.1', 'D33.2', 'D43.0', 'D43.1', 'D43.2'],
    // D33.0–D33.2 Benign neoplasm of brain, supratentorial / infratentorial / unspecified
    // D43.0–D43.2 Neoplasm of uncertain behavior of brain, supratentorial / infratentorial / unspecified
    sources: POLICIES,
  },
  {
    id: 'acoustic-neuroma',
    codes: ['D33.3', 'D43.3'],
    // D33.3 Benign neoplasm of cranial nerves
    // D43.3 Neoplasm of uncertain behavior of cranial nerves
    sources: POLICIES,
  },
  {
    id: 'pituitary-adenoma',
    codes: ['D35.2', 'D44.3'],
    // D35.2 Benign neoplasm of pituitary gland
    // D44.3 Neoplasm of uncertain behavior of pituitary gland
    sources: POLICIES,
  },
  {
    id: 'craniopharyngioma',
    codes: ['D35.3', 'D44.4'],
    // D35.3 Benign neoplasm of craniopharyngeal duct
    // D44.4 Neoplasm of uncertain behavior of craniopharyngeal duct
    sources: POLICIES,
  },
  {
    id: 'glomus-jugulare',
    codes: ['D35.6', 'D44.7'],
    // D35.6 Benign neoplasm of aortic body and other paraganglia (inclusion term: benign tumor of glomus jugulare)
    // D44.7 Neoplasm of uncertain behavior of aortic body and other paraganglia
    sources: POLICIES,
  },
  {
    id: 'arteriovenous-malformation',
    codes: ['Q28.2'],
    // Q28.2 Arteriovenous malformation of cerebral vessels
    sources: POLICIES,
  },
  {
    id: 'trigeminal-neuralgia',
    codes: ['G50.0'],
    // G50.0 Trigeminal neuralgia
    sources: POLICIES,
  },
  {
    id: 'uveal-melanoma',
    codes: ['C69.3', 'C69.4'],
    // C69.3- Malignant neoplasm of choroid
    // C69.4- Malignant neoplasm of ciliary body
    sources: [SOURCES.lcdL35076, SOURCES.aetnaCpb0083],
  },
  {
    id: 'mesial-temporal-epilepsy',
    codes: ['G40.0', 'G40.1', 'G40.2'],
    // G40.0- Localization-related (focal) (partial) idiopathic epilepsy and epileptic syndromes with seizures of localized onset
    // G40.1- Localization-related (focal) (partial) symptomatic epilepsy and epileptic syndromes with simple partial seizures
    // G40.2- Localization-related (focal) (partial) symptomatic epilepsy and epileptic syndromes with complex partial seizures
    sources: [SOURCES.aetnaCpb0083, SOURCES.bcbsa60110],
  },
  {
    id: 'tremor',
    codes: ['G25.0', 'G20'],
    // G25.0 Essential tremor
    // G20- Parkinson's disease
    sources: [SOURCES.aetnaCpb0083],
  },
];

const PREFIXES: readonly (readonly [string, string])[] = SRS_INDICATIONS.flatMap((indication) =>
  indication.codes.map((code) => [code.replace('.', ''), indication.id] as const),
);

/** The indication an ICD-10-CM code (any dot form) maps to, if any. */
export function srsIndicationOf(icd10: string): string | undefined {
  const bare = icd10.replace('.', '').toUpperCase();
  for (const [prefix, id] of PREFIXES) if (bare.startsWith(prefix)) return id;
  return undefined;
}

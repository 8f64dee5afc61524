import type { FieldRole } from '../types';
import { en } from './en';
import { es } from './es';
import type { Vocabulary } from './types';

export type { Vocabulary } from './types';

/** Every language detection understands. Add a language: write a file like `es.ts`, list it here. */
export const VOCABULARIES: readonly Vocabulary[] = [en, es];

/**
 * Form-locator numbers printed on the paper forms and copied by portals into labels and headers
 * ("24D. CPT/HCPCS", "42 Rev. code", "FL 45"). Language-independent. Box 21 (CMS-1500 diagnoses)
 * is weak because UB-04 FL 21 is the discharge hour.
 */
export const FORM_BOXES: Readonly<Record<string, { role: FieldRole; strength: number }>> = {
  '24a': { role: 'dos', strength: 0.9 },
  '24b': { role: 'pos', strength: 0.9 },
  '24d': { role: 'cpt', strength: 0.9 },
  '24e': { role: 'pointer', strength: 0.9 },
  '24f': { role: 'charge', strength: 0.9 },
  '24g': { role: 'units', strength: 0.9 },
  '21': { role: 'dx', strength: 0.4 },
  '42': { role: 'revenue', strength: 0.9 },
  '44': { role: 'cpt', strength: 0.9 },
  '45': { role: 'dos', strength: 0.9 },
  '46': { role: 'units', strength: 0.9 },
  '47': { role: 'charge', strength: 0.9 },
  '67': { role: 'dx', strength: 0.9 },
  ...Object.fromEntries('abcdefghijkl'.split('').map((letter) => [`21${letter}`, { role: 'dx' as FieldRole, strength: 0.9 }])),
  ...Object.fromEntries('abcdefghijklmnopq'.split('').map((letter) => [`67${letter}`, { role: 'dx' as FieldRole, strength: 0.9 }])),
};

/** CMS-1500 boxes that exist only on the professional form. */
export const PROFESSIONAL_BOXES: ReadonlySet<string> = new Set(['24a', '24b', '24d', '24e', '24f', '24g', ...'abcdefghijkl'.split('').map((l) => `21${l}`)]);

/** Modifier codes common enough to recognize a modifier <select> by its option values. */
export const MODIFIER_CODES: ReadonlySet<string> = new Set(
  ('22 24 25 26 27 47 50 51 52 53 54 55 56 57 58 59 62 66 76 77 78 79 80 81 82 90 91 95 ' +
    'TC XE XP XS XU GC GT GA GY GZ GP GO GN KX LT RT QW JW JZ AS FY Q5 Q6 CR GV GW SA SB').split(' '),
);

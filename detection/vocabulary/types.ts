import type { FieldRole } from '../types';

/**
 * One language's words for claim fields. Phrases are matched on normalized text (lower case,
 * accents removed, punctuation as spaces, "date(s)" as "dates"), as whole token sequences;
 * when phrases overlap the longest wins, so "diagnosis pointer" is a pointer, not a diagnosis,
 * and "zip code" is negative, not a code.
 *
 * Strength: 1 = says the role on its own; about 0.5 = generic ("date", "amount"), only enough
 * together with other evidence or inside a detected service line.
 */
export interface Vocabulary {
  /** BCP 47 language tag, for documentation. */
  language: string;
  roles: Partial<Record<FieldRole, Record<string, number>>>;
  /** Phrases that mark a field as not a claim-entry field (ZIP, NPI, member ID, search…). */
  negative: Record<string, number>;
  /** Words that make a date of service the start (0) or the end (1) of the range. */
  slotFrom: string[];
  slotTo: string[];
  /** Words in a <select>'s options that reveal what it chooses. */
  optionHints: Partial<Record<FieldRole, string[]>>;
}

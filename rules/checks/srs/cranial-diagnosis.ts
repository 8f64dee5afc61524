import { SRS_DELIVERY } from '../../data/code-groups';
import { SOURCES } from '../../data/sources';
import { srsIndicationOf } from '../../data/srs-indications';
import { defineRule, type Report } from '../../rule';
import { shown } from '../shared';

/** Pointer "A"–"L" or "1"–"12" → 0-based position in the claim's diagnosis list. */
function pointerIndex(pointer: string): number | undefined {
  if (/^[A-L]$/.test(pointer)) return pointer.charCodeAt(0) - 65;
  if (/^\d{1,2}$/.test(pointer)) {
    const n = Number(pointer);
    return n >= 1 && n <= 12 ? n - 1 : undefined;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'srs/cranial-diagnosis',
    description: {
      en: 'The claim has ICD-10-CM codes (those the SRS line points to, else all) and none maps to an SRS indication named by the coverage policies (brain metastases, primary brain tumours, meningioma, acoustic neuroma, pituitary adenoma, craniopharyngioma, glomus tumours, AVM, trigeminal neuralgia, uveal melanoma, focal epilepsy, tremor).',
    },
    defaultSeverity: 'warning',
    sources: [SOURCES.icd10Tabular, SOURCES.lcdL35076, SOURCES.aetnaCpb0083, SOURCES.bcbsa60110],
    messages: ['rule_srs_cranial_diagnosis'],
  },
  check(context) {
    const codes = context.claim.diagnosisCodes;
    if (!codes.length) return [];
    const out: Report[] = [];
    for (const line of context.lines) {
      if (!SRS_DELIVERY.has(line.code)) continue;
      const pointed = line.line.diagnosisPointers
        .map(pointerIndex)
        .map((i) => (i === undefined ? undefined : codes[i]))
        .filter((code): code is string => code !== undefined);
      const considered = pointed.length ? [...new Set(pointed)] : codes;
      if (considered.some((code) => srsIndicationOf(code))) continue;
      out.push({ lines: [line.index], key: 'rule_srs_cranial_diagnosis', args: [line.code, considered.slice(0, 6).map(shown).join(', ')] });
    }
    return out;
  },
});

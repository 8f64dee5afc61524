// `npx tsx scripts/bench-rules.ts`: median and p95 time of `evaluate` (rules only, no browser)
// for 1-, 50- and 500-line claims. The last stdout line is JSON, e.g.
// {"rules_1":0.01,"rules_1_p95":0.02,"rules_50":0.2,...}; scripts/bench.ts reads it.
import { performance } from 'node:perf_hooks';
import { evaluate, normalizeClaim, resolveProfile, type RawClaim } from '../rules';

const CODES = ['77372', '77432', '77263', '77295', '77300', '77334', '77336', '77370', '77014', 'G6002', '77371', '77373', '61797', '99213'];
const MODS = [[], [], ['59'], ['26'], ['XS'], ['TC'], [], ['76']];

/** A realistic, rule-heavy claim: SRS lines, planning codes, edit pairs, several dates. */
function claimOf(lines: number): RawClaim {
  return {
    formType: 'professional',
    diagnosisCodes: ['C79.31', 'I10'],
    lines: Array.from({ length: lines }, (_, i) => ({
      index: i,
      code: CODES[i % CODES.length]!,
      modifiers: MODS[i % MODS.length]!,
      units: i % 7 === 0 ? '2' : '1',
      dateFrom: `07/${String(10 + (i % 5)).padStart(2, '0')}/2024`,
      diagnosisPointers: 'A',
    })),
  };
}

function measure(lines: number): { median: number; p95: number } {
  const profile = resolveProfile('medicare-physician', []);
  const claim = normalizeClaim(claimOf(lines));
  const options = { today: '2024-08-01' };
  const budgetMs = 1500;
  for (let i = 0; i < 50; i++) evaluate(claim, profile, options); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 200 || (performance.now() - started < budgetMs && samples.length < 5000)) {
    // Batch tiny runs so the timer's resolution does not dominate.
    const batch = lines < 10 ? 50 : 1;
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) evaluate(claim, profile, options);
    samples.push((performance.now() - t0) / batch);
    if (samples.length >= 200 && performance.now() - started > budgetMs) break;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

const round = (value: number) => Number(value.toFixed(4));
const result: Record<string, number> = {};
for (const lines of [1, 50, 500]) {
  const { median, p95 } = measure(lines);
  console.log(`evaluate, ${lines}-line claim: median ${round(median)} ms, p95 ${round(p95)} ms`);
  result[`rules_${lines}`] = round(median);
  result[`rules_${lines}_p95`] = round(p95);
}
console.log(JSON.stringify(result));

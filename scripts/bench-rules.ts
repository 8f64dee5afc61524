// `npx tsx scripts/bench-rules.ts`: median and p95 time of `evaluate` (rules only, no browser) for
// 1-, 50-, 500- and 2,000-line claims of two kinds: a realistic rule-heavy claim, and one where every
// line conflicts with another line of its date. Prints both figures of each ratio side by side
// (500 ÷ 50 ≤ 12, 2,000 ÷ 500 ≤ 4.5: evaluation must grow with the lines, not their square).
// The last stdout line is JSON, e.g. {"rules_1":0.01,"rules_50":0.2,…,"ratio_500_50":9.8,…};
// scripts/bench.ts reads it.
import { performance } from 'node:perf_hooks';
import { evaluate, normalizeClaim, resolveProfile, type RawClaim } from '../rules';

const CODES = ['77372', '77432', '77263', '77295', '77300', '77334', '77336', '77370', '77014', 'G6002', '77371', '77373', '61797', '99213'];
const MODS = [[], [], ['59'], ['26'], ['XS'], ['TC'], [], ['76']];

/** A realistic, rule-heavy claim: SRS lines, planning codes, edit pairs, several dates. */
function realistic(lines: number): RawClaim {
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

/** Every line conflicts with another of its date: 77372 beside its PTP partners (indicator 0 and 1), three dates. */
const CONFLICTING = ['77372', 'G6002', '77371', '77014', '77373', '77435', 'G0339', '20660', '77412', '61796', '77470', '99213'];
function allConflicting(lines: number): RawClaim {
  return {
    formType: 'professional',
    diagnosisCodes: ['C79.31'],
    lines: Array.from({ length: lines }, (_, i) => ({
      index: i,
      code: CONFLICTING[i % CONFLICTING.length]!,
      modifiers: i % 5 === 0 ? ['XS'] : [],
      units: '1',
      dateFrom: `07/${String(10 + (i % 3)).padStart(2, '0')}/2024`,
    })),
  };
}

/**
 * Median and p95 per size, the sizes measured in alternation (one batch of each per round), so a
 * change in the machine's load weighs on every size alike. Each sample is this process's CPU time
 * (process.cpuUsage, user + system) over a batch of about 2,000 evaluated lines: on shared cores a
 * wall-clock sample of a longer evaluation is more often cut by other processes' time slices, which
 * would inflate the large sizes and the ratios with time that is not ours.
 */
function measure(make: (lines: number) => RawClaim, sizes: readonly number[]): Map<number, { median: number; p95: number }> {
  const profile = resolveProfile('medicare-physician', []);
  const options = { today: '2024-08-01' };
  const claims = sizes.map((lines) => ({ lines, claim: normalizeClaim(make(lines)), batch: Math.ceil(2000 / lines), samples: [] as number[] }));
  for (const entry of claims) for (let i = 0; i < 20; i++) evaluate(entry.claim, profile, options); // warm-up
  const started = performance.now();
  let rounds = 0;
  while (rounds < 40 || (performance.now() - started < 5000 && rounds < 2000)) {
    for (const entry of claims) {
      const t0 = process.cpuUsage();
      for (let b = 0; b < entry.batch; b++) evaluate(entry.claim, profile, options);
      const spent = process.cpuUsage(t0);
      entry.samples.push((spent.user + spent.system) / 1000 / entry.batch);
    }
    rounds++;
  }
  const out = new Map<number, { median: number; p95: number }>();
  for (const entry of claims) {
    const samples = [...entry.samples].sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
    out.set(entry.lines, { median: at(0.5), p95: at(0.95) });
  }
  return out;
}

const round = (value: number) => Number(value.toFixed(4));
const result: Record<string, number> = {};
for (const [kind, make, sizes] of [
  ['rules', realistic, [1, 50, 500, 2000]],
  ['conflicting', allConflicting, [50, 500, 2000]],
] as const) {
  const measured = measure(make, sizes);
  for (const lines of sizes) {
    const { median, p95 } = measured.get(lines)!;
    console.log(`evaluate, ${lines}-line ${kind === 'rules' ? 'realistic' : 'all-conflicting'} claim: median ${round(median)} ms, p95 ${round(p95)} ms`);
    result[`${kind}_${lines}`] = round(median);
    result[`${kind}_${lines}_p95`] = round(p95);
  }
  const ratio = (a: number, b: number) => {
    const value = round(result[`${kind}_${a}`]! / result[`${kind}_${b}`]!);
    console.log(`${kind === 'rules' ? 'realistic' : 'all-conflicting'}: ${a} lines ${result[`${kind}_${a}`]} ms ÷ ${b} lines ${result[`${kind}_${b}`]} ms = ${value}`);
    return value;
  };
  result[`${kind}_ratio_500_50`] = ratio(500, 50);
  result[`${kind}_ratio_2000_500`] = ratio(2000, 500);
}
console.log(JSON.stringify(result));

// `npm run bench`: the speed figures the issues budget, measured and printed as a table;
// `npm run bench -- --write` also writes them to BENCHMARKS.md. Exits 1 when a figure is over its
// budget (or the build or Chromium is missing), 0 otherwise. Not part of `npm test` (timings are
// not assertions). Needs a build (`npm run build`) and Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_PATH, launchWithExtension, missingPrerequisites } from '../test/e2e/chromium';

interface Row {
  figure: string;
  value: number;
  unit: string;
  budget?: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

const problems = missingPrerequisites();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const rows: Row[] = [];
/** `--only detection` runs just the Chromium detection figures, `--only load` the load ratio (quick iteration). */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const onlyDetection = only === 'detection';
const onlyLoad = only === 'load';
/** BENCHMARKS.md is rewritten only when asked, and only from a full run. */
const write = process.argv.includes('--write');
if (write && only) {
  console.error('--write records a full run: drop --only.');
  process.exit(1);
}

// 1. Rules: pure evaluation, no browser.
if (!only) {
const rulesOut = execFileSync('npx', ['tsx', 'scripts/bench-rules.ts'], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
const rules = JSON.parse(rulesOut) as Record<string, number>;
rows.push({ figure: 'rules: evaluate a 1-line claim (median CPU time)', value: rules.rules_1!, unit: 'ms' });
rows.push({ figure: 'rules: evaluate a 50-line claim (median CPU time)', value: rules.rules_50!, unit: 'ms', budget: 0.5 });
rows.push({ figure: 'rules: evaluate a 500-line claim (median CPU time)', value: rules.rules_500!, unit: 'ms' });
rows.push({ figure: 'rules: evaluate a 2,000-line claim (median CPU time)', value: rules.rules_2000!, unit: 'ms' });
// Growth with the lines, as ratios of two figures of the same run (each figure is in the rows above or below).
rows.push({ figure: `rules, realistic claim: 500 lines ÷ 50 lines (${rules.rules_500} ÷ ${rules.rules_50} ms)`, value: rules.rules_ratio_500_50!, unit: '×', budget: 12 });
rows.push({ figure: `rules, realistic claim: 2,000 lines ÷ 500 lines (${rules.rules_2000} ÷ ${rules.rules_500} ms)`, value: rules.rules_ratio_2000_500!, unit: '×', budget: 4.5 });
rows.push({ figure: `rules, every line in conflict: 500 lines ÷ 50 lines (${rules.conflicting_500} ÷ ${rules.conflicting_50} ms)`, value: rules.conflicting_ratio_500_50!, unit: '×', budget: 12 });
rows.push({ figure: `rules, every line in conflict: 2,000 lines ÷ 500 lines (${rules.conflicting_2000} ÷ ${rules.conflicting_500} ms)`, value: rules.conflicting_ratio_2000_500!, unit: '×', budget: 4.5 });

// 2. Content script size. The manifest's content script is the sensor, in every page and frame of
// an enabled site; the engine is injected only into frames that hold a claim (or a hovered code).
const sizeOf = (file: string) => {
  const bytes = readFileSync(`${EXTENSION_PATH}/${file}`);
  return { raw: round(bytes.length / 1024, 1), gzip: round(gzipSync(bytes).length / 1024, 1) };
};
const sensor = sizeOf('content-scripts/claim.js');
const engine = sizeOf('engine.js');
rows.push({ figure: 'content script (sensor, every frame) size (raw)', value: sensor.raw, unit: 'KB' });
rows.push({ figure: 'content script (sensor, every frame) size (gzip)', value: sensor.gzip, unit: 'KB', budget: 30 });
rows.push({ figure: 'engine, injected into claim frames only (raw)', value: engine.raw, unit: 'KB' });
rows.push({ figure: 'engine, injected into claim frames only (gzip)', value: engine.gzip, unit: 'KB' });
rows.push({ figure: 'claim frame total, sensor + engine (gzip)', value: round(sensor.gzip + engine.gzip, 1), unit: 'KB' });
}

// 3. In Chromium with the extension, on the 500-line demo page.
const session = await launchWithExtension();
const BIG = '/cms1500.html?lines=500';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** True when `e` lies within `outer` on the timeline (and is not `outer`). */
const isInside = (e: TraceEvent, outer: TraceEvent) => outer !== e && outer.ts <= e.ts && e.ts + e.dur! <= outer.ts + outer.dur!;

/** The events that no other of them holds. */
const outermost = (events: readonly TraceEvent[]) => events.filter((e) => !events.some((other) => isInside(e, other)));

/** Milliseconds of the events' durations that fall between two timeline points. */
function msBetween(events: readonly TraceEvent[], from: number, to: number): number {
  let total = 0;
  for (const e of events) total += Math.max(0, Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from));
  return total / 1000;
}

/** Chromium's timeline of the page while `action` runs (with the user timing marks). */
async function traceWhile(page: Page, categories: string[], action: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['blink.user_timing', ...categories] }, transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await traced;
  await cdp.detach();
  return events;
}

/** The page's own rendering steps, as Chromium's timeline names them. */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);
/** Script running: a rendering step inside one was forced by that script (in this window, ours). */
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'RunMicrotasks', 'FireIdleCallback']);

/**
 * Milliseconds of the page's own layout and paint between two timeline points: rendering steps
 * on the page's main thread that no script forced. The 500-line page renders its table either
 * before DOMContentLoaded or right after it (~140 ms of style, layout and paint), with or
 * without any extension; ClaimGuide's scan starts only after that.
 */
function pageRenderingIn(events: readonly TraceEvent[], from: TraceEvent, to: TraceEvent): number {
  const thread = events.filter((e) => e.ph === 'X' && e.pid === from.pid && e.tid === from.tid && e.dur !== undefined);
  const scripts = thread.filter((e) => SCRIPT.has(e.name));
  const steps = thread.filter((e) => RENDERING.has(e.name) && !scripts.some((script) => isInside(e, script)));
  return msBetween(outermost(steps), from.ts, to.ts);
}

/**
 * Milliseconds from `from` to the end of the main-thread task it falls in, less the page's own
 * layout and paint in it: for DOMContentLoaded, the rest of Chromium's end of parsing (which fires
 * the load event), before any ClaimGuide code runs (the sensor's listeners only set a timer).
 */
function restOfTaskAt(events: readonly TraceEvent[], from: TraceEvent, to: TraceEvent): number {
  const task = events.find(
    (e) => e.name === 'ThreadControllerImpl::RunTask' && e.pid === from.pid && e.tid === from.tid && e.ts <= from.ts && from.ts <= e.ts + (e.dur ?? 0),
  );
  if (!task) return 0;
  const end = { ...to, ts: Math.min(task.ts + task.dur!, to.ts) };
  return Math.max(0, (end.ts - from.ts) / 1000 - pageRenderingIn(events, from, end));
}

/**
 * DOMContentLoaded → every line's CPT field marked, observed from the page, and how much of that
 * time was the page's own layout and paint, and Chromium's own end of parsing (from Chromium's
 * timeline of the load).
 */
async function firstMarking(page: Page): Promise<{ marked: number; pageRendering: number; endOfParsing: number }> {
  await page.addInitScript(() => {
    const w = window as unknown as { claimguideMarkedAt?: number; claimguideDcl?: number };
    // Count CPT fields as they receive their severity attribute; the 500th marks the end.
    let marked = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (record.oldValue === null && target.getAttribute('data-claimguide-role') === 'cpt') marked += 1;
      }
      if (marked >= 500 && w.claimguideMarkedAt === undefined) {
        w.claimguideMarkedAt = performance.now() - (w.claimguideDcl ?? 0);
        performance.mark('claimguide-bench-marked');
        console.debug(`claimguide-bench-marked ${w.claimguideMarkedAt}`);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-claimguide-severity'], attributeOldValue: true });
    document.addEventListener('DOMContentLoaded', () => {
      w.claimguideDcl = performance.now();
      performance.mark('claimguide-bench-dcl');
    });
  });
  let markedAt = 0;
  const events = await traceWhile(page, ['devtools.timeline', 'toplevel'], async () => {
    // Waiting through a console message, not page.waitForFunction: that would compile Playwright's
    // injected script in the page (6–8 ms) and poll it each frame, inside the window measured.
    const marked = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('claimguide-bench-marked '), timeout: 30_000 });
    await page.goto(`${session.portal}${BIG}`);
    markedAt = Number((await marked).text().split(' ')[1]);
  });
  const from = events.find((e) => e.name === 'claimguide-bench-dcl');
  const to = events.find((e) => e.name === 'claimguide-bench-marked');
  if (!from || !to) throw new Error('The timeline of the load lacks the DOMContentLoaded or the marked point.');
  return { marked: markedAt, pageRendering: pageRenderingIn(events, from, to), endOfParsing: restOfTaskAt(events, from, to) };
}

const marking: number[] = [];
const markingOurs: number[] = [];
const endOfParsing: number[] = [];
// One load first, not counted: the browser was just started, and its first load of the page and
// the scripts compiles everything without the code cache every later load has (as a coder's has).
if (!onlyLoad) {
  const page = await session.context.newPage();
  await firstMarking(page);
  await page.close();
}
for (let i = 0; i < (onlyLoad ? 0 : 9); i++) {
  const page = await session.context.newPage();
  const { marked, pageRendering, endOfParsing: parsing } = await firstMarking(page);
  marking.push(marked);
  markingOurs.push(marked - pageRendering);
  endOfParsing.push(parsing);
  if (process.env.BENCH_DEBUG) {
    console.log(`first marking ${marked.toFixed(0)} ms, of which the page's own layout and paint ${pageRendering.toFixed(0)} ms, Chromium's end of parsing ${parsing.toFixed(0)} ms`);
  }
  await page.close();
}
if (!onlyLoad) {
  rows.push({ figure: '500-line page: DOMContentLoaded → all fields marked (median of 9)', value: round(median(marking), 1), unit: 'ms' });
  rows.push({ figure: '500-line page: the same, less the page\'s own layout and paint in it (median of 9)', value: round(median(markingOurs), 1), unit: 'ms', budget: 100 });
  // Informational: the part of that window before any of our code runs (the same without the extension).
  rows.push({ figure: '500-line page: of which Chromium\'s own end of parsing after DOMContentLoaded (median of 9)', value: round(median(endOfParsing), 1), unit: 'ms' });
}

/**
 * Before each click, a small observer on the table body marks the timeline and announces through a
 * console message when the new row's procedure-code field is marked. Waiting on that message costs
 * the page nothing; polling for it (`page.waitForFunction`) would run Playwright's script in it
 * each frame.
 */
async function watchNextRow(page: Page): Promise<void> {
  await page.evaluate(() => {
    const body = document.querySelector('#service-lines tbody')!;
    const rows = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          const code = node instanceof Element ? node.querySelector('[name$="[cpt]"]') : null;
          if (!code) continue;
          rows.disconnect();
          const mark = new MutationObserver(() => {
            if (!code.hasAttribute('data-claimguide-severity')) return;
            mark.disconnect();
            performance.mark('claimguide-bench-row-marked');
            console.debug('claimguide-bench-row');
          });
          mark.observe(code, { attributes: true, attributeFilter: ['data-claimguide-severity'] });
          return;
        }
      }
    });
    rows.observe(body, { childList: true });
    performance.mark('claimguide-bench-click');
  });
}

/**
 * Milliseconds our scripts ran on the page's main thread between two timeline points: the
 * callbacks the browser calls in ClaimGuide's code (observers, frames, timers, events), with
 * everything they cause inside them (the attribute writes, a layout or a garbage collection they
 * force). The page's own rendering and Playwright's scripts are not in them.
 */
function ourCallbacksIn(events: readonly TraceEvent[], from: TraceEvent, to: number, ours: string): number {
  const calls = events.filter(
    (e) => e.name === 'FunctionCall' && e.pid === from.pid && e.tid === from.tid && e.dur !== undefined && (e.args?.data?.url ?? '').startsWith(ours),
  );
  return msBetween(outermost(calls), from.ts, to);
}

/**
 * Our script time for each of 10 clicks on "Add line" (ms): until the new line is marked (the
 * re-marking), and until the page is quiet again 300 ms later (with what the new line causes
 * after its mark: markers, the panel's coalesced report).
 */
async function remarkScriptTimes(page: Page): Promise<{ marked: number[]; quiet: number[] }> {
  const ours = `chrome-extension://${session.extensionId}/`;
  const marked: number[] = [];
  const quiet: number[] = [];
  for (let i = 0; i < 10; i++) {
    const events = await traceWhile(page, ['devtools.timeline'], async () => {
      await watchNextRow(page);
      const announced = page.waitForEvent('console', { predicate: (message) => message.text() === 'claimguide-bench-row', timeout: 10_000 });
      await page.click('#add-line');
      await announced;
      await page.waitForTimeout(300); // the panel's report is sent 120 ms after a change
    });
    const from = events.find((e) => e.name === 'claimguide-bench-click');
    const to = events.find((e) => e.name === 'claimguide-bench-row-marked');
    if (!from || !to) throw new Error('The timeline of the click lacks its start or the mark of the new line.');
    marked.push(ourCallbacksIn(events, from, to.ts, ours));
    quiet.push(ourCallbacksIn(events, from, Infinity, ours));
  }
  return { marked, quiet };
}

if (!onlyLoad) {
  const page = await session.context.newPage();
  await firstMarking(page);
  const remark = await remarkScriptTimes(page);
  if (process.env.BENCH_DEBUG) {
    console.log(`re-mark samples until marked (ms): ${remark.marked.map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`re-mark samples until quiet (ms): ${remark.quiet.map((x) => x.toFixed(2)).join(' ')}`);
  }
  rows.push({ figure: '500-line page: our script time to re-mark after adding one line (median of 10)', value: round(median(remark.marked), 2), unit: 'ms', budget: 5 });
  rows.push({ figure: '500-line page: the same, with what follows the mark until the page is quiet (median of 10)', value: round(median(remark.quiet), 2), unit: 'ms' });

  // Keystroke → attribute: the last key that makes the line an error, until the attribute says so.
  // (units blank → "2" on a 77372 line: the one keystroke turns the line into an error)
  await page.fill('[name="line[0][cpt]"]', '77372');
  const latencies: number[] = [];
  for (let i = 0; i < 30; i++) {
    await page.fill('[name="line[0][units]"]', '');
    await page.waitForFunction(() => document.querySelector('[name="line[0][cpt]"]')?.getAttribute('data-claimguide-severity') === 'ok');
    await page.focus('[name="line[0][units]"]');
    await page.evaluate(() => {
      const w = window as unknown as { keyAt?: number; markedAt?: number };
      w.keyAt = undefined;
      w.markedAt = undefined;
      const field = document.querySelector('[name="line[0][units]"]')!;
      field.addEventListener('keydown', () => (w.keyAt = performance.now()), { once: true });
      const target = document.querySelector('[name="line[0][cpt]"]')!;
      const observer = new MutationObserver(() => {
        if (target.getAttribute('data-claimguide-severity') === 'error') {
          w.markedAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(target, { attributes: true });
    });
    await page.keyboard.press('2');
    await page.waitForFunction(() => (window as unknown as { markedAt?: number }).markedAt !== undefined);
    latencies.push(await page.evaluate(() => {
      const w = window as unknown as { keyAt: number; markedAt: number };
      return w.markedAt - w.keyAt;
    }));
  }
  rows.push({ figure: '500-line page: keystroke → attribute latency (p95 of 30)', value: round(percentile(latencies, 95), 1), unit: 'ms', budget: 100 });
  await page.close();
}

// 4. Page load of the 500-line page with the extension ÷ without, alternately, median of 21 pairs.
// The page alone loads in one of two ways: its first layout before `load` (~280 ms here) or after
// it (~150 ms), about one load in three; with any extension (an empty one too) mostly the first.
// A pair that draws the fast way alone reads ~1.8: 21 pairs keep a few such draws from the median
// (and on a slow machine, where each load varies by ±15 %, 11 pairs read 1.01–1.19 from run to run).
const LOAD_PAIRS = 21;
if (!onlyDetection) {
  const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 800 } });
  const loadTime = async (page: Page) => {
    await page.goto(`${session.portal}${BIG}`, { waitUntil: 'load' });
    return page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return entry!.loadEventEnd - entry!.startTime;
    });
  };
  // Warm both browsers alike first (HTTP and V8 code caches), so neither side is measured cold.
  for (let i = 0; i < 3; i++) {
    for (const context of [session.context, plainContext]) {
      const page = await context.newPage();
      await loadTime(page);
      await page.close();
    }
  }
  const ratios: number[] = [];
  for (let i = 0; i < LOAD_PAIRS; i++) {
    const a = await session.context.newPage();
    const withExt = await loadTime(a);
    await a.close();
    const b = await plainContext.newPage();
    const without = await loadTime(b);
    await b.close();
    ratios.push(withExt / without);
    if (process.env.BENCH_DEBUG) console.log(`load with ${withExt.toFixed(0)} ms, without ${without.toFixed(0)} ms`);
  }
  await plain.close();
  rows.push({ figure: `500-line page: load time with ÷ without the extension (median of ${LOAD_PAIRS} pairs)`, value: round(median(ratios), 3), unit: '×', budget: 1.1 });
}

await session.close();

// Report.
const cpu = (await import('node:os')).cpus();
const header = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}, ${execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim()}.`;
const table = [
  '| figure | value | budget | within |',
  '|---|---:|---:|:---:|',
  ...rows.map((row) => {
    const within = row.budget === undefined ? '' : row.value <= row.budget ? 'yes' : '**NO**';
    return `| ${row.figure} | ${row.value} ${row.unit} | ${row.budget === undefined ? '' : `${row.budget} ${row.unit}`} | ${within} |`;
  }),
].join('\n');
console.log(`\n${header}\n\n${table}\n`);
if (write) {
  writeFileSync(
    'BENCHMARKS.md',
    `# ClaimGuide benchmarks\n\nWritten by \`npm run bench -- --write\` (scripts/bench.ts); re-run it to refresh. ${header}\n\n${table}\n\n` +
      `What runs when, and why the budgets marked NO are not met yet: [docs/performance.md](docs/performance.md).\n`,
  );
  console.log('Written to BENCHMARKS.md.');
} else {
  console.log('BENCHMARKS.md left as it was (npm run bench -- --write to record this run).');
}
const over = rows.filter((row) => row.budget !== undefined && row.value > row.budget);
if (over.length) {
  console.error(`Over budget: ${over.map((row) => row.figure).join('; ')}`);
  process.exitCode = 1;
}

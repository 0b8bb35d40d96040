/**
 * Benchmark for issues 4 and 11: generated iCal feeds timed from the (fake) fetch to
 * interviews ready, with peak memory. Three shapes:
 * - basic: a 5,000-event, ~5 MB Google-shaped export (tests/fakes/ical-feed-generator.ts);
 * - long: 5,000 open-ended weekly series that started one to three years ago
 *   (tests/fakes/ical-long-feeds.ts): what a rule iterated from DTSTART pays for;
 * - outlook: a 5,000-event Outlook/Exchange export whose VTIMEZONEs start in 1601, with
 *   Windows zone names and two "Customized Time Zone" blocks (tests/fakes/ical-long-feeds.ts).
 * Issue 11's budget for each: ≤ 300 ms in a fresh process, and ≤ 60 MB of peak memory for the
 * sync itself (peak RSS − RSS before the sync). The budgets are printed in the table, not
 * enforced by `--check` (timings are noisy on shared machines).
 *
 *   node --import tsx scripts/bench-ical.ts
 *
 * The measured runs happen in child processes running the esbuild bundle of this file
 * with plain `node --expose-gc`: that is the code the extension ships (no tsx loader in the
 * way), and a child's peak RSS (`resourceUsage().maxRSS`) covers only Node, the feed and
 * the sync — not the generator.
 * - cold: several fresh processes, one sync each — a service worker that has just woken
 *   up; their peak RSS is the memory figure;
 * - warm: one process, several syncs in a row after a first one (JIT-compiled code).
 * The fake fetch streams the body in 64 KB chunks, as a network response arrives. Before
 * timing, the child reads one tiny Response: Node loads its fetch and web-stream internals
 * lazily on first use (~20–30 ms), which a browser has built in. Our code, ical.js and Intl
 * stay cold.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { syncIcalFeed } from '../src/calendar/ical-feed.ts';
import type { FetchLike } from '../src/calendar/source-types.ts';
import { defaultRules } from '../src/core/default-rules.ts';
import { WINDOWS_ZONES } from '../src/calendar/windows-zones-data.ts';
import { GENERATOR_NOW, generateFeed } from '../tests/fakes/ical-feed-generator.ts';
import { generateLongSeriesFeed, generateOutlookFeed } from '../tests/fakes/ical-long-feeds.ts';
import type { Budget, PartFigure } from './bench-figure.ts';

export interface IcalBenchResult {
  /** Fetch → parse → interviews ready, warm runs in one process. */
  ms: number[];
  /** The same, each in a fresh process (first sync after start). */
  coldMs: number[];
  /** CPU time (user + system) of the warm and cold runs: on a shared machine wall time
   * also counts other processes' turns, CPU time does not. */
  cpuMs: number[];
  coldCpuMs: number[];
  /** Peak resident memory of a fresh process doing one sync (the worst of the cold runs), MB. */
  peakMb: number;
  /** Resident memory of that process before the sync (Node + the feed bytes), MB. */
  baselineMb: number;
  events: number;
  interviews: number;
  busy: number;
  bytes: number;
}

const RUNS = 7;
const COLD_RUNS = 5;
/** Issue 11: fetch → interviews stored in a fresh process, and the sync's own peak memory. */
const BUDGET_MS = 300;
const BUDGET_MB = 60;

const SHAPES = {
  basic: { label: '5,000-event feed', make: (seed: number) => generateFeed({ events: 5000, weeklySeries: 618, overrides: 177, exdates: 287, seed, now: GENERATOR_NOW }) },
  long: { label: '5,000 open-ended weekly series started 1–3 years ago', make: (seed: number) => generateLongSeriesFeed({ series: 5000, seed, now: GENERATOR_NOW }) },
  outlook: { label: 'Outlook export, zones from 1601', make: (seed: number) => generateOutlookFeed({ events: 5000, weeklySeries: 600, seed, now: GENERATOR_NOW }) },
} as const;
type Shape = keyof typeof SHAPES;
const CHUNK = 64 * 1024;
const SEED = 20261126;

/** Child side: time `runs` syncs of the feed in `file`. */
async function measure(file: string, runs: number): Promise<IcalBenchResult> {
  const bytes = readFileSync(file);
  const events = bytes.toString('latin1').split('BEGIN:VEVENT').length - 1;
  const fetchImpl: FetchLike = async () => {
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + CHUNK)));
        offset += CHUNK;
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=UTF-8', 'Content-Length': String(bytes.byteLength) } });
  };
  await new Response(new Uint8Array(8)).arrayBuffer();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baselineMb = process.memoryUsage().rss / 1e6;
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let interviews = 0;
  let busy = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await syncIcalFeed('https://calendar.example.com/private-bench/basic.ics', undefined, fetchImpl, {
      now: GENERATOR_NOW,
      detection: { rules: defaultRules, selfEmail: 'you@example.org' },
      // What the worker passes (sync-source.ts reads the same table as data).
      windowsZones: WINDOWS_ZONES,
    });
    ms.push(Math.round((performance.now() - started) * 10) / 10);
    const used = process.cpuUsage(cpu);
    cpuMs.push(Math.round((used.user + used.system) / 100) / 10);
    if (result.kind === 'full') {
      interviews = Object.keys(result.interviews).length;
      busy = Object.keys(result.busy).length;
    }
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return { ms, coldMs: [], cpuMs, coldCpuMs: [], peakMb: Math.round(peakMb * 10) / 10, baselineMb: Math.round(baselineMb * 10) / 10, events, interviews, busy, bytes: bytes.byteLength };
}

export type IcalShapeResult = IcalBenchResult & { shape: Shape };

/** Generates the feeds, bundles this file, and measures each in fresh `node --expose-gc` processes. */
export async function benchIcal(options: { runs?: number; seed?: number; shapes?: Shape[] } = {}): Promise<{ figures: PartFigure[]; results: IcalShapeResult[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ical-'));
  try {
    const bundle = join(dir, 'bench-ical.mjs');
    const { build } = await import('esbuild');
    await build({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'silent', external: ['esbuild'] });
    const results: IcalShapeResult[] = [];
    for (const shape of options.shapes ?? (Object.keys(SHAPES) as Shape[])) {
      const feedFile = join(dir, `${shape}.ics`);
      writeFileSync(feedFile, SHAPES[shape].make(options.seed ?? SEED));
      const run = (runs: number): IcalBenchResult => {
        const child = spawnSync(process.execPath, ['--expose-gc', bundle, '--child', feedFile, String(runs)], { encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`benchmark child failed: ${child.stderr}`);
        return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as IcalBenchResult;
      };
      const cold = Array.from({ length: COLD_RUNS }, () => run(1));
      // The warm process's first sync is a cold one: measured, then left out.
      const warmed = run((options.runs ?? RUNS) + 1);
      const warm = { ...warmed, ms: warmed.ms.slice(1), cpuMs: warmed.cpuMs.slice(1) };
      const worst = cold.reduce((a, b) => (b.peakMb - b.baselineMb > a.peakMb - a.baselineMb ? b : a));
      results.push({ ...warm, shape, coldMs: cold.map((r) => r.ms[0] ?? NaN), coldCpuMs: cold.map((r) => r.cpuMs[0] ?? NaN), peakMb: worst.peakMb, baselineMb: worst.baselineMb });
    }
    return { figures: icalFigures(results), results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures `npm run bench` prints (scripts/bench.ts reads them; `budget` is shown, not enforced). */
function icalFigures(results: IcalShapeResult[]): PartFigure[] {
  const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });
  const msBudget: Budget = { max: BUDGET_MS, enforced: false, text: `≤ ${BUDGET_MS} ms` };
  const mbBudget: Budget = { max: BUDGET_MB, enforced: false, text: `≤ ${BUDGET_MB} MB` };
  return results.flatMap((result) => {
    const feed = `${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.events} events → ${result.interviews} interviews, ${result.busy} merged busy intervals`;
    const prefix = result.shape === 'basic' ? 'ical' : `ical.${result.shape}`;
    const name = result.shape === 'basic' ? 'iCal feed' : `iCal ${SHAPES[result.shape].label}`;
    return [
      { id: `${prefix}.cold`, label: `${name} (${feed}): fetch → interviews ready, fresh process`, unit: 'ms', ...spread(result.coldMs), budget: msBudget },
      { id: `${prefix}.cold-cpu`, label: `${name}: the same, CPU time (user + system)`, unit: 'ms', ...spread(result.coldCpuMs), note: 'not counting other processes\' turns on a loaded machine' },
      { id: `${prefix}.warm`, label: `${name}: fetch → interviews ready, warm`, unit: 'ms', ...spread(result.ms) },
      { id: `${prefix}.peak`, label: `${name}: peak resident memory of the whole process`, unit: 'MB', median: result.peakMb, note: 'target under 100 MB' },
      { id: `${prefix}.sync-memory`, label: `${name}: of which the sync itself (peak − before the sync)`, unit: 'MB', median: Math.round((result.peakMb - result.baselineMb) * 10) / 10, budget: mbBudget },
    ];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt !== -1) {
    const result = await measure(process.argv[childAt + 1] ?? '', Number(process.argv[childAt + 2] ?? RUNS));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const only = process.argv.find((a) => a.startsWith('--shapes='))?.slice('--shapes='.length).split(',') as Shape[] | undefined;
  const { results } = await benchIcal(only ? { shapes: only } : {});
  const line = (label: string, ms: number[]) => `${label} (${ms.length} runs): median ${median(ms)} ms, min ${Math.min(...ms)} ms, max ${Math.max(...ms)} ms  [${ms.join(', ')}]`;
  for (const result of results) {
    console.log(`${SHAPES[result.shape].label}: ${(result.bytes / 1e6).toFixed(2)} MB, ${result.events} VEVENTs → ${result.interviews} interviews, ${result.busy} merged busy intervals (14 days)`);
    console.log(`fetch → parse → interviews ready (budget: ${BUDGET_MS} ms cold, ${BUDGET_MB} MB for the sync)`);
    console.log(line('  cold, fresh process each, wall', result.coldMs));
    console.log(line('  cold, fresh process each, CPU ', result.coldCpuMs));
    console.log(line('  warm, one process, wall', result.ms));
    console.log(line('  warm, one process, CPU ', result.cpuMs));
    console.log(`peak RSS of a fresh process doing one sync: ${result.peakMb} MB (of which Node + the feed bytes before the sync: ${result.baselineMb} MB; the sync itself: ${(result.peakMb - result.baselineMb).toFixed(1)} MB)\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}

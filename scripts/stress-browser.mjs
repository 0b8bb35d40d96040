// Runs the browser suite again and again on a machine made busy on purpose, to find the tests
// that fail only sometimes. A test that fails one run in ten is a failing test.
//
//   npm run test:stress                  10 rounds, one CPU hog per core
//   npm run test:stress -- --runs=3 --hogs=0 tests/browser/popup.test.ts
//
// Each hog is a Node process spinning in a loop at normal priority, started before the first
// round and ended (by its own PID) after the last. Each round's whole output goes to
// test-results/stress/round-N.log; the console gets one line a round, the name of every test
// that failed, and a tally at the end. Exits 1 when any round failed.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const options = { runs: 10, hogs: cpus().length };
const files = [];
for (const arg of process.argv.slice(2)) {
  const match = /^--(runs|hogs)=(\d+)$/.exec(arg);
  if (match) options[match[1]] = Number(match[2]);
  else if (arg.startsWith('--')) {
    console.error(`Unknown option ${arg}. Use --runs=N, --hogs=N and test files.`);
    process.exit(2);
  } else files.push(arg);
}
if (options.runs < 1) {
  console.error('--runs must be at least 1');
  process.exit(2);
}
if (files.length === 0) {
  // Node 20's test runner takes files, not patterns (npm's shell expands the one in package.json).
  const dir = join(root, 'tests', 'browser');
  files.push(...(await readdir(dir)).filter((name) => name.endsWith('.test.ts')).sort().map((name) => join('tests', 'browser', name)));
}

/** Runs a command, its output appended to `log`; resolves with its exit code. */
function run(command, args, { env = {}, log }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', async (code, signal) => {
      if (log) await writeFile(log, Buffer.concat(chunks));
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const outDir = join(root, 'test-results', 'stress');
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

console.log('Building dist-test/ once…');
if ((await run(process.execPath, ['build.mjs', '--test'], { log: join(outDir, 'build.log') })) !== 0) {
  console.error(`The test build failed: see ${join(outDir, 'build.log')}`);
  process.exit(1);
}

const hogs = [];
for (let i = 0; i < options.hogs; i += 1) {
  hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}
const stopHogs = () => {
  for (const hog of hogs.splice(0)) {
    try {
      process.kill(hog.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
};
process.on('exit', stopHogs);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
console.log(`${options.runs} round${options.runs === 1 ? '' : 's'} of ${files.length} test file${files.length === 1 ? '' : 's'} beside ${hogs.length} CPU hog${hogs.length === 1 ? '' : 's'} (${cpus().length} cores)\n`);

// The same command as `npm run test:browser`, less the build.
const testArgs = [
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=./tests/summary-reporter.mjs', '--test-reporter-destination=stdout',
  ...files,
];

let passedRounds = 0;
const tally = new Map();
const started = Date.now();
for (let round = 1; round <= options.runs; round += 1) {
  const failuresFile = join(outDir, `round-${round}.failures.jsonl`);
  const log = join(outDir, `round-${round}.log`);
  const t0 = Date.now();
  const code = await run(process.execPath, testArgs, { env: { TEST_FAILURES_FILE: failuresFile }, log });
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  const text = await readFile(log, 'utf8');
  const summary = /^summary: (\d+) passed, (\d+) failed$/m.exec(text);
  const failures = (await readFile(failuresFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
  if (code === 0 && failures.length === 0 && summary) {
    passedRounds += 1;
    console.log(`round ${round}: pass (${summary[1]} tests, ${seconds} s)`);
  } else {
    console.log(`round ${round}: FAIL (exit ${code}, ${summary ? `${summary[1]} passed, ${summary[2]} failed` : 'no summary line'}, ${seconds} s; ${log})`);
    if (failures.length === 0) tally.set('(no test named: see the log)', (tally.get('(no test named: see the log)') ?? 0) + 1);
    for (const f of failures) {
      const name = `${f.file}: ${f.test}`;
      console.log(`    ✖ ${name} — ${f.reason}${f.message ? `: ${f.message}` : ''}`);
      tally.set(name, (tally.get(name) ?? 0) + 1);
    }
  }
}
stopHogs();

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nstress: ${passedRounds} of ${options.runs} rounds passed in ${minutes} min`);
if (tally.size > 0) {
  console.log('tests that failed, and in how many rounds:');
  for (const [name, count] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`  ${count}× ${name}`);
}
console.log(`stress: ${passedRounds} passed, ${options.runs - passedRounds} failed`);
process.exitCode = passedRounds === options.runs ? 0 : 1;

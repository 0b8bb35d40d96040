// A node:test reporter that runs beside `spec` and makes every way a run can go wrong loud.
//
// Node counts a test cancelled by a failing `before` hook, or by --test-timeout, as "cancelled",
// not "failed": its own summary then reads `fail 0`, which is easy to misread as green. This
// reporter counts every test that did not pass as failed, names each one with its suite and
// file, says why (hook failed, timed out, cancelled, assertion), and ends with one plain line:
//
//   summary: 93 passed, 2 failed
//
// When TEST_FAILURES_FILE is set, it also appends one JSON line per failed test to that file
// (scripts/stress-browser.mjs uses it to name the tests that failed in each round).
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Why a test did not pass, from node:test's failureType. */
function reasonOf(error) {
  switch (error?.failureType) {
    case 'cancelledByParent': return 'cancelled: a hook of its suite failed, or its suite or file ran out of time';
    case 'testTimeoutFailure': return 'timed out';
    case 'hookFailed': return 'a hook failed';
    case 'parentAlreadyFinished': return 'ran after its suite had finished';
    default: return 'failed';
  }
}

function messageOf(error) {
  const cause = error?.cause ?? error;
  const text = cause instanceof Error ? cause.message : String(cause ?? '');
  return text.split('\n')[0].slice(0, 300);
}

export default async function* summaryReporter(source) {
  let passed = 0;
  const failures = [];
  /** Per file, the names of the suites and tests now open, by nesting level. */
  const open = new Map();
  const pathOf = (data) => {
    const stack = open.get(data.file) ?? [];
    return [...stack.slice(0, data.nesting), data.name].join(' › ');
  };

  for await (const event of source) {
    const { data } = event;
    if (event.type === 'test:start') {
      const stack = open.get(data.file) ?? [];
      stack.length = data.nesting;
      stack.push(data.name);
      open.set(data.file, stack);
    } else if (event.type === 'test:pass') {
      if (data.details?.type !== 'suite' && !data.skip && !data.todo) passed += 1;
    } else if (event.type === 'test:fail') {
      const error = data.details?.error;
      // A suite fails when one of its tests does (already counted) or when its own hook fails:
      // only the latter is a failure of its own.
      if (data.details?.type === 'suite' && error?.failureType === 'subtestsFailed') continue;
      failures.push({
        file: data.file ? basename(data.file) : '(unknown file)',
        test: pathOf(data),
        reason: reasonOf(error),
        message: messageOf(error),
      });
    }
  }

  if (failures.length > 0) {
    yield '\n';
    yield `✖✖✖ ${failures.length} test${failures.length === 1 ? '' : 's'} did not pass — this run FAILS ✖✖✖\n`;
    for (const f of failures) yield `  ✖ ${f.file}: ${f.test}\n      ${f.reason}${f.message ? `: ${f.message}` : ''}\n`;
    if (process.env.TEST_FAILURES_FILE) {
      for (const f of failures) appendFileSync(process.env.TEST_FAILURES_FILE, `${JSON.stringify(f)}\n`);
    }
  }
  if (passed + failures.length === 0) {
    yield '✖✖✖ no test ran — this run FAILS ✖✖✖\n';
    process.exitCode = 1;
  }
  yield `summary: ${passed} passed, ${failures.length} failed\n`;
}

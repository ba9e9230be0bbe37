// Runs the test suite with vitest and ends with one plain line, "N passed, N failed", which
// CI reads. The counts come from scripts/failure-count.ts, which counts failed hooks, suites,
// files that fail to load and stray errors as well as failed tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-test-'));
const counts = join(dir, 'counts.json');
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=./scripts/failure-count.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, CROSSCHECK_TEST_COUNTS: counts } },
);
let passed = 0;
let failed = 0;
try {
  ({ passed, failed } = JSON.parse(readFileSync(counts, 'utf8')));
} catch {
  // No counts at all: vitest did not get as far as reporting.
}
// vitest failed for a reason no count names (a crash, a bad option): still one failure.
if (run.status !== 0 && failed === 0) failed = 1;
rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

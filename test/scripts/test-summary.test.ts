import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `npm test`'s script on fixture files and returns its last line and exit code. */
function summary(...files: string[]): { last: string; status: number | null } {
  const run = spawnSync(
    process.execPath,
    ['scripts/test.mjs', '--config', 'test/fixtures/summary/vitest.config.ts', ...files],
    {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    },
  );
  const lines = run.stdout.trim().split('\n');
  return { last: lines[lines.length - 1]!, status: run.status };
}

describe('the test summary line', () => {
  it('counts a failing hook as a failure, though vitest only skips its tests', () => {
    expect(summary('hook')).toEqual({ last: '1 passed, 1 failed', status: 1 });
  });

  it('counts a file that fails to load', () => {
    expect(summary('load')).toEqual({ last: '0 passed, 1 failed', status: 1 });
  });

  it('counts an error thrown outside any test', () => {
    expect(summary('stray')).toEqual({ last: '2 passed, 1 failed', status: 1 });
  });
});

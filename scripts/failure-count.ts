/**
 * A vitest reporter that counts every failure, not only failed tests: a test that fails, a
 * suite whose hook fails (its tests are then merely skipped), a file that fails to load or
 * whose top-level hook fails, and an error thrown outside any test. It writes the counts to
 * the JSON file named by CROSSCHECK_TEST_COUNTS, for scripts/test.mjs to print.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class FailureCount implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly unknown[]): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of modules) {
      failed += module.errors().length;
      for (const suite of module.children.allSuites()) failed += suite.errors().length;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
      }
    }
    const file = process.env.CROSSCHECK_TEST_COUNTS;
    if (file) writeFileSync(file, JSON.stringify({ passed, failed }));
  }
}

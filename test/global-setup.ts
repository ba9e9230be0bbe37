/**
 * Runs once before all test files: makes one embedded database with every migration
 * applied, which test files copy instead of creating their own. Creating a PGlite database
 * runs initdb (seconds, and far longer when every worker does it at once on two cores);
 * copying a ready one takes a fraction of that.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../src/store/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory holding a migrated embedded database, to copy. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-template-'));
  const store = await openStore({ dataDir: dir, retentionDays: 0 });
  await store.close();
  project.provide('pgliteTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

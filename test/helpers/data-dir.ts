/** A fresh data directory for the embedded store: a copy of the migrated template (test/global-setup.ts). */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export function freshDataDir(prefix = 'crosscheck-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  return dir;
}

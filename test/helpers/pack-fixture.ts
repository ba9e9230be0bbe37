/** Copies the minimal test pack into a temporary directory, so a test can break one thing in it. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { savedIndexCaches } from '../../src/core/index-store.js';
import { cachePath } from '../../src/knowledge/parsed-cache.js';

export const MIN_PACK = join(import.meta.dirname, '..', 'fixtures', 'pack-min');

export interface PackCopy {
  dir: string;
  /** Replaces `from` with `to` in a file of the copy (the text must be there). */
  edit(file: string, from: string | RegExp, to: string): void;
  write(file: string, text: string): void;
  remove(): void;
}

export function copyPack(source = MIN_PACK): PackCopy {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-pack-'));
  cpSync(source, dir, { recursive: true });
  return {
    dir,
    edit(file, from, to) {
      const path = join(dir, file);
      const before = readFileSync(path, 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`fixture edit found nothing to replace in ${file}`);
      writeFileSync(path, after);
    },
    write(file, text) {
      writeFileSync(join(dir, file), text);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
      for (const part of ['', 'passages']) {
        const cache = cachePath(dir, part);
        if (cache) rmSync(cache, { force: true });
      }
      for (const file of savedIndexCaches(dir)) rmSync(file, { force: true });
    },
  };
}

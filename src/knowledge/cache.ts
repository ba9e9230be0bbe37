/**
 * Files the project keeps between starts in `node_modules/.cache/crosscheck/` of the project
 * this code runs from: the pack's parsed YAML, the lexicon. Not a shared temporary directory:
 * whoever could write there could feed the bot statements its sources never made, so the
 * cache lives where only those who can change the code can write. Best effort: a cache that
 * cannot be read or written is ignored, and the caller works the data out again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The cache directory, or null when there is no node_modules above this code (no cache). */
export function cacheDir(): string | null {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'crosscheck');
    if (dirname(dir) === dir) return null;
  }
}

const fileOf = (name: string): string | null => {
  const dir = cacheDir();
  return dir ? join(dir, `${name}.json`) : null;
};

/** The JSON stored under `name`, or undefined. */
export function readCache<T>(name: string): T | undefined {
  const path = fileOf(name);
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Stores `data` under `name`; written aside and renamed, so a process reading it never sees half a file. */
export function writeCache(name: string, data: unknown): void {
  const path = fileOf(name);
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const aside = `${path}.${process.pid}`;
    writeFileSync(aside, JSON.stringify(data));
    renameSync(aside, path);
  } catch {
    // Best effort: the next start works it out again.
  }
}

/**
 * A hash of the code of some modules beside `base` (an `import.meta.url`), and of `extra`: what
 * cached results of that code depend on besides their input, so a change to the code is never
 * answered from the cache. Null when the code cannot be read (no cache then).
 *
 *   moduleVersion(import.meta.url, ['passages', 'sentences'], process.versions.icu ?? '');
 */
export function moduleVersion(base: string, modules: readonly string[], extra = ''): string | null {
  try {
    const ext = extname(fileURLToPath(base));
    const hash = createHash('sha256').update(extra);
    for (const module of modules) hash.update(readFileSync(new URL(`./${module}${ext}`, base)));
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/**
 * Parsed YAML kept between starts. Parsing the pack's YAML is most of the start-up (about a
 * third of a second for the first pack, before the JIT has warmed up); a file whose text
 * has not changed is read back from JSON instead, which takes a few milliseconds. Entries
 * are keyed by a hash of the text, so an edited file is always parsed again, and every file
 * is still validated in full either way. Best effort: a cache that cannot be read or
 * written is ignored, and the pack loads from its YAML as before.
 *
 *   const cache = new ParsedCache('knowledge');
 *   cache.get('facts/energy.yaml', text) ?? parse(text);   // then cache.set(…) and cache.save()
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Entry {
  hash: string;
  data: unknown;
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The parser's version goes into each entry's hash: another version might read the same text otherwise. */
const PARSER = `yaml@${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version}`;
const entryHash = (text: string): string => hashOf(`${PARSER}\n${text}`);

/**
 * Where a pack directory's parsed YAML is kept: `node_modules/.cache/crosscheck/` of the
 * project this code runs from. Not a shared temporary directory: whoever could write there
 * could feed the bot statements its sources never made, so the cache lives where only those
 * who can change the code can write. Null when there is no node_modules above (no cache).
 */
export function cachePath(packDir: string): string | null {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'crosscheck', `${hashOf(resolve(packDir)).slice(0, 24)}.json`);
    if (dirname(dir) === dir) return null;
  }
}

export class ParsedCache {
  private readonly path: string | null;
  private readonly stored: Record<string, Entry>;
  /** The entries this load used: only they are saved, so files since deleted drop out. */
  private readonly used: Record<string, Entry> = {};
  private changed = false;

  constructor(packDir: string) {
    this.path = cachePath(packDir);
    this.stored = this.path ? readStore(this.path) : {};
  }

  /** The parsed data of a file whose text is unchanged since it was stored, or undefined. */
  get(name: string, text: string): unknown {
    const entry = this.stored[name];
    if (!entry || entry.hash !== entryHash(text)) return undefined;
    this.used[name] = entry;
    return entry.data;
  }

  set(name: string, text: string, data: unknown): void {
    this.used[name] = { hash: entryHash(text), data };
    this.changed = true;
  }

  save(): void {
    const dropped = Object.keys(this.stored).some((name) => !(name in this.used));
    if ((!this.changed && !dropped) || !this.path) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      // Written aside and renamed, so a process reading it never sees half a file.
      const aside = `${this.path}.${process.pid}`;
      writeFileSync(aside, JSON.stringify(this.used));
      renameSync(aside, this.path);
    } catch {
      // Best effort: the next start parses the YAML again.
    }
  }
}

function readStore(path: string): Record<string, Entry> {
  try {
    const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return stored && typeof stored === 'object' ? (stored as Record<string, Entry>) : {};
  } catch {
    return {};
  }
}

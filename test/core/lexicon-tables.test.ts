import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as cache from '../../src/knowledge/cache.js';
import { Lexicon, type WordNetPart } from '../../src/core/lexicon.js';

// The cache as it is, but watched: which of the lexicon's files are read and written.
vi.mock('../../src/knowledge/cache.js', async (actual) => {
  const real = await actual<typeof import('../../src/knowledge/cache.js')>();
  return { ...real, readCache: vi.fn(real.readCache), writeCache: vi.fn() };
});
const real = await vi.importActual<typeof cache>('../../src/knowledge/cache.js');
const readCache = vi.mocked(cache.readCache);
const writeCache = vi.mocked(cache.writeCache);
const tableOf = (name: string) => /-wordnet-(\w+)$/.exec(name)?.[1];
const tablesRead = () => readCache.mock.calls.map(([name]) => tableOf(name)).filter((t) => t !== undefined);

beforeEach(() => {
  readCache.mockClear();
  readCache.mockImplementation(real.readCache);
  writeCache.mockClear();
});

describe("the lexicon's WordNet tables", () => {
  it('are each read from a file of their own, on first use, once', () => {
    const lexicon = new Lexicon();
    expect(lexicon.partsOfSpeech('ships')).toContain('n');
    expect(tablesRead()).toEqual(['pos']);
    expect(lexicon.kinds('mango')).toContain('fruit');
    expect(lexicon.partsOfSpeech('mangoes')).toContain('n');
    expect(tablesRead()).toEqual(['pos', 'kinds']);
  });

  it('are all made and cached from one reading of WordNet when the cache has none', () => {
    readCache.mockImplementation((name) => (tableOf(name) ? undefined : real.readCache(name)));
    const tables: WordNetPart = {
      related: {},
      broader: {},
      verbs: {},
      pos: { ship: 'nv', mango: 'n' },
      nounClass: {},
      adjectives: {},
      kinds: { mango: 'fruit' },
      ways: {},
      phrasal: {},
      deeds: {},
      causes: {},
      general: [],
      nouns: {},
      doing: {},
    };
    let readings = 0;
    const lexicon = new Lexicon(() => {
      readings++;
      return tables;
    });
    expect(lexicon.partsOfSpeech('ships')).toBe('nv');
    expect(writeCache.mock.calls.map(([name, data]) => [tableOf(name), data])).toEqual(Object.entries(tables));
    // The other tables came with the same reading: none is looked for in the cache again.
    readCache.mockClear();
    expect(lexicon.kinds('mangoes')).toEqual(['fruit']);
    expect(tablesRead()).toEqual([]);
    expect(readings).toBe(1);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as cache from '../../src/knowledge/cache.js';
import { Lexicon, type WordNetPart, WordTable } from '../../src/core/lexicon.js';

// The cache as it is, but watched: which of the lexicon's files are read and written.
vi.mock('../../src/knowledge/cache.js', async (actual) => {
  const real = await actual<typeof import('../../src/knowledge/cache.js')>();
  return { ...real, readCache: vi.fn(real.readCache), writeCache: vi.fn() };
});
const real = await vi.importActual<typeof cache>('../../src/knowledge/cache.js');
const readCache = vi.mocked(cache.readCache);
const writeCache = vi.mocked(cache.writeCache);
const tableOf = (name: string) => /-wordnet-([\w-]+)$/.exec(name)?.[1];
const tablesRead = () => readCache.mock.calls.map(([name]) => tableOf(name)).filter((t) => t !== undefined);

beforeEach(() => {
  readCache.mockClear();
  readCache.mockImplementation(real.readCache);
  writeCache.mockClear();
});

describe('a word table', () => {
  it('finds each word of a record, and no other', () => {
    const table = WordTable.of({ ship: 'nv', mango: 'n', zebra: 'n', ant: 'n', constructor: 'n' });
    expect(['ship', 'mango', 'zebra', 'ant', 'constructor'].map((w) => table.get(w))).toEqual([
      'nv',
      'n',
      'n',
      'n',
      'n',
    ]);
    for (const w of ['', 'a', 'mangos', 'shi', 'zz', 'toString', '__proto__']) expect(table.get(w)).toBeUndefined();
    expect(new WordTable(...table.stored()).get('ship')).toBe('nv');
  });
});

describe("the lexicon's WordNet tables", () => {
  it('are each read from a file of their own, on first use, once', () => {
    const lexicon = new Lexicon();
    expect(lexicon.partsOfSpeech('ships')).toContain('n');
    // The parts of speech as a WordTable; from the plain table where that is not cached yet.
    const others = () => tablesRead().filter((t) => t !== 'pos-sorted' && t !== 'pos');
    expect(tablesRead()[0]).toBe('pos-sorted');
    expect(others()).toEqual([]);
    expect(lexicon.kinds('mango')).toContain('fruit');
    expect(lexicon.partsOfSpeech('mangoes')).toContain('n');
    expect(others()).toEqual(['kinds']);
    expect(tablesRead().filter((t) => t === 'pos-sorted')).toHaveLength(1);
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
    // Every table, and the parts of speech again as a WordTable's two arrays.
    expect(writeCache.mock.calls.map(([name, data]) => [tableOf(name), data])).toEqual([
      ...Object.entries(tables),
      [
        'pos-sorted',
        [
          ['mango', 'ship'],
          ['n', 'nv'],
        ],
      ],
    ]);
    // The other tables came with the same reading: none is looked for in the cache again.
    readCache.mockClear();
    expect(lexicon.kinds('mangoes')).toEqual(['fruit']);
    expect(tablesRead()).toEqual([]);
    expect(readings).toBe(1);
  });
});

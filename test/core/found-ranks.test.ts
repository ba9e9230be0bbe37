/**
 * Ranks as figures the detector compares: "the highest dam" and "the third highest dam" in
 * two sources disagree as two amounts do, however long the clause that ranks it; ranks by
 * another measure, or of other things, do not.
 */
import { describe, expect, it } from 'vitest';
import { findDisagreements, type FindingPack } from '../../src/core/found-disagreements.js';
import { passageFact } from '../../src/core/passage-facts.js';
import type { LoadedDocument } from '../../src/knowledge/load.js';
import { buildPassages } from '../../src/knowledge/passages.js';
import { normalizeForQuote } from '../../src/knowledge/text.js';

/** Documents about other things, so that the words of those under test are rare among the units. */
const OTHERS: [string, string][] = [
  [
    'weather',
    'Heavy rain flooded the valley roads for three days in March.\nThe forecast promises a dry and windy weekend.',
  ],
  ['football', 'The home side scored twice in the second half to win the cup final.\nFans celebrated until late.'],
  ['cooking', 'Slow roasting brings out the sweetness of autumn vegetables.\nBake the bread in a very hot oven.'],
];

function found(documents: [string, string][]) {
  const docs = new Map<string, LoadedDocument>(
    [...documents, ...OTHERS].map(([id, text]) => [
      id,
      {
        id,
        title: `Report ${id}`,
        author: `Author ${id}`,
        publisher: null,
        date: null,
        kind: 'article',
        reliability: 'made up for a test',
        text,
        normalized: normalizeForQuote(text),
      },
    ]),
  );
  const passages = buildPassages(docs.values());
  const pack: FindingPack = {
    meta: { name: 'test', covers: 'test', denylist: [], parties: {}, negations: [] },
    documents: docs,
    passages,
    aliases: [],
  };
  return findDisagreements(
    passages.map((p) => passageFact(p, docs.get(p.document)!)),
    pack,
  );
}

const HIGHEST: [string, string] = ['express', 'It is the highest dam ever built in Norland.'];
const THIRD: [string, string] = [
  'courier',
  'The Vell Dam, on the Arno River, is the second largest dam after the Big Coulee Dam and is the third highest concrete dam in Norland.',
];

describe('ranks the sources give one thing', () => {
  it('finds "the highest" against "the third highest", though the second clause ranks more', () => {
    const result = found([HIGHEST, THIRD]);
    expect(result).toHaveLength(1);
    expect(result[0]!.kind).toBe('rank');
    expect(result[0]!.summary).toMatch(/^Sources rank “.*highest.*” differently\.$/);
    expect(result[0]!.positions.map((p) => p.says).sort()).toEqual(['highest', 'third highest']);
  });

  it('reads "biggest" as the adjective "big", not as a name only one sentence gives', () => {
    const biggest: [string, string] = [
      'express',
      'Officials say so. It is the biggest dam by volume of concrete used.',
    ];
    const secondLargest: [string, string] = [
      'courier',
      'At a ceremony in Arbor, Mayor Quill said the Vell dam, the second largest in the world by volume of concrete used, was complete.',
    ];
    const result = found([biggest, secondLargest]);
    expect(result).toHaveLength(1);
    expect(result[0]!.positions.map((p) => p.says).sort()).toEqual(['biggest', 'second largest']);
  });

  it('finds none for the same place, another measure or other things', () => {
    const alsoHighest: [string, string] = ['courier', 'The Vell Dam is the highest concrete dam in Norland.'];
    expect(found([HIGHEST, alsoHighest])).toEqual([]);
    const longest: [string, string] = ['courier', 'The Vell Dam is the third longest dam in Norland.'];
    expect(found([HIGHEST, longest])).toEqual([]);
    const bridge: [string, string] = ['courier', 'The Vell Bridge is the third highest bridge ever built in Norland.'];
    expect(found([HIGHEST, bridge])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { Covered, PassageFacts } from '../../src/core/passage-facts.js';
import type { LoadedDocument } from '../../src/knowledge/load.js';
import { buildPassages, PassageTable } from '../../src/knowledge/passages.js';
import type { Fact } from '../../src/knowledge/schema.js';

const texts = {
  a: 'The minister arrived in Moscow on Monday for two days of talks.\nThe pipeline will cost $2 billion in all, officials said on Tuesday.\nTalks on the price of gas went on into the night.',
  b: 'Talks resumed in Islamabad on Tuesday after a long pause.\nThe minister arrived late for the second round of talks.',
};
const docs = Object.entries(texts).map(
  ([id, text]) => ({ id, title: 'A title', author: 'Ann Author', kind: 'article', text }) as LoadedDocument,
);
const passages = new PassageFacts(PassageTable.of(buildPassages(docs)), new Map(docs.map((d) => [d.id, d])));
const fact = (id: string, document: string, quote: string) => ({ id, quote, source: { document } }) as Fact;
/** The passage's fact id, by the words it starts with. */
const passage = (start: string): string => {
  for (let i = 0; i < passages.count; i++) if (passages.make(i).quote.startsWith(start)) return passages.id(i);
  throw new Error(`no passage starts "${start}"`);
};

describe('the curated facts a passage holds the quotes of', () => {
  const covered = new Covered(
    [
      fact('f1', 'a', 'will cost $2 billion'),
      fact('f2', 'b', 'arrived late for the second round'),
      fact('f3', 'a', 'The pipeline will cost'),
      fact('f4', 'a', 'on Monday for two days of talks. The pipeline'),
    ],
    passages,
  );

  it('are each fact quoting it, in the pack’s order, whatever documents come between', () => {
    expect(covered.factsOf(passage('The pipeline'))).toEqual(['f1', 'f3', 'f4']);
    expect(covered.factsOf(passage('The minister arrived late'))).toEqual(['f2']);
  });

  it('are a quote running across two passages for both of them', () => {
    expect(covered.factsOf(passage('The minister arrived in Moscow'))).toEqual(['f4']);
  });

  it('are none for a passage no fact quotes, and for an id that is no passage’s', () => {
    expect(covered.factsOf(passage('Talks on the price'))).toEqual([]);
    expect(covered.factsOf(passage('Talks resumed'))).toEqual([]);
    expect(covered.factsOf('f1')).toEqual([]);
    expect(covered.factsOf('passage:a:999')).toEqual([]);
  });

  it('take a fact added later, once however often it is covered', () => {
    const later = new Covered([fact('f1', 'a', 'will cost $2 billion')], passages);
    later.cover(fact('m1', 'a', 'price of gas went on'));
    later.cover(fact('m2', 'a', 'officials said on Tuesday'));
    later.cover(fact('m2', 'a', 'officials said on Tuesday'));
    later.cover(fact('f1', 'a', 'will cost $2 billion'));
    expect(later.factsOf(passage('Talks on the price'))).toEqual(['m1']);
    expect(later.factsOf(passage('The pipeline'))).toEqual(['f1', 'm2']);
  });
});

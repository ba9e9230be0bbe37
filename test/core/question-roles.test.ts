import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { anotherDoer, askedDoers, deedFirst, hidesDoer, joinsDeed } from '../../src/core/question-roles.js';

const reader = new ClaimReader(
  {
    borduria: ['borduria', 'bordurian'],
    syldavia: ['syldavia', 'syldavian'],
    atlantis: ['atlantis', 'atlantean'],
  },
  [],
);
/** Does the fact tell the question's deed as another party's? */
const other = (question: string, fact: string) =>
  anotherDoer(reader.read(question), reader.readFact({ statement: fact, quote: fact }));

describe('who does what in a question, against a fact', () => {
  it('finds the doer a question names, and none in "who …"', () => {
    expect(askedDoers(reader.read('what does borduria export to syldavia'))).toEqual(['borduria']);
    expect(askedDoers(reader.read('who exports grain to syldavia'))).toEqual([]);
  });

  it('takes a fact telling the deed the other way round, or by a party the question does not name, for another deed', () => {
    expect(other('what does borduria export to syldavia', 'Syldavia exports textiles to Borduria.')).toBe(true);
    expect(other('what did borduria send to the bay', 'Atlantis sent vessels to the bay.')).toBe(true);
    expect(other('what does borduria export to syldavia', 'Borduria exports grain to Syldavia.')).toBe(false);
  });

  it('does not where the question names the doer beside another, or the doer does something else in the fact', () => {
    expect(other('are borduria and syldavia becoming friends', 'Syldavia and Borduria are becoming friends.')).toBe(
      false,
    );
    expect(other('did borduria visit syldavia', 'Syldavia visited Borduria, and Borduria returned the favour.')).toBe(
      false,
    );
  });
});

describe('a fact that hides who did the deed asked', () => {
  const deeds = [...reader.read('who poured the last bucket of concrete').frames.keys()];

  it('tells the deed only in the passive, with no doer', () => {
    expect(deeds).toEqual(['pour']);
    expect(hidesDoer(deeds, 'The mayor spoke as the last bucket of concrete was poured onto the wall')).toBe(true);
  });

  it('names the doer: in the active, or after "by"', () => {
    expect(hidesDoer(deeds, 'Mayor Kurvi poured the last bucket of concrete')).toBe(false);
    expect(hidesDoer(deeds, 'The last bucket was poured by Mayor Kurvi')).toBe(false);
  });

  it('does not tell the deed at all', () => {
    expect(hidesDoer(deeds, 'The dam was completed in 2006')).toBe(false);
  });
});

describe('a fact that tells the deed asked, first', () => {
  const hit = (id: string, text: string, rank: number) => ({ id, text, rank });
  const order = (question: string, hits: ReturnType<typeof hit>[]) =>
    deedFirst(hits, reader.read(question), (h) => reader.readFact({ statement: h.text, quote: h.text })).map(
      (h) => h.id,
    );

  it('puts first a fact that tells the deed over one ranked a little higher that only shares its words', () => {
    const hits = [
      hit('a', 'Atlantis bought the company after the gas leak.', 100),
      hit('b', 'Chlorine gas leaked from the plant.', 90),
    ];
    expect(order('what gas leaked', hits)).toEqual(['b', 'a']);
  });

  it('keeps the order where the first tells the deed, or the other ranks far below it', () => {
    const first = [hit('a', 'Chlorine gas leaked from the plant.', 100), hit('b', 'The gas leaked at night.', 90)];
    expect(order('what gas leaked', first)).toEqual(['a', 'b']);
    const far = [
      hit('a', 'Atlantis bought the company after the gas leak.', 100),
      hit('b', 'Chlorine gas leaked from the plant.', 50),
    ];
    expect(order('what gas leaked', far)).toEqual(['a', 'b']);
  });
});

describe("a fact that tells the deed asked as another party's", () => {
  it('is not put first', () => {
    const hits = [
      { id: 'a', text: 'Borduria and Syldavia held trade talks.', rank: 100 },
      { id: 'b', text: 'Syldavia exports textiles to Borduria.', rank: 95 },
    ];
    const read = (h: (typeof hits)[number]) => reader.readFact({ statement: h.text, quote: h.text });
    expect(deedFirst(hits, reader.read('what does borduria export to syldavia'), read).map((h) => h.id)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('a further fact beside one that tells the deed asked', () => {
  const fact = (text: string) => reader.readFact({ statement: text, quote: text });
  const joins = (question: string, first: string, further: string) =>
    joinsDeed(reader.read(question), fact(first), fact(further), further);
  const question = 'where did borduria and syldavia first meet';
  const first = 'Borduria and Syldavia first met at a summit in Klow.';

  it('joins only if it tells the deed too, in any words', () => {
    expect(joins(question, first, "Borduria's ambassador called on the Syldavian king in Szohod.")).toBe(false);
    expect(joins(question, first, 'The two leaders met again in Szohod a year later.')).toBe(true);
    expect(joins(question, first, 'Their first meeting was held in Klow.')).toBe(true);
  });

  it('joins as before where the first does not tell the deed either', () => {
    const loose = 'Borduria hosted a summit in Klow.';
    expect(joins(question, loose, "Borduria's ambassador called on the Syldavian king in Szohod.")).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/core/fact-index.js';
import { Engine } from '../../src/core/engine.js';
import {
  differenceBearsOn,
  figureGiven,
  figureSides,
  figuresSummary,
  givesLike,
} from '../../src/core/figure-disagreement.js';
import type { Fact } from '../../src/knowledge/schema.js';

const hit = (id: string, document: string, quote: string, coverage = 1): Hit => ({
  fact: { id, statement: quote, quote, source: { document }, kind: 'report', topic: '', tags: [] } as Fact,
  score: 10,
  coverage,
  rank: 10 * coverage * coverage,
  named: true,
});

describe('figures that answer a question differently', () => {
  const guardian = hit('a', 'guardian', 'The dam will displace 40,000 families, activists say.');
  const ndtv = hit('b', 'ndtv', 'The government puts the number of affected families at 18,386 families.');

  it('are sides when different sources give counts of the asked thing that cannot be the same', () => {
    const sides = figureSides([guardian, ndtv], 'count', (noun) => noun.startsWith('famil'));
    expect(sides?.map((s) => s.hits.map((h) => h.fact.id))).toEqual([['a'], ['b']]);
    expect(sides?.map((s) => s.figures[0]!.text)).toEqual(['40,000 families', '18,386 families']);
  });

  it('are no disagreement when the figures can be the same, or one sentence gives both', () => {
    const about = hit('c', 'ndtv', 'About 40,000 families will be affected.');
    expect(figureSides([guardian, about], 'count')).toBeNull();
    const both = hit('d', 'guardian', 'Activists count 40,000 families, officials 18,386 families.');
    expect(figureSides([both], 'count')).toBeNull();
  });

  it("are two accounts one source reports in two sentences, unless the second counts another year's", () => {
    const same = hit('d', 'guardian', 'Officials count 18,386 families.');
    const sides = figureSides([guardian, same], 'count');
    expect(sides?.map((s) => s.hits.map((h) => h.fact.id))).toEqual([['a'], ['d']]);
    const later = hit('e', 'guardian', 'Another 18,386 families were moved in 2019.');
    expect(figureSides([guardian, later], 'count')).toBeNull();
    const dates = hit('f', 'x', 'The memorandum was signed in 2015, and again in 2017.');
    expect(figureSides([dates, hit('g', 'x', 'It was signed in 2016.')], 'date')).toBeNull();
  });

  it('leave out facts that answer the question clearly less well, counts of other things, and questions asking no figure', () => {
    expect(figureSides([guardian, { ...ndtv, coverage: 0.5 }], 'count')).toBeNull();
    const villages = hit('e', 'ndtv', 'Water will reach 200 villages.');
    expect(figureSides([guardian, villages], 'count', (noun) => noun.startsWith('famil'))).toBeNull();
    expect(figureSides([guardian, ndtv], 'person')).toBeNull();
  });

  it('compare years for "when" and money in one currency', () => {
    const y1 = hit('f', 'x', 'The memorandum was signed in 2015.');
    const y2 = hit('g', 'y', 'The memorandum was signed in 2017.');
    expect(figureSides([y1, y2], 'date')).toHaveLength(2);
    const usd = hit('h', 'x', 'It will cost $2 billion.');
    const inr = hit('i', 'y', 'It will cost Rs 22,000 crore.');
    expect(figureSides([usd, inr], 'money')).toBeNull();
  });
});

describe('sides for a question counting a deed', () => {
  const died = hit('a', 'herald', 'The report states that 86,961 people died in the earthquake.');
  const first = hit('z', 'ap', 'Confusion reigns over how many people died in the earthquake.');
  const counts = (noun: string) => noun.startsWith('people') || noun.includes('death');

  it('weigh facts against the best one that gives the figure, not the best one overall', () => {
    const killed = hit('b', 'reuters', 'The toll stood at 316,000 people killed.', 0.7);
    expect(figureSides([first, { ...died, coverage: 0.75 }, killed], 'count', counts)).toHaveLength(2);
  });

  it('count what the question counts alike, whatever each source calls it', () => {
    const deaths = hit('c', 'times', 'Researchers found 4,645 additional deaths.');
    const sides = figureSides([died, deaths], 'count', counts);
    expect(sides?.map((s) => s.figures[0]!.text)).toEqual(['86,961 people', '4,645 additional']);
  });

  it('take a fact ranked below the answer only where its figure stands in a clause telling the deed', () => {
    const killed = hit('b', 'reuters', 'Bellerive put the total figure at over 316,000 people killed.', 0.4);
    const crowded = hit('c', 'ap', 'A third of the 9 million people were crowded into the capital.', 0.6);
    const further = (...hits: Hit[]) => ({ hits, deeds: ['die'] });
    const sides = figureSides([died], 'count', counts, further(crowded, killed));
    expect(sides?.map((s) => s.hits.map((h) => h.fact.id))).toEqual([['a'], ['b']]);
    expect(figureSides([died], 'count', counts, further(crowded))).toBeNull();
    expect(figureSides([died], 'count', counts, { hits: [killed], deeds: [] })).toBeNull();
  });

  it("read a count ranked below the answer by the words of its own stretch of the clause, and 'others' as whoever the deed befell", () => {
    const injured = hit('a', 'petition', 'The government cites 527,894 people injured.');
    const both = hit(
      'b',
      'daily',
      'The gas caused the death of 5,295 people and left 568,292 others with injuries.',
      0.1,
    );
    const sides = figureSides([injured], 'count', (noun) => noun.startsWith('people'), {
      hits: [both],
      deeds: ['injure'],
    });
    expect(sides?.map((s) => s.figures.map((f) => f.text))).toEqual([['527,894 people'], ['568,292 others']]);
  });

  it('take no year from a fact ranked below the answer: the deed may have been done more than once', () => {
    const signed = hit('a', 'korybko', 'The pact was signed in 2015.');
    const later = hit('b', 'rafiq', 'Another pact was signed in 2017.', 0.4);
    expect(figureSides([signed], 'date', undefined, { hits: [later], deeds: ['sign'] })).toBeNull();
  });
});

describe('a count that names nothing after it', () => {
  const study = hit('a', 'study', 'Researchers say 2,975 people died after the storm.');
  const counts = (noun: string) => noun.startsWith('people');
  const names = (lead: string) => /\btoll\b/.test(lead);

  it('counts what a measure named before it in its clause measures', () => {
    const official = hit('b', 'post', 'The official death toll had stood at 64 for months.');
    const sides = figureSides([study, official], 'count', counts, undefined, names);
    expect(sides?.map((s) => s.figures.map((f) => f.text))).toEqual([['2,975 people'], ['64']]);
  });

  it("counts nothing where its clause does not set it as the measure's value, or names no measure", () => {
    const hour = hit('b', 'post', 'The toll rose sharply, and the quake struck at 4 in the afternoon.');
    expect(figureSides([study, hour], 'count', counts, undefined, names)).toBeNull();
    const bare = hit('c', 'post', 'Officials revised it to 64.');
    expect(figureSides([study, bare], 'count', counts, undefined, names)).toBeNull();
  });

  it('is no count when it is a multiplier of another figure', () => {
    const times = hit('b', 'post', 'The toll was raised to 46 times the previous toll.');
    expect(
      figureSides([study, times], 'count', (noun) => counts(noun) || noun.includes('toll'), undefined, names),
    ).toBeNull();
  });
});

describe('a question that gives a figure itself', () => {
  it('is about a count of what the figure counts, or about a sum', () => {
    expect(figureGiven('did 3000 people really die')).toEqual({ type: 'count', noun: 'people' });
    expect(figureGiven('nba says forty families were hit')).toEqual({ type: 'count', noun: 'families' });
    expect(figureGiven('was the deal worth $2 billion')).toEqual({ type: 'money' });
  });

  it('is about no figure when it gives a year or a number that counts nothing named', () => {
    expect(figureGiven('was the dam finished in 2006')).toBeNull();
    expect(figureGiven('what did the toll stand at before it was raised to 316,000')).toBeNull();
    expect(figureGiven('who built the dam')).toBeNull();
  });
});

describe('an answer whose sources give different figures', () => {
  it('shows them as a disagreement, every side cited, beside what it answers', () => {
    const engine = Engine.fromDir('test/packs/hurricane-maria');
    const answer = engine.ask('how many people actually died because of hurricane maria in puerto rico?');
    const block = answer.disagreements.find((d) => d.summary.startsWith('Sources give different figures:'));
    expect(block!.positions.length).toBeGreaterThanOrEqual(2);
    const byN = new Map(answer.citations.map((c) => [c.n, c]));
    const documents = block!.positions.map((p) => byN.get(p.citations[0]!)!.source.document);
    expect(new Set(documents).size).toBe(documents.length);
    for (const p of block!.positions)
      expect(byN.get(p.citations[0]!)!.quote).toContain(p.label.split(': ')[1]!.split(',')[0]!);
  });
});

describe('a further fact beside a figure that answers', () => {
  const length = hit('a', 'overview', 'The canal is about 1100 km long.');

  it('gives the same kind of figure: a length beside a length, not a cost or a share', () => {
    expect(givesLike(length, hit('b', 'overview', 'A second branch adds 300 km.'), 'amount')).toBe(true);
    expect(givesLike(length, hit('c', 'overview', 'It is estimated at several billion dollars.'), 'amount')).toBe(
      false,
    );
    expect(givesLike(length, hit('d', 'overview', 'One side holds a 26% share.'), 'amount')).toBe(false);
    expect(givesLike(length, hit('e', 'overview', 'It is growing steadily.'), 'amount')).toBe(false);
  });

  it("for 'when', gives a year, and from another source one that can be the first's", () => {
    const lifted = hit('a', 'butt', 'The embargo was lifted in 1989.');
    expect(givesLike(lifted, hit('b', 'butt', 'The invasion came in 1979.'), 'date')).toBe(true);
    expect(givesLike(lifted, hit('c', 'korybko', 'They recall the 1980s proxy war.'), 'date')).toBe(true);
    expect(givesLike(lifted, hit('d', 'rafiq', 'In 1965 other embargoes were imposed.'), 'date')).toBe(false);
    expect(givesLike(lifted, hit('e', 'butt', 'Ties encouraged lifting the embargo.'), 'date')).toBe(false);
  });

  it('is not held to a kind when the question asks no figure or the first gives none', () => {
    expect(givesLike(length, hit('c', 'overview', 'It is estimated at several billion dollars.'), 'cause')).toBe(true);
    const none = hit('z', 'overview', 'The canal runs from the port to the capital.');
    expect(givesLike(none, hit('c', 'overview', 'It is estimated at several billion dollars.'), 'amount')).toBe(true);
  });
});

describe('the summary of sides that give different figures', () => {
  it('says each side in turn, not one against another', () => {
    const sides = figureSides(
      [
        hit('a', 'guardian', 'The dam will displace 40,000 families.'),
        hit('b', 'ndtv', 'The government says 18,386 families are affected.'),
        hit('c', 'times', 'Officials put it at 9,000 families.'),
      ],
      'count',
    )!;
    expect(figuresSummary(sides)).toBe(
      'Sources give different figures: one gives 40,000 families, another 18,386 families, a third 9,000 families.',
    );
    expect(figuresSummary(sides.slice(0, 2))).not.toContain('against');
  });
});

describe('a difference found between the sources, beside an answer', () => {
  it('of figures, bears on a question asking a figure or none, never on one asking who or where', () => {
    expect(differenceBearsOn('count', 'count')).toBe(true);
    expect(differenceBearsOn('count', null)).toBe(true);
    expect(differenceBearsOn('year', 'date')).toBe(true);
    // "who was the governor": the toll given beside his name is not what was asked.
    expect(differenceBearsOn('count', 'person')).toBe(false);
    expect(differenceBearsOn('money', 'place')).toBe(false);
  });

  it('of a denial or a judgement, bears on any question', () => {
    expect(differenceBearsOn('denial', 'person')).toBe(true);
    expect(differenceBearsOn('judgement', 'place')).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { FactIndex } from '../../src/core/fact-index.js';
import { PassageFacts, pointsBackTo } from '../../src/core/passage-facts.js';
import { type LoadedDocument, loadPack, type Pack } from '../../src/knowledge/load.js';
import { type Passage, PassageTable } from '../../src/knowledge/passages.js';
import { copyPack } from '../helpers/pack-fixture.js';

/** Two passages of one text as the segmenter gives them: the one starting `first`, then the one starting `second`. */
function pair(text: string, first: string, second: string, post: [number | null, number | null] = [null, null]) {
  const at = (sentence: string, n: number | null): Passage => {
    const start = text.indexOf(sentence);
    return { id: `d:${start}`, document: 'd', post: n, start, end: start + sentence.length, text: sentence } as Passage;
  };
  return [at(second, post[1]), at(first, post[0]), { text } as LoadedDocument] as const;
}

describe('the sentence a passage points back to', () => {
  it('is the one before it when the passage names its subject only by a pronoun or a definite noun', () => {
    const text =
      'A study by Northgate University counted the dead.\nThe study, requested by the governor, compared two winters.\n';
    expect(pointsBackTo(...pair(text, 'A study by', 'The study, requested'))).toBe(true);
    const her = 'Rita Vance wrote the audit.\nAccording to her, the deaths were undercounted by half.\n';
    expect(pointsBackTo(...pair(her, 'Rita Vance', 'According to her'))).toBe(true);
    const but = 'Rita Vance wrote the audit.\nBut she left out the winter months.\n';
    expect(pointsBackTo(...pair(but, 'Rita Vance', 'But she'))).toBe(true);
    // A label before a colon opens a list's item, not its sentence.
    const labelled = 'The Northgate pipeline was agreed in 2015.\nStatus: the project faced delays over funding.\n';
    expect(pointsBackTo(...pair(labelled, 'The Northgate', 'Status: the project faced delays over funding.'))).toBe(
      true,
    );
  });

  it('is the one before it when a pronoun follows a phrase setting the scene', () => {
    const scene =
      'In 2015, Rita Vance revealed an audit of the resettlement fund.\nAt a press conference, she said that 2,000 claims had been forged.\n';
    expect(pointsBackTo(...pair(scene, 'In 2015', 'At a press conference, she said'))).toBe(true);
    // A definite noun after such a phrase names a thing of its own: "In 2006, the government…".
    const own = 'Rita Vance revealed an audit of the fund.\nIn 2006, the government finished the dam.\n';
    expect(pointsBackTo(...pair(own, 'Rita Vance', 'In 2006, the government'))).toBe(false);
  });

  it('is none when the passage names its own subject, another post or another section stands between', () => {
    const own = 'A study by Northgate University counted the dead.\nOstrava researchers compared two winters.\n';
    expect(pointsBackTo(...pair(own, 'A study by', 'Ostrava researchers'))).toBe(false);
    const named = 'The Northgate pipeline was agreed in 2015.\nFunding: Ostrava banks lent the money for it.\n';
    expect(pointsBackTo(...pair(named, 'The Northgate', 'Funding: Ostrava banks lent the money for it.'))).toBe(false);
    const posts = 'A study by Northgate University counted the dead.\nThe study was wrong about the winters.\n';
    expect(pointsBackTo(...pair(posts, 'A study by', 'The study was', [1, 2]))).toBe(false);
    const headed =
      'Some opening words of the article body here.\nA study by Northgate University counted the dead.\n\n## Winter losses\n\nThe study compared two winters.\n';
    expect(pointsBackTo(...pair(headed, 'A study by', 'The study compared'))).toBe(false);
  });
});

describe('a deed the sentence before a passage tells', () => {
  it('is told by the passage, for a question asking how many of it', () => {
    const counted = 'A survey by the harbour board counted the ferry crossings on the river.';
    const found = 'It found that the winters of 2003 and 2004 were the busiest.';
    const [second, first, doc] = pair(`${counted}\n${found}\n`, counted, found);
    const document = { ...doc, id: 'd', title: 'Ferries', author: null, kind: 'article' } as LoadedDocument;
    const passages = new PassageFacts(PassageTable.of([first, second]), new Map([['d', document]]));
    // The same passages, none pointing back.
    const alone = {
      count: 2,
      make: (i: number) => passages.make(i),
      id: (i: number) => passages.id(i),
      find: (id: string) => passages.find(id),
    };
    const left = (lazy: typeof alone) => {
      const index = new FactIndex([], new Map(), [], {}, lazy);
      const hits = index.search(index.query('how many winters were counted', 'winters', true, 'winters were counted'));
      return hits.find((h) => h.fact.quote.startsWith('It found'))!.deedLeft;
    };
    expect(left(passages)).toBeUndefined();
    expect(left(alone)).toBe(true);
  });
});

describe('a name the sentence before a passage gives', () => {
  let engine: Engine;
  let loaded: Pack;
  let remove = () => {};

  beforeAll(() => {
    const pack = copyPack();
    pack.write(
      'sources/doc1.txt',
      'The bridge over the river was opened in 1999 at a cost of $5 million.\nCritics called it a “vanity project” — too costly.\n' +
        'A review by Northgate University counted the ferry crossings on the river.\n' +
        'The review, requested by the harbour board, compared the winters of 2003 and 2004.\n' +
        'Engineers compared the tolls of the winters of 2005 and 2006 as well.\n' +
        // Other sentences, so that a name one passage gives is a rare one.
        ['harbour', 'market', 'school', 'station', 'library', 'theatre', 'museum', 'stadium']
          .map((place) => `The old ${place} of the town was painted green last spring.\n`)
          .join(''),
    );
    engine = Engine.fromDir(pack.dir);
    loaded = loadPack(pack.dir);
    remove = () => pack.remove();
  });
  afterAll(() => remove());

  it('names what the passage says only as "the review", so the passage answers a question naming it', () => {
    const answer = engine.ask('which winters did the northgate review compare');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.quote).toMatch(/^The review, requested by the harbour board/);
  });

  it('names nothing for a passage that names its own subject', () => {
    const passages = new PassageFacts(PassageTable.of(loaded.passages), loaded.documents);
    const index = new FactIndex([], new Map(), loaded.aliases, {}, passages);
    const hits = index.search(index.query('northgate compared winters'));
    const named = (start: RegExp) => hits.find((h) => start.test(h.fact.quote))!.named;
    expect(named(/^The review, requested/)).toBe(true);
    expect(named(/^Engineers compared/)).toBe(false);
  });

  it('half covers a thing the question names that only the sentence the passage points back to says', () => {
    const passages = new PassageFacts(PassageTable.of(loaded.passages), loaded.documents);
    const index = new FactIndex([], new Map(), loaded.aliases, {}, passages);
    const hits = index.search(index.query('which winters were compared for the ferry crossings'));
    const hit = (start: RegExp) => hits.find((h) => start.test(h.fact.quote))!;
    // Neither says "ferry crossings"; the review's passage points back to the sentence that does.
    const review = hit(/^The review, requested/);
    const engineers = hit(/^Engineers compared/);
    expect(review.coverage).toBeGreaterThan(engineers.coverage);
    // In part only: the sentence before says more than what the passage is about.
    expect(review.coverage).toBeLessThan(1);
  });

  it('raises the rank of a passage by the share of the question the names it only points back to cover', () => {
    const passages = new PassageFacts(PassageTable.of(loaded.passages), loaded.documents);
    const index = new FactIndex([], new Map(), loaded.aliases, {}, passages);
    const hits = index.search(index.query('northgate compared winters'));
    const hit = (start: RegExp) => hits.find((h) => start.test(h.fact.quote))!;
    const unraised = (h: ReturnType<typeof hit>) => h.score * h.coverage * h.coverage;
    expect(hit(/^The review, requested/).rank).toBeGreaterThan(unraised(hit(/^The review, requested/)));
    expect(hit(/^A review by Northgate/).rank).toBeCloseTo(unraised(hit(/^A review by Northgate/)));
  });
});

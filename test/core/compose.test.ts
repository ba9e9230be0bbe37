import { describe, expect, it } from 'vitest';
import { askedOf } from '../../src/core/answer-type.js';
import { ClaimReader } from '../../src/core/claims.js';
import { ahead, compose } from '../../src/core/compose.js';
import type { Hit } from '../../src/core/fact-index.js';
import { readQuestion } from '../../src/core/question.js';
import { deedFirst } from '../../src/core/question-roles.js';
import { reportedFact } from '../helpers/fact.js';

const fact = reportedFact;
const hit = (id: string, quote: string, coverage: number, rank: number): Hit => ({
  fact: fact(id, quote),
  score: rank,
  coverage,
  rank,
  named: true,
});

/** Composes the answer to a question as the engine does: its shape, and what it already says. */
function answer(question: string, hits: readonly Hit[]) {
  const shape = readQuestion(question);
  return compose(hits, shape, askedOf(shape.about, undefined, shape.asking));
}
/** The ids of the answering facts, or of the related ones when there is no answer. */
const ids = (choice: ReturnType<typeof compose>) =>
  ('answering' in choice ? choice.answering : choice.related).map((h) => h.fact.id);
const answered = (choice: ReturnType<typeof compose>) => 'answering' in choice;

describe('composing an answer', () => {
  it('leads with the best fact that gives what is asked, not the best match', () => {
    const hits = [
      hit('a', 'Russia lifted an arms embargo on Pakistan', 1, 100),
      hit('b', 'In 2014 Russia lifted an arms embargo', 0.9, 60),
    ];
    const choice = answer('when did russia lift the arms embargo', hits);
    expect(answered(choice) && ids(choice)).toEqual(['b']);
  });

  it('for "when", leads with a fact that says the date over one that only has a date noted', () => {
    const noted = { ...hit('a', 'Moscow has lifted an arms embargo on Islamabad', 1, 100) };
    noted.fact = { ...noted.fact, date: '2015-09' };
    const hits = [noted, hit('b', 'Russia lifted an arms embargo against Pakistan in 2014', 0.7, 50)];
    const choice = answer('which year did russia end the arms embargo', hits);
    expect(answered(choice) && ids(choice)[0]).toBe('b');
  });

  it('for "when", leads with a fact that dates the event over one whose year only bounds a tally', () => {
    const hits = [
      hit('a', 'At least 22,917 persons had perished owing to the gas leak till 2009.', 1, 100),
      hit('b', 'The gas leaked from the plant on the night of December 2 and 3 in 1984.', 1, 95),
    ];
    const choice = answer('when did the gas leak', hits);
    expect(answered(choice) && ids(choice)[0]).toBe('b');
  });

  it('for "when", leads with a fact that names the date over one that gives a span back from its writing', () => {
    const hits = [
      hit('a', 'Over the past decade the two armies held joint exercises', 1, 100),
      hit('b', 'The two armies held their first joint exercises in 2016', 0.9, 60),
    ];
    const choice = answer('when were the first joint exercises', hits);
    expect(answered(choice) && ids(choice)[0]).toBe('b');
  });

  it('adds a fact only if it answers about as well, three at most, the same quote once', () => {
    const hits = [
      hit('a', 'one 2014', 1, 100),
      hit('b', 'two 2014', 0.95, 80),
      hit('c', 'one 2014', 0.95, 79),
      hit('d', 'three 2014', 0.95, 70),
      hit('e', 'four 2014', 0.95, 60),
      hit('f', 'weak 2014', 0.5, 90),
    ];
    const choice = answer('when was it', hits);
    expect(answered(choice) && ids(choice)).toEqual(['a', 'b', 'd']);
  });

  it('adds only a fact ranked at least half as well as the first, whether or not it covers the whole question', () => {
    for (const coverage of [1, 0.8]) {
      const hits = [
        hit('a', 'one 2014', coverage, 100),
        hit('b', 'two 2014', coverage, 55),
        hit('c', 'three 2014', coverage, 40),
      ];
      const choice = answer('when was it', hits);
      expect(answered(choice) && ids(choice)).toEqual(['a', 'b']);
    }
  });

  it('adds a further fact only if it may join those chosen, never dropping the first', () => {
    const hits = [hit('a', 'one 2014', 1, 100), hit('b', 'two 2014', 0.95, 80), hit('c', 'three 2014', 0.95, 70)];
    const shape = readQuestion('when was it');
    const choice = compose(hits, shape, askedOf(shape.about), {
      joins: (h) => h.fact.id === 'c',
    });
    expect(answered(choice) && ids(choice)).toEqual(['a', 'c']);
  });

  it('adds to a figure only a fact that gives the same kind of figure', () => {
    const hits = [
      hit('a', 'the pipeline is 1100 km long', 1, 100),
      hit('b', 'the pipeline costs $2 billion', 0.95, 80),
      hit('c', 'a branch of 300 km is planned', 0.95, 70),
    ];
    const choice = answer('how long is the pipeline', hits);
    expect(answered(choice) && ids(choice)).toEqual(['a', 'c']);
  });

  it('offers related facts, and no answer, when none gives what is asked', () => {
    const hits = [
      hit('a', 'the first Druzhba drills were held', 1, 100),
      hit('b', 'Druzhba drills are annual', 0.9, 50),
    ];
    const choice = answer('how many soldiers took part in the first druzhba drills', hits);
    expect(!answered(choice) && ids(choice)).toEqual(['a', 'b']);
  });

  it('takes no figure from a fact that tells another deed than the one counted', () => {
    const toll = { ...hit('a', 'the quake killed 72,000 people', 1, 100), deedLeft: true };
    const choice = answer('how many people were injured in the quake', [toll]);
    expect(!answered(choice) && ids(choice)).toEqual(['a']);
    expect(ids(answer('how many people were injured in the quake', [{ ...toll, deedLeft: false }]))).toEqual(['a']);
  });

  it('for "when", takes no noted date from a fact that tells another deed, but one it says itself', () => {
    // The date noted on a visit is the visit's, not the date the mills started producing.
    const visit = {
      ...hit('a', 'Khar visited Moscow, beginning a dialogue on the steel mills', 1, 100),
      deedLeft: true,
    };
    const dated = { ...visit, fact: { ...visit.fact, date: '2012-02' } };
    const question = 'what year did the steel mills start producing steel';
    expect(answered(answer(question, [dated]))).toBe(false);
    expect(ids(answer(question, [{ ...dated, deedLeft: false }]))).toEqual(['a']);
    // A date the quote says may date the deed in other words ("expressed interest" for "wanted").
    const said = { ...hit('b', 'Islamabad expressed interest in a partnership in May 2018', 1, 100), deedLeft: true };
    expect(ids(answer('when did islamabad say it wanted a partnership', [said]))).toEqual(['b']);
  });
});

describe('a count of time beside a count of what is asked', () => {
  it('for "how many <noun>", a fact whose only count is of years goes after one that counts something else', () => {
    const hits = [
      hit('a', 'Even 31 years after the leak, the number of people who died remains disputed.', 1, 200),
      hit('b', 'The state government said 15,248 people died in the leak.', 1, 60),
    ];
    const choice = answer('how many people died in the leak', hits);
    expect(answered(choice) && ids(choice)).toEqual(['b', 'a']);
  });

  it('still answers with one whose only count is of time, when no other fact has a count', () => {
    const hits = [hit('a', 'Even 31 years after the leak, the number of people who died remains disputed.', 1, 200)];
    expect(answered(answer('how many people died in the leak', hits))).toBe(true);
  });
});

describe('a fact another holds whole', () => {
  it('is said as the whole where the whole goes on to qualify it', () => {
    const hits = [
      hit('a', 'The president was scheduled to visit Borduria', 1, 100),
      hit('b', 'The president was scheduled to visit Borduria, but the visit was canceled.', 1, 90),
      hit('c', 'The president visited Syldavia twice.', 1, 80),
    ];
    const choice = answer('did the president ever go to borduria', hits);
    expect(answered(choice) && ids(choice)).toEqual(['b', 'c']);
  });

  it('is left as it is where the whole only adds detail', () => {
    const hits = [
      hit('a', 'In 2021 the two governments signed an agreement', 1, 100),
      hit('b', 'In 2021 the two governments signed an agreement providing for a 74% share.', 1, 90),
    ];
    const choice = answer('when did the two governments sign the agreement', hits);
    expect(answered(choice) && ids(choice)).toEqual(['a', 'b']);
  });
});

describe('"which <noun>" where every fact names the noun', () => {
  it('leads with one that names another of the kind, ranked nearly as well', () => {
    const hits = [
      hit('a', 'The Sardar Sarovar Dam was inaugurated today.', 1, 100),
      hit('b', 'Its water levels rose to 128 metres at the dam.', 1, 95),
      hit('c', 'The Sardar Sarovar Dam is the second largest dam after the Grand Coulee Dam.', 1, 90),
    ];
    const choice = answer('which dam is bigger than sardar sarovar', hits);
    expect(answered(choice) && ids(choice)[0]).toBe('c');
  });

  it('not past one ranked far above it', () => {
    const hits = [
      hit('a', 'The Sardar Sarovar Dam was inaugurated today.', 1, 100),
      hit('c', 'The Sardar Sarovar Dam is the second largest dam after the Grand Coulee Dam.', 1, 50),
    ];
    expect(ids(answer('which dam is bigger than sardar sarovar', hits))[0]).toBe('a');
  });
});

describe('a sentence that asks', () => {
  it('does not lead the answer, though it shares the most words', () => {
    const hits = [
      hit('a', 'Borduria: Syldavia’s New Best Friend?', 1, 400),
      hit('b', 'Borduria and Syldavia are not becoming best friends, only neighbours.', 1, 340),
    ];
    const choice = answer('are borduria and syldavia best friends now', hits);
    expect(answered(choice) && ids(choice)[0]).toBe('b');
  });
});

describe('leading with the answering fact among those of the asked type', () => {
  const reader = new ClaimReader({}, []);
  const read = (h: Hit) => reader.readFact(h.fact);

  it('puts the one that tells the deed first, past a higher-ranked one that gives no answer of the type', () => {
    const question = 'what chemical leaked';
    const shape = readQuestion(question);
    const hits = [
      // Shares the words and names no chemical: no answer, so no rival for the lead.
      hit('a', 'Thousands were affected by the toxic leak.', 0.7, 100),
      // Names a chemical, but tells another deed.
      hit('b', 'A firm bought the chemical plant after the gas leak.', 0.7, 92),
      hit('c', 'Chlorine gas, a chemical, leaked from the plant.', 0.7, 90),
    ];
    const lead = (fitting: readonly Hit[]) => deedFirst(fitting, reader.read(question), read);
    const asked = askedOf(shape.about, undefined, shape.asking);
    const choice = compose(hits, shape, asked, { lead });
    expect(answered(choice) && ids(choice)[0]).toBe('c');
    // Without it, the best-ranked that gives the type leads.
    expect(ids(compose(hits, shape, asked))[0]).toBe('b');
  });
});

describe('ahead', () => {
  it('puts those it holds for first, each group in its order, asking once of each', () => {
    const asked: number[] = [];
    const even = (n: number) => {
      asked.push(n);
      return n % 2 === 0;
    };
    expect(ahead([5, 2, 3, 8, 4, 1], even)).toEqual([2, 8, 4, 5, 3, 1]);
    expect(asked).toEqual([5, 2, 3, 8, 4, 1]);
    expect(ahead([], even)).toEqual([]);
  });
});

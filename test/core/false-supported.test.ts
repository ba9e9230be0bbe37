/** Mechanisms that keep a fact from supporting a claim it does not establish (a false "supported"). */
import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { opensWithCommand } from '../../src/core/commands.js';
import { anotherFinder } from '../../src/core/finding-doer.js';
import { judges } from '../../src/core/judgements.js';
import { datesIn } from '../../src/core/figures.js';
import { rivalFigure } from '../../src/core/rival-figures.js';
import { comparable, weigh } from '../../src/core/verdict.js';
import type { Fact } from '../../src/knowledge/schema.js';
import { fullHit, reportedFact } from '../helpers/fact.js';

const reader = new ClaimReader(
  {
    russia: ['russia', 'russian', 'moscow'],
    pakistan: ['pakistan', 'pakistani', 'islamabad'],
    india: ['india'],
  },
  [],
);
let n = 0;
const fact = (statement: string, kind: Fact['kind'] = 'report'): Fact => ({
  ...reportedFact(`f${n++}`, statement),
  kind,
});
const hit = fullHit;
const bearing = (claim: string, statement: string) => {
  const f = fact(statement);
  return weigh(reader.read(claim), reader.readFact(f), hit(f), false, (p) => p).bearing;
};

describe('a command is a recommendation, not a report', () => {
  it('knows a sentence opened by a bare verb', () => {
    expect(opensWithCommand('Continue to advance a political solution by including the rebels.')).toBe(true);
    expect(opensWithCommand('“Build trust to the point where both feel comfortable.')).toBe(true);
  });

  it('does not take a noun or a preposition for one', () => {
    expect(opensWithCommand('Work on the dam began in 1987.')).toBe(false);
    expect(opensWithCommand('Change of policy priorities came with the sanctions.')).toBe(false);
    expect(opensWithCommand('Inter-parliamentary dialogue deepened.')).toBe(false);
    expect(opensWithCommand('Russia expanded cooperation with Pakistan.')).toBe(false);
    expect(opensWithCommand('Talks resumed in May.')).toBe(false);
  });

  it('never states that the thing was done', () => {
    expect(
      bearing(
        'Russia has expanded naval cooperation with Pakistan.',
        'Expand naval cooperation between Russia and Pakistan to include joint patrols.',
      ),
    ).toBe('proposes');
  });
});

describe('a judgement is its writer’s view', () => {
  it('knows a claim that something is the best or the worst', () => {
    expect(judges('Relations are at their best point in history.')).toBe(true);
    expect(judges('Relations are at their best-ever point.')).toBe(true);
    expect(judges('Ties are worse than ever.')).toBe(true);
    expect(judges('The dam is best known for its height.')).toBe(false);
    expect(judges('The dam is the largest in the world.')).toBe(false);
  });

  it('is never stated by a report that says it, only by one that says who holds it', () => {
    const said = 'Russian-Pakistani relations are at their best-ever point in history.';
    expect(bearing('Russian-Pakistani relations are at the best point in their history.', said)).toBe('proposes');
    const f = fact(said);
    const attributed = weigh(
      reader.read('A writer said Russian-Pakistani relations are at the best point in their history.'),
      reader.readFact(f),
      hit(f),
      true,
      (p) => p,
    );
    expect(attributed.bearing).not.toBe('proposes');
  });
});

describe('a claim’s day or month must be the fact’s', () => {
  it('finds days and months, not the verb "may" nor the noun "march"', () => {
    expect(datesIn('the quake struck on jan. 12, 2010').map((d) => [d.month, d.day])).toEqual([[1, 12]]);
    expect(datesIn('on 3 march the talks began').map((d) => [d.month, d.day])).toEqual([[3, 3]]);
    expect(datesIn('officials met in june 2017').map((d) => [d.month, d.day])).toEqual([[6, undefined]]);
    expect(datesIn('this may be wrong; about 20 may die in the march to the sea')).toEqual([]);
    expect(datesIn('the toll was 86,961 in all')).toEqual([]);
  });

  const claim = 'Russia and Pakistan signed the gas pipeline agreement on March 3.';
  it('is stated by the same day', () => {
    expect(bearing(claim, 'Russia and Pakistan signed the gas pipeline agreement on 3 March.')).toBe('states');
  });

  it('is not stated by the month alone, nor by no date', () => {
    expect(bearing(claim, 'Russia and Pakistan signed the gas pipeline agreement in March.')).toBe('lacks');
    expect(bearing(claim, 'Russia and Pakistan signed the gas pipeline agreement.')).toBe('lacks');
  });

  it('leaves a month alone to a fact that gives no month, and excludes another month', () => {
    const inMarch = 'Russia and Pakistan signed the gas pipeline agreement in March.';
    expect(bearing(inMarch, 'Russia and Pakistan signed the gas pipeline agreement.')).toBe('states');
    expect(bearing(inMarch, 'Russia and Pakistan signed the gas pipeline agreement in May.')).toBe('excludes');
  });

  it('is excluded by another day for the same event', () => {
    expect(bearing(claim, 'Russia and Pakistan signed the gas pipeline agreement on May 28.')).toBe('excludes');
  });
});

describe('a finding told of another doer', () => {
  it('is not the claim’s doer’s finding', () => {
    expect(
      anotherFinder(
        reader.read('The engineers concluded that the debris was less than half the first estimate.'),
        reader.read(
          'The engineers reported 20 million cubic metres of debris, but the study concluded that the debris was less than half that.',
        ),
      ),
    ).toBe('studi');
    expect(
      bearing(
        'The engineers concluded that the debris was less than half the first estimate.',
        'The engineers reported 20 million cubic metres of debris, but the study concluded that the debris was less than half that.',
      ),
    ).toBe('lacks');
  });

  it('leaves the claim’s own doer, and deeds that are no finding, alone', () => {
    const claim = reader.read('The study concluded that the debris was less than half the first estimate.');
    expect(
      anotherFinder(claim, reader.read('The study concluded that the debris was less than half that.')),
    ).toBeUndefined();
    const decided = reader.read('Russia and Pakistan decided to create a commission.');
    expect(anotherFinder(decided, reader.read('The two powers decided to create a commission.'))).toBeUndefined();
  });
});

describe('a rival figure for the same point', () => {
  const claim = reader.read('The earthquake killed more than 300,000 people.');
  it('is another count of the same things told of the same event', () => {
    const rival = rivalFigure(
      claim,
      reader.read('The report states that between 46,190 and 86,961 people died in the earthquake.'),
      comparable,
    );
    expect(rival?.text).toBe('86,961 people');
  });

  it('is not a count of other things, of another event, a goal, or another party’s share', () => {
    expect(rivalFigure(claim, reader.read('About 9 million people live in the country.'), comparable)).toBeUndefined();
    expect(rivalFigure(claim, reader.read('The earthquake left 1.5 million homeless.'), comparable)).toBeUndefined();
    const trade = reader.read('Trade between Russia and Pakistan has been around 700 million dollars a year.');
    expect(
      rivalFigure(trade, reader.read('Russia and Pakistan set a goal of raising trade to $5 billion.'), comparable),
    ).toBeUndefined();
    const share = reader.read('Russia holds a 74 percent share of the pipeline.');
    expect(
      rivalFigure(share, reader.read('Under the pipeline deal Pakistan holds a 26 percent share.'), comparable),
    ).toBeUndefined();
  });

  it('keeps a number with a thousands separator in one clause', () => {
    const figure = reader.read('The report states that 86,961 people died in the earthquake.').figures[0]!;
    expect(figure.clause).toEqual(expect.arrayContaining(['die', 'earthquak']));
  });
});

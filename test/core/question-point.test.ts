import { describe, expect, it } from 'vitest';
import { DisputeIndex } from '../../src/core/citations.js';
import { Point } from '../../src/core/question-point.js';
import { terms } from '../../src/core/tokens.js';
import type { Topic } from '../../src/knowledge/schema.js';

const topic = (id: string, summary: string, sides: [string, string[]][]): Topic => ({
  id,
  name: id,
  area: 'a',
  disagreement: { summary, positions: sides.map(([label, facts]) => ({ label, facts })) },
});
const cost = topic('cost', 'Sources give different costs for the canal.', [
  ['two billion', ['cost-2']],
  ['three billion', ['cost-3']],
]);
const axis = topic('axis', 'Sources disagree on whether a three-way axis is likely.', [
  ['natural', ['axis-yes']],
  ['unlikely', ['axis-no', 'cost-3']],
]);
const disputes = new DisputeIndex([cost, axis]);
/** The point of a question in its own words, as the analyser reads them. */
const pointOf = (question: string, near = new Map<string, string[]>()) => new Point(terms(question), terms, near);

describe("a question's point", () => {
  it('covers a disagreement that has most of the question words', () => {
    expect(pointOf('canal cost').covers(cost)).toBe(true);
    expect(pointOf('canal length').covers(cost)).toBe(true);
    expect(pointOf('canal length route').covers(cost)).toBe(false);
  });

  it("counts a near word for the question's own only where a fact that answers is judged", () => {
    const point = pointOf('bloc card', new Map([['bloc', ['axi']]]));
    expect(point.covers(axis)).toBe(false);
    expect(point.strays('axis-yes', [], disputes)).toBe(false);
    expect(pointOf('bloc card').strays('axis-yes', [], disputes)).toBe(true);
  });

  it('finds that a fact strays when it brings a disagreement off the point that the cited ones do not', () => {
    const point = pointOf('canal cost');
    expect(point.strays('cost-2', [], disputes)).toBe(false);
    // A side in the cost dispute and in the axis one: the axis is beside the point.
    expect(point.strays('cost-3', [], disputes)).toBe(true);
    // Unless a fact already cited brings it anyway.
    expect(point.strays('cost-3', ['axis-no'], disputes)).toBe(false);
    expect(point.strays('no-dispute', [], disputes)).toBe(false);
  });

  it("leaves the sources' authors out of the point, but not where a fact they wrote is cited", () => {
    const said = topic('said', 'One source reports talks on the radar sale; another denies it.', [
      ['Kit Poster (2015): reports it', ['said-yes']],
      ['Jo Wire: denies it', ['said-no']],
    ]);
    const authors = new Set(terms('Kit Poster Jo Wire'));
    const withAuthors = (question: string) => new Point(terms(question), terms, new Map(), authors);
    // "slogan poster": the label names him, yet the slogan is not the radar talks.
    expect(new Point(terms('slogan poster'), terms).covers(said)).toBe(true);
    expect(withAuthors('slogan poster').covers(said)).toBe(false);
    // "what did poster say of the su": the side he wrote is cited, and his name says why.
    expect(withAuthors('poster su').covers(said)).toBe(false);
    expect(withAuthors('poster su').brings(said, () => [])).toBe(true);
  });

  it("brings a found disagreement where the point is in its sides' clauses, not in another clause of a cited fact", () => {
    const found = topic('found', 'Sources give different years for “the engine deal”.', [
      ['Ann (2019): 2014', ['eng-2014']],
      ['Bo (2015): 2015', ['eng-2015']],
    ]);
    const clauses = () => ['an agreement to buy the Tarn engines directly', 'closed a deal to import Tarn engines'];
    expect(pointOf('how did the tarn engines get there').brings(found, clauses)).toBe(true);
    // The cited passage also sold helicopters; the helicopters are not what the years are disputed for.
    expect(pointOf('what nickname does the helicopter go by').brings(found, clauses)).toBe(false);
  });
});

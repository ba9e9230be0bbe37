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
});

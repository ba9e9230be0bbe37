import { describe, expect, it } from 'vitest';
import { gives, askedOf } from '../../src/core/answer-type.js';
import { measuredNames, measuresElsewhere, measuresIn, namesQuantity } from '../../src/core/quantity-noun.js';
import { terms } from '../../src/core/tokens.js';
import { readQuestion } from '../../src/core/question.js';

describe('a noun that names a quantity', () => {
  it.each(['toll', 'magnitude', 'cost', 'percentage', 'total', 'height', 'price'])('%s is a measure', (noun) => {
    expect(namesQuantity(noun)).toBe(true);
  });
  it.each(['minister', 'event', 'sign', 'first', 'year', 'city', 'name', 'journal', 'status'])('%s is not', (noun) => {
    expect(namesQuantity(noun)).toBe(false);
  });
});

describe('a "what is the <measure>" question', () => {
  it.each([
    ['what is the official death toll of the flood', 'toll'],
    ['what did the toll stand at before the revision', 'toll'],
    ['what was the magnitude of the quake', 'magnitude'],
    ['what toll did officials stand by', 'toll'],
    ['which death toll does the embassy use', 'toll'],
  ])('%s asks for a figure of its %s', (question, noun) => {
    const shape = readQuestion(question);
    expect(shape.type).toBe('amount');
    expect(shape.asking).toBe(noun);
  });

  it.each([
    'what did the deputy minister sign when he flew in',
    'what sporting event was the company sponsoring',
    'what deal first broke the ice',
    'what is the status of the dam',
  ])('%s asks for no figure', (question) => {
    expect(readQuestion(question).type).not.toBe('amount');
  });

  it('is answered by a figure of the measure, not by a mention of it without one', () => {
    const asked = askedOf('official death toll of the flood', undefined, 'toll');
    expect(gives('The official death toll stood at 64 for months.', 'amount', asked)).toBe(true);
    expect(gives('Officials defended the death toll but gave no new figure.', 'amount', asked)).toBe(false);
  });
});

describe('words naming a measure before its value', () => {
  it('are the measure noun with the words either side of it', () => {
    expect(measuresIn('the official death toll had stood at')).toEqual(['official death toll had stood']);
    expect(measuresIn('the number of fatalities is estimated at')).toEqual(['the number of fatalities']);
    expect(measuresIn('the government upped the figure to')).toEqual(['upped the figure to']);
  });

  it('are none where no measure is named', () => {
    expect(measuresIn('the quake struck the nation at')).toEqual([]);
  });
});

describe('the name a measure is of', () => {
  it('is the capitalized words after the measure and "of", "from", "in" or "for"', () => {
    expect(measuredNames("The official death toll from 2005's Hurricane Zeta is")).toEqual(['Hurricane Zeta']);
    expect(measuredNames('The official government death toll from Delta had stood')).toEqual(['Delta']);
    expect(measuredNames('Authorities placed the death toll')).toEqual([]);
  });

  it("makes the figure another thing's when the question and the sources' subject lack one of its words", () => {
    const known = new Set(terms('Storm Delta death toll revised what is the official death toll'));
    expect(measuresElsewhere("The official death toll from 2005's Hurricane Zeta is", known)).toBe(true);
    expect(measuresElsewhere('The official death toll from Storm Delta had stood', known)).toBe(false);
    expect(measuresElsewhere('The official death toll had stood', known)).toBe(false);
  });
});

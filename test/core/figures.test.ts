import { describe, expect, it } from 'vitest';
import { figures, overlaps } from '../../src/core/figures.js';

const one = (text: string) => {
  const [f] = figures(text);
  return f && { kind: f.kind, low: f.low, high: f.high, noun: f.noun, currency: f.currency };
};

describe('figures', () => {
  it('reads years and decades', () => {
    expect(one('in 2014 russia lifted')).toMatchObject({ kind: 'year', low: 2014, high: 2014 });
    expect(one('in the 1980s')).toMatchObject({ kind: 'year', low: 1980, high: 1989 });
  });

  it('reads money with its currency and scale, ranges and qualifiers', () => {
    expect(one('a $153 million deal')).toMatchObject({ kind: 'money', low: 153e6, high: 153e6, currency: 'usd' });
    expect(one('worth $2-2.5 billion')).toMatchObject({ kind: 'money', low: 2e9, high: 2.5e9 });
    expect(one('the rs 22,000-crore dam')).toMatchObject({ kind: 'money', low: 22000 * 1e7, currency: 'inr' });
    expect(one('more than $10 billion')).toMatchObject({ kind: 'money', low: 10e9, high: Infinity });
    expect(one('a 153m deal')).toMatchObject({ kind: 'money', low: 153e6 });
  });

  it('reads "up to" as the figure a source expects, not any less: half of it is another figure', () => {
    const most = one('likely to benefit up to four crore people')!;
    expect(most).toMatchObject({ kind: 'count', high: 4e7, noun: 'people' });
    expect(overlaps(figures('up to four crore people')[0]!, figures('20 million people')[0]!)).toBe(false);
    expect(overlaps(figures('up to four crore people')[0]!, figures('about 35 million people')[0]!)).toBe(true);
    expect(one('less than 40 million people')).toMatchObject({ low: 0, high: 40e6 });
  });

  it('reads a number followed by a phrase of its own ("1,052 in December") as a count of nothing named', () => {
    expect(one('put the toll at 1,052 in december')).toMatchObject({ kind: 'count', low: 1052, noun: '' });
    expect(one('1,052 deaths in december')).toMatchObject({
      kind: 'count',
      low: 1052,
      noun: expect.stringMatching(/^deaths/),
    });
  });

  it('reads a number at a scale followed by a noun as a count of that noun, not money', () => {
    expect(one('20 million people')).toMatchObject({ kind: 'count', low: 20e6, noun: 'people' });
    expect(one('irrigate 5.5 lakh hectares')).toMatchObject({ kind: 'count', low: 550000, noun: 'hectares' });
  });

  it('reads percentages and counts, with number words and qualifiers', () => {
    expect(one('a 26% share')).toMatchObject({ kind: 'percent', low: 26, high: 26 });
    expect(one('four helicopters')).toMatchObject({ kind: 'count', low: 4, noun: 'helicopters' });
    const about = one('about 200 troops')!;
    expect(about.kind).toBe('count');
    expect(about.low).toBeCloseTo(180);
    expect(about.high).toBeCloseTo(220);
  });

  it('reads a count with decimals as one number, of what follows', () => {
    expect(figures('after the 7.0 magnitude earthquake struck')).toMatchObject([
      { kind: 'count', low: 7, high: 7, text: '7.0 magnitude' },
    ]);
    expect(one('a pipeline 4.5 miles long')).toMatchObject({ kind: 'count', low: 4.5, noun: 'miles long' });
  });

  it("reads a number that labels a grade or a step as that label's, not a count of what follows", () => {
    expect(one('a category 4 storm')).toMatchObject({ kind: 'count', low: 4, noun: 'category' });
    expect(one('a category five hurricane')).toMatchObject({ kind: 'count', low: 5, noun: 'category' });
  });

  it('reads a number "with" something as a count of those who have it', () => {
    expect(one('4,902 with permanent disability')).toMatchObject({
      kind: 'count',
      low: 4902,
      noun: 'permanent disability',
    });
    expect(one('signed 20 with the army')).toMatchObject({ kind: 'count', low: 20, noun: '' });
  });

  it('never takes a number inside a name for a figure', () => {
    expect(figures('the su-35 and mi-35m')).toEqual([]);
    expect(figures('four mi-35 helicopters').map((f) => f.kind)).toEqual(['count']);
  });

  it('never takes a day of a month for a count', () => {
    expect(figures('on 31 December').filter((f) => f.kind === 'count')).toEqual([]);
    expect(figures('Ahmedabad, dec. 31: the last concrete').filter((f) => f.kind === 'count')).toEqual([]);
    expect(figures('31 gates').map((f) => f.kind)).toEqual(['count']);
    expect(figures("all 30 of the dam's gates")[0]).toMatchObject({ kind: 'count', low: 30, noun: 'gates' });
  });

  it('never takes "the two" of a pair already named for a count', () => {
    expect(figures('the two countries agreed')).toEqual([]);
    expect(figures('two countries agreed').map((f) => f.kind)).toEqual(['count']);
  });

  it('tells overlapping ranges', () => {
    const [a, b, c] = [one('$2 billion'), one('$2-2.5 billion'), one('$700 million')];
    expect(overlaps(a as never, b as never)).toBe(true);
    expect(overlaps(b as never, c as never)).toBe(false);
  });

  it('reads a sum written out in words ("fourteen billion dollars") as money, as its digits are', () => {
    expect(one('to put fourteen billion dollars into energy')).toMatchObject({
      kind: 'money',
      low: 14e9,
      high: 14e9,
      currency: 'usd',
    });
    expect(one('about five hundred rupees each')).toMatchObject({ kind: 'money', currency: 'inr' });
    expect(one('fourteen billion people')).toMatchObject({ kind: 'count', noun: 'people' });
  });

  it('multiplies a number word by "dozen" or "hundred" after it, counting what follows', () => {
    const [two] = figures('killed two dozen soldiers in the attack');
    expect(two).toMatchObject({ kind: 'count', low: 24, high: 24 });
    expect(two!.noun).toMatch(/^soldiers/);
    expect(figures('three hundred people died')[0]).toMatchObject({ kind: 'count', low: 300 });
    expect(figures('a dozen ships')[0]).toMatchObject({ kind: 'count', low: 12 });
    // A scale word after a number word multiplies it too: "four crore people" is 40 million people.
    expect(figures('drinking water to four crore people')[0]).toMatchObject({
      kind: 'count',
      low: 4e7,
      noun: 'people',
    });
    expect(figures('ten thousand troops')[0]).toMatchObject({ kind: 'count', low: 1e4, noun: 'troops' });
    // What is counted is never another number word.
    expect(figures('three hundred fifty people')[0]!.noun).not.toMatch(/fifty/);
  });

  it('reads a share in words ("one-third of", "half of") as a percentage, not a time ("the first half of 2018")', () => {
    const [third] = figures('one-third of the deaths came from lack of care');
    expect(third).toMatchObject({ kind: 'percent' });
    expect(third!.low).toBeLessThan(33.4);
    expect(third!.high).toBeGreaterThan(33.3);
    expect(figures('three quarters of the gas')[0]).toMatchObject({ kind: 'percent', low: 72.5, high: 77.5 });
    expect(figures('in the first half of 2018').map((f) => f.kind)).toEqual(['year']);
  });
});

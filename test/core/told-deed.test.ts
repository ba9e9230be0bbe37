import { describe, expect, it } from 'vitest';
import { countsDeed, namesDeed, nounDeeds, tellsDeed } from '../../src/core/told-deed.js';

describe('words naming a deed', () => {
  it('are the verb itself or a noun WordNet derives from it', () => {
    expect(namesDeed('people died in', ['die'])).toBe(true);
    expect(namesDeed('additional deaths', ['die'])).toBe(true);
    expect(namesDeed('quake victims', ['die'])).toBe(false);
    expect(namesDeed('additional deaths', [])).toBe(false);
    // "struck" is "moved" only in another sense: a verb's related words are not its deed.
    expect(namesDeed('magnitude earthquake struck', ['move'])).toBe(false);
  });
});

describe('a clause telling a deed', () => {
  it('names it, or has a verb that tells the same deed or causes it', () => {
    expect(tellsDeed('put the total figure at over 316,000 people killed', ['die'])).toBe(true);
    expect(tellsDeed('how many perished', ['die'])).toBe(true);
    expect(tellsDeed('9 million people were crowded into the capital', ['die'])).toBe(false);
  });

  it('is not told the other way round: to die is not to kill', () => {
    expect(tellsDeed('thousands died', ['kill'])).toBe(false);
  });
});

describe('the words after a number counting those a deed befell', () => {
  it('name it by a noun, or tell it by a verb after the counted noun', () => {
    expect(countsDeed('additional deaths', ['die'])).toBe(true);
    expect(countsDeed('persons had perished', ['die'])).toBe(true);
    expect(countsDeed('magnitude earthquake struck', ['move'])).toBe(false);
    expect(countsDeed('states that regularly', ['suppose'])).toBe(false);
    // "have" may mean "cause" in WordNet, but as an auxiliary it tells no deed.
    expect(countsDeed('years ago have', ['cause'])).toBe(false);
  });
});

describe('the deed of a question that has no verb of its own', () => {
  it('is the verb WordNet relates to its counted noun or to the noun before it', () => {
    expect(nounDeeds('the official death toll of the storm', 'toll')).toContain('die');
    expect(nounDeeds('extra deaths were there', 'deaths')).toContain('die');
  });

  it("is never a measure's own verb: 'cost' for a toll, 'magnify' for a magnitude", () => {
    expect(nounDeeds('the official death toll', 'toll')).not.toContain('cost');
    expect(nounDeeds('the magnitude of the quake', 'magnitude')).toEqual([]);
  });
});

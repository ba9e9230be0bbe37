import { describe, expect, it } from 'vitest';
import { namesDeed, tellsDeed } from '../../src/core/told-deed.js';

describe('words naming a deed', () => {
  it('are the verb itself or a noun WordNet derives from it', () => {
    expect(namesDeed('people died in', ['die'])).toBe(true);
    expect(namesDeed('additional deaths', ['die'])).toBe(true);
    expect(namesDeed('quake victims', ['die'])).toBe(false);
    expect(namesDeed('additional deaths', [])).toBe(false);
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

import { describe, expect, it } from 'vitest';
import { cutEnd } from '../../../adapters/shared/cut.js';

describe('cutEnd', () => {
  it('leaves text that fits alone', () => {
    expect(cutEnd('when did Pakistan', 17)).toBe('when did Pakistan');
  });

  it('drops a short word fragment at the cut, so "Pakistan" never ends as "Paki"', () => {
    expect(cutEnd('when did Pakistan', 13)).toBe('when did ');
    expect(cutEnd('when did Pakistan', 14)).toBe('when did ');
    // A cut between words keeps the whole word before it.
    expect(cutEnd('when did Pakistan', 8)).toBe('when did');
  });

  it('keeps a fragment too long to read as a word of its own', () => {
    const word = 'x'.repeat(100);
    expect(cutEnd(word, 50)).toBe('x'.repeat(50));
  });

  it('never splits a surrogate pair', () => {
    const cut = cutEnd('😀😀😀', 3);
    expect(cut).toBe('😀');
  });
});

import { describe, expect, it } from 'vitest';
import { zSpelling } from '../../src/core/spelling.js';
import { stem } from '../../src/core/tokens.js';

describe('British and American spellings', () => {
  it('rewrites a British spelling where WordNet knows the American word', () => {
    expect(
      ['apologised', 'privatisation', 'defence', 'labour', 'centre', 'programmes', 'analysed'].map((w) => zSpelling(w)),
    ).toEqual(['apologized', 'privatization', 'defense', 'labor', 'center', 'programs', 'analyzed']);
  });

  it('leaves words that only look British', () => {
    expect(['precise', 'premise', 'exercise', 'difference', 'tour', 'summer'].map((w) => zSpelling(w))).toEqual([
      'precise',
      'premise',
      'exercise',
      'difference',
      'tour',
      'summer',
    ]);
  });

  it('gives both spellings one stem', () => {
    expect(stem('apologised')).toBe(stem('apologized'));
    expect(stem('defence')).toBe(stem('defense'));
  });
});

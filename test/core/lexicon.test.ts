import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/core/lexicon.js';

describe('ways of doing what a verb names', () => {
  it('gives the troponyms of its commonest senses, never its broader verbs', () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.waysOf('trip')).toContain('visit');
    expect(lexicon.waysOf('visit')).not.toContain('trip');
    expect(lexicon.waysOf('seek')).toContain('pursue');
  });
});

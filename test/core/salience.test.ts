import { describe, expect, it } from 'vitest';
import { salience } from '../../src/core/salience.js';

describe('how much a word of a question matters', () => {
  it('takes a word English lacks for a slip of a common word near it', () => {
    expect(salience('actualy')).toBe('talk');
  });

  it('takes a word English lacks for a name when it is near only a word of three letters, mostly initials', () => {
    // "irma" is one letter from "ira"; "hurricane irma" names a storm.
    expect(salience('irma')).toBe('name');
    expect(salience('korybko')).toBe('name');
  });
});

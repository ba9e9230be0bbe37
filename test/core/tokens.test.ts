import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/core/analyzer.js';
import { canonical, stem, terms, words } from '../../src/core/tokens.js';

describe('tokens', () => {
  it('folds case, quotes, dashes and zero-width characters, and joins names with digits', () => {
    expect(canonical('Su\u200B-35’s')).toBe("su35's");
    expect(canonical('The U.S. and the U.S.S.R.')).toBe('the usa and the ussr');
    expect(canonical('a $14bn plan')).toBe('a $14 billion plan');
    expect(canonical('a deal in mid-2018 for the T-90')).toBe('a deal in mid 2018 for the t90');
  });

  it('takes accents off Latin letters, so a name is one word however a source spells it', () => {
    expect(terms('Gov. Ricardo Rosselló and René Préval')).toEqual(terms('gov ricardo rossello and rene preval'));
    // Other scripts keep their marks.
    expect(canonical('नर्मदा')).toBe('नर्मदा');
  });

  it('keeps "us" a pronoun unless written as the country', () => {
    expect(words('tell us about the US')).toEqual(['tell', 'us', 'about', 'the', 'usa']);
  });

  it("stems with Porter2 after WordNet's irregular forms", () => {
    expect(stem('helicopters')).toBe(stem('helicopter'));
    expect(stem('bought')).toBe(stem('buy'));
    expect(stem('went')).toBe(stem('go'));
    expect(stem('lifted')).toBe(stem('lift'));
    expect(stem('mi35s')).toBe('mi35');
    expect(stem('2014')).toBe('2014');
  });

  it('reads a contraction as its pronoun: "they\'ve" is no name', () => {
    expect(words("they've said we'll go, I'd say they're right; Pakistan's")).toEqual([
      'they',
      'said',
      'we',
      'go',
      'i',
      'say',
      'they',
      'right',
      'pakistan',
    ]);
    expect(terms('the best theyve ever been')).toEqual(['best']);
  });

  it('drops question and function words from search terms', () => {
    expect(terms('when did russia lift the embargo')).toEqual(['russia', 'lift', 'embargo']);
  });
});

describe('words no language has', () => {
  it('are left as they are rather than stemmed, whatever their length', () => {
    const long = 'bridge'.repeat(900);
    expect(stem(long)).toBe(long);
    expect(stem('bridges')).toBe('bridg');
  });
});

describe('the analyser', () => {
  it('reads a short title before a name as its word too: "Gov. Rick Scott" is a governor', () => {
    const analyzer = new Analyzer([]);
    expect(analyzer.terms('Florida Gov. Rick Scott tweeted')).toEqual(
      expect.arrayContaining(['gov', 'governor', 'scott']),
    );
    expect(analyzer.terms('Sen. Marco Rubio said')).toContain('senat');
    // Without the full stop and a name after it, it is what it says.
    expect(analyzer.terms('gov spending rose')).not.toContain('governor');
  });
});

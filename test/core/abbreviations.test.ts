import { describe, expect, it } from 'vitest';
import { definedAbbreviations } from '../../src/core/abbreviations.js';

describe('abbreviations the sources define', () => {
  it('pairs an upper-case abbreviation in brackets with the capitalised words its letters stand for', () => {
    expect(
      definedAbbreviations([
        'Campaigns led by a grassroots group, Narmada Bachao Andolan (NBA), succeeded.',
        'Officials of the Oil and Gas Development Company Limited (OGDCL) and the Chief of Army Staff (COAS) met.',
      ]),
    ).toEqual([
      ['narmada bachao andolan', 'nba'],
      ['oil and gas development company limited', 'ogdcl'],
      ['chief of army staff', 'coas'],
    ]);
  });

  it('takes nothing whose letters do not spell the name', () => {
    expect(definedAbbreviations(['Exports to Pakistan (PK) grew.', 'The Grand Report (GRX) said so.'])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { definedAbbreviations, initials, spellOut } from '../../src/core/abbreviations.js';
import { Engine } from '../../src/core/engine.js';

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

describe('initials the sources never define', () => {
  it('stand for the one name the sources write with them, a sentence-opening word aside', () => {
    const found = initials([
      'The New York Times reported 1,052 deaths.',
      'A study by George Washington University was released.',
      'Officials from the Chairman of the Joint Chiefs of Staff Committee met.',
    ]);
    expect(found.get('nyt')).toBe('new york times');
    expect(found.get('gwu')).toBe('george washington university');
    expect(found.get('cjcsc')).toBe('chairman of the joint chiefs of staff committee');
  });

  it('stand for a name inside a longer run of names, small words lettered or not', () => {
    const found = initials([
      "As Gazprom and Pakistan's Oil and Gas Development Company signed a deal.",
      'Status: The Memorandum of Understanding was signed in 2015.',
    ]);
    expect(found.get('ogdc')).toBe('oil and gas development company');
    expect(found.get('mou')).toBe('memorandum of understanding');
    expect(found.get('mu')).toBe('memorandum of understanding');
  });

  it('stand for nothing where two names share them', () => {
    expect(initials(['Green River Dam opened.', 'The Grand Rapids Daily said so.']).get('grd')).toBeUndefined();
  });

  it('let a question with them find the sentence that writes the name out', () => {
    const engine = Engine.fromDir(join(import.meta.dirname, '..', 'packs', 'hurricane-maria'));
    const answer = engine.ask('nyt death toll estimate');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.quote).toMatch(/New York Times/);
  });

  it('are written out only for words standing alone that nothing else knows', () => {
    const names = new Map([
      ['gwu', 'george washington university'],
      ['sua', 'soviet union army'],
      ['ban', 'british army navy'],
    ]);
    const known = (word: string) => word === 'ban';
    const out = (text: string) => spellOut(text, known, () => names);
    expect(out('what did the gwu study find')).toBe('what did the george washington university study find');
    // A name with a number ("sua-35", "sua 35") is no set of initials; a known word is what it says.
    expect(out('talks on sua-35 jets and sua 35 jets')).toBe('talks on sua-35 jets and sua 35 jets');
    expect(out('is the ban real')).toBe('is the ban real');
  });
});

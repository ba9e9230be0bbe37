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

describe('the verbs a verb is a way of doing', () => {
  it('are the hypernyms of its commonest sense only: to shift is to change, to kill is not to veto', () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.broaderVerbs('shift')).toContain('change');
    expect(lexicon.broaderVerbs('raise')).toContain('increase');
    // "Veto" is what "kill" is a way of only in its second sense ("kill the bill").
    expect(lexicon.broaderVerbs('kill')).not.toContain('veto');
  });
});

describe('the deed a noun names', () => {
  it('is the verb WordNet derives a noun of an act from', () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.deedOf('acquisitions')).toBe('acquire');
    expect(lexicon.deedOf('invasion')).toBe('invade');
    // Not a noun of an act.
    expect(lexicon.deedOf('helicopter')).toBeUndefined();
  });
});

describe('verbs that tell the same deed', () => {
  it('share a synonym that is not general, or one is a synonym of the other', () => {
    const lexicon = Lexicon.shared();
    // Both "construct".
    expect(lexicon.sameDeed('build', 'manufacture')).toBe(true);
    expect(lexicon.sameDeed('raise', 'lift')).toBe(true);
    expect(lexicon.sameDeed('sell', 'buy')).toBe(false);
    expect(lexicon.sameDeed('visit', 'sign')).toBe(false);
  });

  it('include the head verb of a phrasal verb of the same sense, not a general one', () => {
    const lexicon = Lexicon.shared();
    // "pull out" is a way to say "withdraw"; "take", "get" tell no deed of their own.
    expect(lexicon.phrasalHeads('withdraw')).toContain('pull');
    for (const v of ['withdraw', 'remove', 'leave']) {
      expect(lexicon.phrasalHeads(v).some((h) => lexicon.isGeneral(h))).toBe(false);
    }
  });
});

describe('collocations', () => {
  it('are found over inflected words, the longest first, with what they mean', () => {
    const lexicon = Lexicon.shared();
    const at = (text: string, i: number) => lexicon.collocationAt(text.split(' '), i);
    expect(at('the talks were held up again', 3)).toEqual({ phrase: 'hold_up', length: 2 });
    expect(at('they called off the visit', 1)).toEqual({ phrase: 'call_off', length: 2 });
    expect(at('two power stations', 1)).toEqual({ phrase: 'power_station', length: 2 });
    expect(at('the talks were held in june', 3)?.phrase).not.toBe('hold_up');
    expect(lexicon.collocationMeans('hold_up')).toContain('delay');
    expect(lexicon.collocationMeans('call_off')).toContain('cancel');
    expect(lexicon.collocationMeans('power_station')).toContain('power_plant');
  });

  it("are ways of doing a plainer verb: to 'kick off' is to start, to 'put up' a mill to construct it", () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.collocationDoes('kick_off')).toContain('start');
    expect(lexicon.collocationDoes('put_up')).toContain('construct');
    // Only a verb's: a noun collocation names a thing, not a way of doing.
    expect(lexicon.collocationDoes('power_station')).toEqual([]);
  });

  it('are not talk made of short words, nor names only ever capitalised', () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.collocationAt(['so', 'long'], 0)).toBeUndefined();
    expect(lexicon.collocationAt(['united', 'states'], 0)).toBeUndefined();
    // A word that starts none, asked again (such words are not remembered).
    for (let i = 0; i < 2; i++) expect(lexicon.collocationAt(['quietly', 'called', 'off'], 0)).toBeUndefined();
  });

  it("are what a word says in its commonest senses, in several words: 'cancelled' is 'called off'", () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.collocationsOf('cancelled')).toContain('call_off');
    expect(lexicon.collocationsOf('established')).toContain('set_up');
    expect(lexicon.collocationsOf('delays')).toContain('hold_up');
  });
});

describe('the words for the same thing as a noun', () => {
  it('are the words of its commonest senses that have that sense among their own commonest', () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.nounSynonyms('choppers')).toContain('helicopter');
    expect(lexicon.nounSynonyms('subs')).toContain('submarine');
    // A form derived from a synonym: troops are soldiery, soldiery is soldiers.
    expect(lexicon.nounSynonyms('troops')).toContain('soldier');
    // "President" means a chairman only in its fourth sense.
    expect(lexicon.nounSynonyms('chairman')).not.toContain('president');
    // Never a narrower kind.
    expect(lexicon.nounSynonyms('flier')).not.toContain('pilot');
  });
});

describe('the class of thing a noun names', () => {
  it("is the common noun's, not a name's spelt the same", () => {
    const lexicon = Lexicon.shared();
    // Not W. C. Fields or Rosa Parks.
    expect(lexicon.nounClass('fields')).not.toBe('person');
    expect(lexicon.nounClass('parks')).not.toBe('person');
    expect(lexicon.nounClass('ministers')).toBe('person');
    // A name alone keeps its class.
    expect(lexicon.nounClass('france')).toBe('place');
  });
});

describe('the kinds a noun is of, two steps up', () => {
  it('are its own kinds and theirs, each once', () => {
    const lexicon = Lexicon.shared();
    const kinds = lexicon.kindsTwoUp('mango');
    expect(kinds).toEqual(expect.arrayContaining(['fruit', 'tree']));
    for (const k of lexicon.kinds('fruit')) expect(kinds).toContain(k);
    expect(new Set(kinds).size).toBe(kinds.length);
    // "catchphrase" is a slogan, and a slogan a kind of expression.
    expect(lexicon.kinds('catchphrase')).not.toContain('expression');
    expect(lexicon.kindsTwoUp('catchphrase')).toContain('expression');
  });
});

describe('the base forms of a word', () => {
  it('keep the verb of an irregular past that WordNet also lists as an adjective', () => {
    const lexicon = Lexicon.shared();
    expect(lexicon.bases('built')).toEqual(['built', 'build']);
    expect(lexicon.related('built')).toContain('construct');
    expect(lexicon.bases('held')).toContain('hold');
  });

  it('are the word alone where it is no irregular form', () => {
    expect(Lexicon.shared().bases('gas')).toEqual(['gas']);
  });

  it('of a plural are those of its singular where WordNet lacks the singular: an English word, not a name', () => {
    expect(Lexicon.shared().bases('drillers')).toEqual(Lexicon.shared().bases('driller'));
    expect(Lexicon.shared().partsOfSpeech('drillers')).toContain('n');
    expect(Lexicon.shared().bases('gunships')).toEqual([]);
  });

  it("gives the verbs that cause a verb's deed, and the nouns of its act", () => {
    expect(Lexicon.shared().causedBy('die')).toContain('kill');
    expect(Lexicon.shared().causes('kill')).toContain('die');
    expect(Lexicon.shared().actsOf('produce')).toContain('production');
    expect(Lexicon.shared().isGeneral('take')).toBe(true);
    expect(Lexicon.shared().isGeneral('injure')).toBe(false);
  });
});

describe('what a verb causes', () => {
  it("is what WordNet's cause pointers give in its commonest senses", () => {
    expect(Lexicon.shared().causes('kill')).toContain('die');
    expect(Lexicon.shared().causes('killed')).toContain('die');
    expect(Lexicon.shared().causes('die')).toEqual([]);
  });
});

describe('verbs too general to tell a deed', () => {
  it('are those of very many senses', () => {
    expect(Lexicon.shared().isGeneral('get')).toBe(true);
    expect(Lexicon.shared().isGeneral('die')).toBe(false);
  });
});

describe('the verb a word is a form of', () => {
  it('is the same when asked again, and none stays none', () => {
    const lexicon = new Lexicon();
    for (let round = 0; round < 2; round++) {
      expect(lexicon.verbOf('signed')).toBe('sign');
      expect(lexicon.verbOf('told')).toBe('tell');
      expect(lexicon.verbOf('helicopter')).toBeUndefined();
    }
  });
});

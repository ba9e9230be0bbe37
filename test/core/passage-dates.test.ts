import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { paragraphYear, publishedYear, toldYear } from '../../src/core/passage-facts.js';
import type { LoadedDocument } from '../../src/knowledge/load.js';
import type { Passage } from '../../src/knowledge/passages.js';
import { copyPack } from '../helpers/pack-fixture.js';

/** The sentences of doc1 that the minimal pack's facts quote. */
const QUOTED =
  'The bridge over the river was opened in 1999 at a cost of $5 million.\nCritics called it a “vanity project” — too costly.\n';

/** An engine on the minimal pack whose doc1 goes on with `more`, with any other files given. */
function engineWith(more: string, files: Record<string, string> = {}) {
  const pack = copyPack();
  pack.write('sources/doc1.txt', QUOTED + more);
  for (const [file, text] of Object.entries(files)) pack.write(file, text);
  return { engine: Engine.fromDir(pack.dir), remove: () => pack.remove() };
}

describe('a passage that holds a curated quote', () => {
  let engine: Engine;
  let remove = () => {};

  beforeAll(() => {
    // The sentence gives no year; the curator dated the fact that quotes part of it.
    ({ engine, remove } = engineWith(
      'Last week the mayor formally dedicated the new bridge to the people of the town.\n',
      {
        'facts/dedication.yaml': `facts:
  - id: bridge-dedicated
    statement: According to Ann Author, the mayor formally dedicated the new bridge.
    quote: the mayor formally dedicated the new bridge
    source: { document: doc1 }
    date: 2001
    kind: report
    topic: bridge
`,
      },
    ));
  });
  afterAll(() => remove());

  it("carries the curator's date when the passage is weighed for a claim", () => {
    expect(engine.check('In 2001 the mayor dedicated the new bridge to the people of the town.').verdict).toBe(
      'supported',
    );
    expect(engine.check('In 1995 the mayor dedicated the new bridge to the people of the town.').verdict).not.toBe(
      'supported',
    );
  });
});

describe('a passage that points back to a year its document gave', () => {
  let engine: Engine;
  let remove = () => {};

  beforeAll(() => {
    ({ engine, remove } = engineWith(
      'The old ferry across the lake stopped running in 2003.\nThe council approved a tunnel at the end of that year.\nThe mayor opened the tunnel four years later.\n',
    ));
  });
  afterAll(() => remove());

  const quoteOf = (question: string) => engine.ask(question).citations[0]?.quote ?? '';

  it('answers "when" with it, the quote kept as written', () => {
    expect(engine.ask('when did the council approve the tunnel').status).toBe('answered');
    expect(quoteOf('when did the council approve the tunnel')).toMatch(
      /^The council approved a tunnel at the end of that year/,
    );
    expect(quoteOf('council approve tunnel 2003')).toMatch(/that year/);
  });

  it('counts the years it says ("four years later"), and confirms a claim by it but never contradicts one', () => {
    expect(quoteOf('did the mayor open the tunnel in 2007')).toMatch(/four years later/);
    expect(engine.check('The mayor opened the tunnel in 2007.').verdict).toBe('supported');
    expect(engine.check('The mayor opened the tunnel in 2005.').verdict).not.toBe('supported');
    expect(engine.check('The mayor opened the tunnel in 2005.').verdict).not.toBe('contradicted');
  });
});

describe('the year of the paragraph a passage stands in', () => {
  /** The passage of `text` that begins with `sentence`, as the segmenter would give it. */
  const at = (text: string, sentence: string) => {
    const start = text.indexOf(sentence);
    return [{ text: sentence, start, end: start + sentence.length } as Passage, { text } as LoadedDocument] as const;
  };

  it('is the last year named before it in its paragraph, where the passage names none', () => {
    const text = 'In 2009 the port grew. The year 2011 was a hard one. In its last month a storm sank four boats.\n';
    expect(paragraphYear(...at(text, 'In its last month a storm sank four boats.'))).toBe('2011');
  });

  it('is nothing when the passage names a year of its own, or the year stands in another paragraph', () => {
    const text = 'The harbour was dredged in 2011.\nA storm sank four boats in 2012. Another sank two more.\n';
    expect(paragraphYear(...at(text, 'A storm sank four boats in 2012.'))).toBeUndefined();
    expect(
      paragraphYear(...at('The harbour was dredged in 2011.\nA storm sank four boats.\n', 'A storm sank four boats.')),
    ).toBeUndefined();
    expect(paragraphYear(...at(text, 'Another sank two more.'))).toBe('2012');
  });
});

describe('the year a passage points back to in the sentence right before it', () => {
  const at = (text: string, sentence: string) => {
    const start = text.indexOf(sentence);
    return [{ text: sentence, start, end: start + sentence.length } as Passage, { text } as LoadedDocument] as const;
  };

  it('is the year that sentence names, for "that year" in the passage\'s first sentence', () => {
    const text = 'Ties grew in 2014, the year the war ended. During that year, the embargo was lifted.';
    expect(toldYear(...at(text, 'During that year, the embargo was lifted.'))).toBe('2014');
  });

  it('is nothing for a year further back, a year of its own, or "that year" in a later sentence', () => {
    const back = 'Ties grew in 2014. Trade stalled. During that year, the embargo was lifted.';
    expect(toldYear(...at(back, 'During that year, the embargo was lifted.'))).toBeUndefined();
    const own = 'Ties grew in 2014. That year, in 2015, the embargo was lifted.';
    expect(toldYear(...at(own, 'That year, in 2015, the embargo was lifted.'))).toBeUndefined();
    const later = 'Ties grew in 2014. Trade stalled. That year the embargo was lifted.';
    expect(toldYear(...at(later, 'Trade stalled. That year the embargo was lifted.'))).toBeUndefined();
  });
});

describe('a passage dated by its paragraph or by the day its document was published', () => {
  let engine: Engine;
  let remove = () => {};

  beforeAll(() => {
    // doc1 is dated 2020-01-02.
    ({ engine, remove } = engineWith(
      'The flood of 2016 closed the valley road for months. Volunteers rebuilt the old mill on the riverbank.\n' +
        'Earlier this week the council signed a contract to repair the harbour wall.\n',
    ));
  });
  afterAll(() => remove());

  it("confirms a claim's year by the paragraph's year, and never contradicts one", () => {
    expect(engine.check('Volunteers rebuilt the old mill on the riverbank in 2016.').verdict).toBe('supported');
    const other = engine.check('Volunteers rebuilt the old mill on the riverbank in 2012.').verdict;
    expect(other).not.toBe('supported');
    expect(other).not.toBe('contradicted');
  });

  it('confirms a claim\'s year by the year of publication ("earlier this week"), never contradicts one', () => {
    expect(engine.check('In 2020 the council signed a contract to repair the harbour wall.').verdict).toBe('supported');
    const other = engine.check('In 2017 the council signed a contract to repair the harbour wall.').verdict;
    expect(other).not.toBe('supported');
    expect(other).not.toBe('contradicted');
  });

  it('does not answer "when" by the year of publication', () => {
    expect(
      engine.ask('when did the council sign a contract to repair the harbour wall').citations[0]?.quote ?? '',
    ).not.toMatch(/2020/);
  });
});

describe('the year a passage is dated by its publication', () => {
  const doc = (text: string, date: string | null) => ({ text, date }) as LoadedDocument;
  const passage = (text: string) => ({ text, start: 0, end: text.length, post: null }) as Passage;

  it('is the year of the document for "this week" or "today", the year before for "last year"', () => {
    expect(publishedYear(passage('Earlier this week the council met.'), doc('', '2018-08-10'))).toBe('2018');
    expect(publishedYear(passage('The mill closed today.'), doc('', '2007'))).toBe('2007');
    expect(publishedYear(passage('The mill closed last year.'), doc('', '2007-05-01'))).toBe('2006');
  });

  it('is nothing without such words, or without a date', () => {
    expect(publishedYear(passage('The mill closed in the spring.'), doc('', '2018'))).toBeUndefined();
    expect(publishedYear(passage('The mill closed today.'), doc('', null))).toBeUndefined();
  });
});

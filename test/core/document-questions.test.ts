import { describe, expect, it } from 'vitest';
import {
  documentAnswer,
  documentAsked,
  documentFact,
  documentNamed,
  documentOf,
} from '../../src/core/document-questions.js';
import type { LoadedDocument } from '../../src/knowledge/load.js';

const doc = (entry: Partial<LoadedDocument> & Pick<LoadedDocument, 'id' | 'title' | 'text'>): LoadedDocument =>
  ({ author: null, publisher: null, date: null, kind: 'article', normalized: '', ...entry }) as LoadedDocument;

const LONG =
  'The river bridge opened to traffic on Monday after six years of work, two changes of contractor and a long dispute over who would pay for the approach roads.';
const bridge = doc({
  id: 'bridge',
  title: 'The River Bridge Opens at Last',
  author: 'Mara Lind',
  publisher: 'Northgate Courier (first published on Valley News)',
  date: '2021-03-08',
  text: `# The River Bridge Opens at Last\n\nBy [Mara Lind](#)\n\nNorthgate Courier, March 08, 2021\n\n${LONG}\n\n*This article was originally published on Valley News.*\n`,
});
const tolls = doc({
  id: 'tolls',
  title: 'Who Pays for the Bridge?',
  author: 'Olek Brandt',
  publisher: 'Harbour Post',
  date: '2021',
  kind: 'opinion',
  text: `Who Pays for the Bridge?\n\n${LONG}\n`,
});
const DOCS = [bridge, tolls];

describe('a question about a document itself', () => {
  it('asks who wrote a piece, or where or when it came out', () => {
    expect(documentAsked('who wrote "the river bridge opens at last"')).toBe('author');
    expect(documentAsked("who's the author of the courier article")).toBe('author');
    expect(documentAsked('where was the 2021 lind piece first published')).toBe('publisher');
    expect(documentAsked('which outlet ran the op-ed on tolls')).toBe('publisher');
    expect(documentAsked('when did the courier put out its bridge article')).toBe('date');
  });

  it('is none when it asks about what the documents tell, or names no piece of writing', () => {
    expect(documentAsked('who built the river bridge')).toBeNull();
    // A report, a study or a paper is what news reports on, not the news itself.
    expect(documentAsked('when was the engineers report published')).toBeNull();
    expect(documentAsked('when did the harvard researchers publish')).toBeNull();
    expect(documentAsked('who wrote war and peace')).toBeNull();
  });

  it('names the document most of its own words name, by title, author, publisher, year or a kind only it has', () => {
    expect(documentNamed('who wrote "the river bridge opens at last"', DOCS)?.id).toBe('bridge');
    expect(documentNamed('where was the 2021 lind piece first published', DOCS)?.id).toBe('bridge');
    expect(documentNamed('who wrote the opinion piece', DOCS)?.id).toBe('tolls');
    // One title word is any document's subject; two documents named alike name neither.
    expect(documentNamed('who wrote the bridge piece', DOCS)).toBeUndefined();
    expect(documentNamed('who wrote the bridge piece in 2021', DOCS)).toBeUndefined();
  });

  it('is answered by the entry, cited with the byline and dateline the text gives', () => {
    const fact = documentAnswer('when did the northgate courier put out the river bridge article', DOCS)!;
    expect(fact.statement).toBe(
      '“The River Bridge Opens at Last” is by Mara Lind, published by Northgate Courier (first published on Valley News) on 8 March 2021.',
    );
    expect(fact.quote).toBe('By [Mara Lind](#)\n\nNorthgate Courier, March 08, 2021');
    expect(bridge.text).toContain(fact.quote);
    expect(documentOf(fact.id)).toBe('bridge');
    // No masthead: the title line is what the text says of it.
    expect(documentFact(tolls).quote).toBe('Who Pays for the Bridge?');
    expect(documentFact(tolls).statement).toBe(
      '“Who Pays for the Bridge?” is by Olek Brandt, published by Harbour Post in 2021.',
    );
  });

  it('walks the documents only for a question about one: the engine passes them lazily', () => {
    const untouchable: Iterable<LoadedDocument> = {
      [Symbol.iterator]: () => {
        throw new Error('walked the documents');
      },
    };
    expect(documentAnswer('when did russia lift the arms embargo', untouchable)).toBeUndefined();
  });

  it('is left to the passages when the entry does not give what is asked', () => {
    const unsigned = doc({ ...bridge, id: 'unsigned', author: null });
    expect(documentAnswer('who wrote "the river bridge opens at last"', [unsigned, tolls])).toBeUndefined();
  });
});

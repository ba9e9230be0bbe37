/**
 * Passages: sentences found where a reader finds them, quoted verbatim by construction,
 * assigned to their forum post, boilerplate and abuse left out, dependent sentences joined
 * to the one they point back to.
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/knowledge/load.js';
import { cachePath } from '../../src/knowledge/parsed-cache.js';
import {
  buildPassages,
  type Passage,
  PassageFinder,
  type PassageDocument,
  PassageTable,
  sectionHeadings,
} from '../../src/knowledge/passages.js';
import { headingOf } from '../../src/core/passage-facts.js';
import type { LoadedDocument } from '../../src/knowledge/load.js';
import type { DocumentKind } from '../../src/knowledge/schema.js';
import { sentenceSpans } from '../../src/knowledge/sentences.js';
import { wordMatcher } from '../../src/knowledge/text.js';
import { copyPack, MIN_PACK, type PackCopy } from '../helpers/pack-fixture.js';

const knowledge = loadPack('knowledge');
const minimal = loadPack(MIN_PACK);

const sentences = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

function doc(text: string, over: Partial<PassageDocument> = {}): PassageDocument {
  return { id: 'doc', title: 'A title', author: 'Ann Author', kind: 'article', text, ...over };
}
const passageTexts = (text: string, over: Partial<PassageDocument> = {}, denylist: string[] = []) =>
  buildPassages([doc(text, over)], { denylist }).map((p) => p.text);

describe('sentence boundaries', () => {
  it.each([
    [
      'titles before names',
      'He met Mr. Smith and Dr. Jones in the capital. They talked for hours.',
      ['He met Mr. Smith and Dr. Jones in the capital.', 'They talked for hours.'],
    ],
    [
      'a full stop that lost its space in copying',
      'Supply was stopped till the work was completed.The movement took the case to court. See www.Example.org and ndtv.com.',
      [
        'Supply was stopped till the work was completed.',
        'The movement took the case to court.',
        'See www.Example.org and ndtv.com.',
      ],
    ],
    [
      'a dotted initialism before a name',
      'The U.S. President spoke at length. Reporters left.',
      ['The U.S. President spoke at length.', 'Reporters left.'],
    ],
    [
      'a dotted initialism ending a sentence',
      'The talks moved to the U.S. In 2011 they failed.',
      ['The talks moved to the U.S.', 'In 2011 they failed.'],
    ],
    [
      '"No." before a number',
      'Resolution No. 5 was adopted. It passed.',
      ['Resolution No. 5 was adopted.', 'It passed.'],
    ],
    [
      'initials',
      'The book by J. R. R. Tolkien sold well. George W. Bush read it.',
      ['The book by J. R. R. Tolkien sold well.', 'George W. Bush read it.'],
    ],
    [
      'decimal numbers',
      'The deal was worth $2.5 billion in 2015. Talks ended.',
      ['The deal was worth $2.5 billion in 2015.', 'Talks ended.'],
    ],
    [
      '"e.g." inside brackets',
      'They share interests (e.g. Afghanistan, Iran). Both agree.',
      ['They share interests (e.g. Afghanistan, Iran).', 'Both agree.'],
    ],
    [
      'a markdown link',
      'Ties are at [their best-ever point](#). Trade grew.',
      ['Ties are at [their best-ever point](#).', 'Trade grew.'],
    ],
    ['a stripped link "(#)"', 'The ministry said so (#). Trade grew.', ['The ministry said so (#).', 'Trade grew.']],
    [
      'a quotation of several sentences',
      'He said: “We are ready. We will sign.” Then he left.',
      ['He said: “We are ready. We will sign.”', 'Then he left.'],
    ],
    [
      'a month abbreviation before a day',
      'They met in Moscow on Feb. 20, 2018 to talk. Nothing came of it.',
      ['They met in Moscow on Feb. 20, 2018 to talk.', 'Nothing came of it.'],
    ],
    [
      'headings and list items on their own lines',
      '# The Title\n\nFirst point here.\n- One item here\n- Two items here',
      ['# The Title', 'First point here.', '- One item here', '- Two items here'],
    ],
    [
      'a wrapped line that goes on',
      'It should not be forgotten that very few people\n\nthought they would meet again. They did.',
      ['It should not be forgotten that very few people\n\nthought they would meet again.', 'They did.'],
    ],
    ['a short line that is a line of its own', 'See All\n\nbottom of page', ['See All', 'bottom of page']],
  ])('handles %s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe('passages of one document', () => {
  it('strip heading, list and emphasis markup but keep markdown links', () => {
    const text =
      '## Four Visits In Two Weeks Now\n\n- Popularize the slogan in both countries soon.\n* Sign agreements for more academic exchanges.\n*Russia and Pakistan are well on their way.*\n[Russian-Pakistani relations](#) are at their best-ever point.';
    expect(passageTexts(text)).toEqual([
      'Popularize the slogan in both countries soon.',
      'Sign agreements for more academic exchanges.',
      'Russia and Pakistan are well on their way.',
      '[Russian-Pakistani relations](#) are at their best-ever point.',
    ]);
  });

  it('join a sentence that points back to the one before it, within a paragraph, at most three', () => {
    const text =
      'The minister arrived in Moscow on Monday. He added that talks would go on. However, nothing was signed that week.\n\n' +
      'It was the second visit this year, officials said.\n\n' +
      'Trade grew by a tenth last year. It grew again in spring. This pleased both sides a lot. They met again in June.';
    expect(passageTexts(text)).toEqual([
      'The minister arrived in Moscow on Monday. He added that talks would go on. However, nothing was signed that week.',
      'It was the second visit this year, officials said.',
      'Trade grew by a tenth last year. It grew again in spring. This pleased both sides a lot.',
      'They met again in June.',
    ]);
  });

  it('join a sentence that counts part of what the one before counted ("of those deaths")', () => {
    const text =
      'The storm killed 1,800 people in 2005. More than 1,500 of those deaths were in the delta.\n\nThe port reopened to ships a month later.';
    expect(passageTexts(text)).toEqual([
      'The storm killed 1,800 people in 2005. More than 1,500 of those deaths were in the delta.',
      'The port reopened to ships a month later.',
    ]);
  });

  it('drop fragments, headings, the title, page chrome and the footer', () => {
    const text = [
      '# Ties Between Two Countries Grow Stronger',
      'Ties between two countries grow stronger',
      'On Opposite Sides of the Cold War',
      'By Ann Author',
      'Global Research, August 10, 2018',
      'Region: Asia, Russia and the former Soviet Union',
      'Note to readers: please click the share buttons above',
      'Neo Senior Member Senior Member',
      'Feb 17, 2009',
      'Likes Received:',
      'Likes Received: 4',
      'Messages: 1,203',
      'Click to expand...',
      'Last edited: Oct 1, 2015',
      'Sakal Gharelu Ustad likes this.',
      'Talks ended.',
      'The two governments signed a pipeline agreement in 2015.',
      // A footer in the second half ends the content: the notices after it are sentences, but not content.
      'Copyright © Ann Author, Test Press, 2018',
      'The material on this site is distributed without profit to those interested in it.',
    ].join('\n');
    expect(passageTexts(text, { title: 'Ties between two countries grow stronger' })).toEqual([
      'The two governments signed a pipeline agreement in 2015.',
    ]);
  });

  it("keep a fact box's lines that give a figure for a label, and a list's items, however short, but not its heading", () => {
    const text = [
      'The dam was finished in 2006 after two decades of work.',
      'Features of the dam',
      'Height: 122 metres',
      'Cost: Rs 22,000 crore',
      'Region: Asia and Europe',
      '• Irrigate 5.5 lakh hectares',
      '- Connect the canals of both states',
      '- One item',
    ].join('\n');
    expect(passageTexts(text)).toEqual([
      'The dam was finished in 2006 after two decades of work.',
      'Height: 122 metres',
      'Cost: Rs 22,000 crore',
      'Irrigate 5.5 lakh hectares',
      'Connect the canals of both states',
    ]);
  });

  it('never carry a denylisted term, even inside a longer sentence', () => {
    expect(
      passageTexts('The envoys met in the capital today. Some badword was shouted at them there.', {}, ['badword']),
    ).toEqual(['The envoys met in the capital today.']);
  });
});

describe('passages across documents', () => {
  const NOTICE = 'The publisher will not be responsible for any inaccurate statement in this article.';
  const BIO = 'Ann Author is an analyst based in Moscow who writes about South Asia.';
  const docs = [
    doc(`The pipeline was agreed in 2015 by both sides. ${NOTICE}\n${BIO}`, { id: 'a' }),
    doc(`The drills were held in 2016 for the first time. ${NOTICE}\n${BIO}`, { id: 'b' }),
  ];

  it('drop a sentence repeated in several documents, but keep one copy of an author bio', () => {
    const passages = buildPassages(docs);
    expect(passages.map((p) => p.text)).toEqual([
      'The pipeline was agreed in 2015 by both sides.',
      BIO,
      'The drills were held in 2016 for the first time.',
    ]);
    expect(passages.find((p) => p.text === BIO)!.document).toBe('a');
  });

  it('are the same on every build, with ids from their offsets', () => {
    expect(buildPassages(docs)).toEqual(buildPassages(docs));
    expect(buildPassages(knowledge.documents.values(), { denylist: knowledge.meta.denylist })).toEqual(
      knowledge.passages,
    );
    for (const p of knowledge.passages) expect(p.id).toBe(`${p.document}:${p.start}`);
    expect(new Set(knowledge.passages.map((p) => p.id)).size).toBe(knowledge.passages.length);
  });

  it('take their kind and author from the document', () => {
    const kinds: [DocumentKind, string][] = [
      ['analysis', 'report'],
      ['article', 'report'],
      ['overview', 'report'],
      ['report', 'report'],
      ['opinion', 'opinion'],
      ['forum thread', 'forum_claim'],
    ];
    for (const [kind, expected] of kinds) {
      const [p] = buildPassages([doc('The two countries signed a trade agreement.', { kind })]);
      expect(p, kind).toMatchObject({ kind: expected, author: 'Ann Author', post: null });
    }
  });
});

/** Every passage of a pack: verbatim, in order, apart, within its post's lines. */
function expectSound(pack: Pack) {
  expect(pack.passages.length).toBeGreaterThan(0);
  let previous = { document: '', end: 0 };
  for (const p of pack.passages) {
    const d = pack.documents.get(p.document)!;
    expect(p.text, p.id).toBe(d.text.slice(p.start, p.end));
    expect(p.text.trim(), p.id).toBe(p.text);
    if (p.document === previous.document)
      expect(p.start, `${p.id} overlaps the passage before`).toBeGreaterThanOrEqual(previous.end);
    previous = p;
    if (!d.posts) {
      expect(p.post).toBeNull();
      continue;
    }
    const post = d.posts.find((x) => x.n === p.post);
    expect(post, `${p.id} belongs to a listed post`).toBeDefined();
    const [first, last] = post!.lines.split('-').map(Number) as [number, number];
    const line = (offset: number) => d.text.slice(0, offset).split('\n').length;
    expect(line(p.start), p.id).toBeGreaterThanOrEqual(first);
    expect(line(p.end), p.id).toBeLessThanOrEqual(last);
    expect(p.author).toBe(post!.author);
  }
}

describe('the packs’ passages', () => {
  it('are verbatim slices of their documents, in order, inside their forum posts', () => {
    expectSound(knowledge);
    expectSound(minimal);
  });

  it('are verbatim for any text', () => {
    const pieces = [
      'Mr. ',
      'U.S. ',
      'He said ',
      '“Go. ',
      'Now.” ',
      '(e.g. ',
      'it) ',
      '2.5 ',
      '\n',
      '\n\n',
      '# ',
      '- ',
      '*',
      'word ',
      'Words here. ',
      'The talks ended. ',
      'However, ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        let end = 0;
        for (const p of buildPassages([doc(text)])) {
          expect(p.text).toBe(text.slice(p.start, p.end));
          expect(p.start).toBeGreaterThanOrEqual(end);
          end = p.end;
        }
      }),
    );
  });

  it('give each forum post its poster and kind', () => {
    const of = (post: number) => minimal.passages.filter((p) => p.document === 'thread1' && p.post === post);
    // A member's short line without a full stop is the claim itself, not a heading.
    expect(of(1).map((p) => [p.text, p.kind, p.author])).toEqual([
      ['alice: the bridge was never opened', 'forum_claim', 'alice'],
    ]);
    expect(of(2).map((p) => [p.text, p.kind, p.author])).toEqual([['bob: the bridge is lovely', 'opinion', 'bob']]);
    const thread = knowledge.documents.get('002_d57abdb7534d7e89')!;
    const kinds = {
      article: 'report',
      summary: 'report',
      opinion: 'opinion',
      claim: 'forum_claim',
      question: 'forum_claim',
    };
    for (const post of thread.posts!) {
      const mine = knowledge.passages.filter((p) => p.document === thread.id && p.post === post.n);
      expect(mine.length, `post ${post.n}`).toBeGreaterThan(0);
      for (const p of mine) expect(p.kind).toBe(kinds[post.kind]);
    }
  });

  it('leave out forum chrome, page furniture, notices and abuse', () => {
    const denied = wordMatcher(knowledge.meta.denylist)!;
    const chrome =
      /Likes Received|Senior Member|Moderator Moderator|Copyright|Disclaimer|share buttons|^Articles by|Centre for Research on Globalization|Recent Posts|bottom of page/;
    for (const p of knowledge.passages) {
      expect(p.text, p.id).not.toMatch(chrome);
      expect(denied.test(p.text), p.id).toBe(false);
      expect(p.text.match(/[\p{L}\p{N}]+/gu)!.length, p.id).toBeGreaterThanOrEqual(5);
    }
    // The author's bio, repeated in two documents of the same author, is kept once.
    expect(
      knowledge.passages.filter((p) => p.text.includes('is an American Moscow-based political analyst')),
    ).toHaveLength(1);
  });

  it('hold every curated quote, except quotes from sentences that carry abuse', () => {
    const finder = new PassageFinder(knowledge.passages, knowledge.documents);
    const denied = wordMatcher(knowledge.meta.denylist)!;
    for (const fact of knowledge.facts) {
      const found = finder.find(fact.quote, fact.source.document, fact.source.post);
      if (found.length > 0) {
        expect(
          found.every((p) => p.document === fact.source.document && p.post === (fact.source.post ?? null)),
          fact.id,
        ).toBe(true);
        continue;
      }
      // Not in a passage: then the sentence it comes from was left out for its abuse.
      const text = knowledge.documents.get(fact.source.document)!.text;
      const words = fact.quote.split(/\s+/).slice(0, 4).join(' ');
      const sentence = sentences(text).find((s) => s.includes(words));
      expect(sentence, fact.id).toBeDefined();
      expect(denied.test(sentence!), `${fact.id} is in no passage`).toBe(true);
    }
  });
});

describe('the passage finder', () => {
  const text = 'The minister arrived in Moscow on Monday.\nThe pipeline will cost $2 billion in all, officials said.';
  const docs = new Map([['doc', { text }]]);
  const finder = new PassageFinder(buildPassages([doc(text)]), docs);

  it('finds the passage holding a quote, ignoring curly quotes, dashes and spacing', () => {
    expect(finder.find('pipeline  will cost $2 billion', 'doc').map((p) => p.start)).toEqual([
      text.indexOf('The pipeline'),
    ]);
  });

  it('finds every passage holding a quote, where a lead is repeated in the body with its links', () => {
    const lead = '*The partnership entered a new phase last week after two visits by officials.*';
    const body = 'The partnership ("[Yaar Yaar](#)") entered a new phase last week after two visits by officials.';
    const repeated = `${lead}\n\n## A New Phase\n\n${body}`;
    const finding = new PassageFinder(buildPassages([doc(repeated)]), new Map([['doc', { text: repeated }]]));
    expect(finding.find('entered a new phase last week', 'doc').map((p) => p.start)).toEqual([
      repeated.indexOf('The partnership entered'),
      repeated.indexOf('The partnership ("'),
    ]);
    expect(finding.find('The partnership ("Yaar Yaar") entered', 'doc').map((p) => p.start)).toEqual([
      repeated.indexOf('The partnership ("'),
    ]);
  });

  it('finds the passages a quote runs across, and none for text in no passage', () => {
    expect(finder.find('on Monday. The pipeline', 'doc')).toHaveLength(2);
    expect(finder.find('not in the text', 'doc')).toEqual([]);
    expect(finder.find('The minister arrived', 'other')).toEqual([]);
  });

  it('finds quotes in one document after another and back (it keeps one document in normal form)', () => {
    const other = 'Talks resumed in Islamabad on Tuesday.\nThe minister arrived late for the second round of talks.';
    const two = new PassageFinder(
      buildPassages([doc(text), doc(other, { id: 'other' })]),
      new Map([
        ['doc', { text }],
        ['other', { text: other }],
      ]),
    );
    const starts = (quote: string, document: string) => two.find(quote, document).map((p) => [p.document, p.start]);
    for (let round = 0; round < 2; round++) {
      expect(starts('The minister arrived', 'doc')).toEqual([['doc', 0]]);
      expect(starts('The minister arrived', 'other')).toEqual([['other', other.indexOf('The minister')]]);
      expect(starts('Talks resumed', 'doc')).toEqual([]);
    }
  });
});

describe('loading passages', () => {
  let pack: PackCopy | undefined;
  afterEach(() => pack?.remove());

  it('reads them back from a parsed cache of their own, and ignores cached offsets that do not fit the text', () => {
    pack = copyPack();
    const fresh = loadPack(pack.dir);
    expect(loadPack(pack.dir).passages).toEqual(fresh.passages);
    // Apart from the YAML's: a start from a saved index reads the YAML's only.
    expect(JSON.parse(readFileSync(cachePath(pack.dir)!, 'utf8'))['passages:doc1']).toBeUndefined();
    const cache = JSON.parse(readFileSync(cachePath(pack.dir, 'passages')!, 'utf8'));
    const entry = cache['passages:doc1'];
    expect(entry, 'passages are cached').toBeDefined();
    entry.data = [{ start: 0, end: 10_000, post: null }];
    writeFileSync(cachePath(pack.dir, 'passages')!, JSON.stringify(cache));
    expect(loadPack(pack.dir).passages).toEqual(fresh.passages);
  });

  it('segments a document again when its text changes', () => {
    pack = copyPack();
    loadPack(pack.dir);
    const text = readFileSync(`${pack.dir}/sources/doc1.txt`, 'utf8');
    pack.write('sources/doc1.txt', `${text}\nEngineers praised the design of the bridge.\n`);
    expect(loadPack(pack.dir).passages.map((p) => p.text)).toContain('Engineers praised the design of the bridge.');
  });
});

describe('the passage table', () => {
  /** The real pack's passages as a saved index keeps them: offsets by document. */
  function savedTable() {
    const docs: string[] = [];
    const first: number[] = [];
    knowledge.passages.forEach((p, i) => {
      if (docs.at(-1) !== p.document) {
        docs.push(p.document);
        first.push(i);
      }
    });
    first.push(knowledge.passages.length);
    const ints = (f: (p: Passage) => number) => Int32Array.from(knowledge.passages, f);
    return PassageTable.saved(
      docs.map((id) => knowledge.documents.get(id)!),
      {
        first: Int32Array.from(first),
        start: ints((p) => p.start),
        end: ints((p) => p.end),
        post: ints((p) => p.post ?? -1),
      },
    );
  }
  /** A passage's fields, whether they are its own or its class's getters. */
  const plain = ({ id, document, post, start, end, text, kind, author }: Passage) => ({
    id,
    document,
    post,
    start,
    end,
    text,
    kind,
    author,
  });

  it('reads from saved offsets the passages they were saved from, each made when asked for', () => {
    const table = savedTable();
    expect(table.length).toBe(knowledge.passages.length);
    expect(table.toArray().map(plain)).toEqual(knowledge.passages.map(plain));
    expect(table.at(3)).not.toBe(table.at(3));
    const listed = PassageTable.of(knowledge.passages);
    for (const id of knowledge.documents.keys()) expect(table.range(id)).toEqual(listed.range(id));
    knowledge.passages.forEach((p, i) => expect(table.start(i)).toBe(p.start));
  });

  it('finds quotes through a saved table as through the list', () => {
    const fromTable = new PassageFinder(savedTable(), knowledge.documents);
    const fromList = new PassageFinder(knowledge.passages, knowledge.documents);
    for (const fact of knowledge.facts.slice(0, 60))
      expect(fromTable.find(fact.quote, fact.source.document, fact.source.post).map(plain)).toEqual(
        fromList.find(fact.quote, fact.source.document, fact.source.post).map(plain),
      );
  });

  it('refuses a list whose documents do not stand together', () => {
    const [a, b, c] = knowledge.passages.filter((p, i, all) => i > 0 && p.document !== all[i - 1]!.document);
    expect(() => PassageTable.of([a!, b!, c!, a!])).toThrow(/not together/);
  });
});

describe('section headings', () => {
  const text = [
    'Ties between two rivals',
    '',
    'The two countries were rivals for decades, and their trade was modest.',
    '## Energy',
    'A pipeline is planned between the two largest cities of the north.',
    'Gas pipeline “North Stream”',
    '',
    'The memorandum was signed in 2015 and the agreement in 2021.',
    'Joint exercises:',
    '- Friendship: special forces train together every year.',
  ].join('\n');

  it('are markdown headings and short lines alone without a full stop, after the title', () => {
    const headings = sectionHeadings(text).map((h) => h.text);
    expect(headings).toEqual(['Energy', 'Gas pipeline “North Stream”', 'Joint exercises']);
    // A line ending as a sentence does is text, however short.
    expect(sectionHeadings('Intro text that is long enough here.\nIt was signed.\nMore.').map((h) => h.text)).toEqual(
      [],
    );
  });

  it('stand over the passages that follow them, up to the next', () => {
    const loaded = { ...doc(text), normalized: text } as unknown as LoadedDocument;
    const topics = buildPassages([doc(text)]).map((p) => [p.text.slice(0, 20), headingOf(p, loaded) ?? '']);
    expect(topics).toEqual([
      ['The two countries we', ''],
      ['A pipeline is planne', 'Energy'],
      ['The memorandum was s', 'Gas pipeline “North Stream”'],
      ['Friendship: special ', 'Joint exercises'],
    ]);
  });
});

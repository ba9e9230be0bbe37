/**
 * Questions about a document itself: who wrote it, where or when it was published ("who wrote
 * “Russia's Return to South Asia”", "when did Global Research put out the return to South Asia
 * piece"). No sentence of the document says it (the byline and the dateline are not
 * passages), but its entry in documents.yaml does: the answer is that entry, cited with the
 * lines of the text that give it (the byline, the dateline, an "originally published on" note).
 *
 *   const asked = documentAsked('who wrote the 2019 Korybko article');   // 'author'
 *   const doc = documentNamed('who wrote the 2019 Korybko article', documents.values());
 *   const fact = doc && documentFact(doc);
 */
import type { LoadedDocument } from '../knowledge/load.js';
import { isBoilerplate } from '../knowledge/boilerplate.js';
import { plainText } from '../knowledge/passages.js';
import type { Fact } from '../knowledge/schema.js';
import { publisherName } from './passage-facts.js';
import { terms } from './tokens.js';

export type DocumentAsk = 'author' | 'publisher' | 'date';

/** Facts made from a document's entry are told from passages and curated facts by this prefix. */
const DOCUMENT_ID = 'document:';

/** The document whose entry a fact id is, or undefined for a passage's or a curated fact's id. */
export const documentOf = (id: string): string | undefined =>
  id.startsWith(DOCUMENT_ID) ? id.slice(DOCUMENT_ID.length) : undefined;

/** Verbs of bringing a piece out, past or present: "published", "put out", "ran", "appeared". */
const PUBLISHED = `(?:publish(?:ed|es)?|post(?:ed|s)?|print(?:ed|s)?|put out|puts out|ran|run|runs|carr(?:y|ied|ies)|appear(?:ed|s)?|c[ao]me out|release[ds]?|first out)`;
/** What each kind of question about a document looks like. */
const ASKS: [RegExp, DocumentAsk][] = [
  [
    /\bwho (?:wrote|writes|has written|had written|authored|penned)\b|\bwho(?:'s| is| was) (?:the )?(?:author|writer)\b|\bwritten by whom\b/,
    'author',
  ],
  [
    new RegExp(
      String.raw`\b(?:where|(?:which|what|in what|on what|in which|on which) (?:outlet|publication|site|website|newspaper|magazine|publisher|media))\b.*\b${PUBLISHED}\b|\bwho (?:published|publishes|ran|carried)\b`,
    ),
    'publisher',
  ],
  [
    new RegExp(String.raw`\b(?:when|(?:what|which) (?:date|day|month|year))\b.*\b(?:${PUBLISHED}|written|wrote)\b`),
    'date',
  ],
];

/**
 * Words naming a piece of writing as a reader calls it. A report, a study or a paper is left
 * out: news tells of those ("when was the report published" asks of the report the article
 * reports), so they do not name the article.
 */
const PIECE =
  /\b(?:article|piece|post|blog|op-?ed|column|story|essay|analysis|commentary|overview|editorial|opinion|thread)s?\b|["“][^"”]{6,}["”]/;

/** Words of a question that ask about a document rather than name one. */
const ASKING = new Set(
  terms(
    'who what which where when date day month year wrote written write writer author authored penned publish published publication outlet site website newspaper magazine publisher media put out ran run carried appeared came come out first originally initially released posted printed piece post blog op-ed column story essay commentary editorial',
  ),
);

/** What a question asks about a document itself, or null when it asks about what documents say. */
export function documentAsked(question: string): DocumentAsk | null {
  const text = question.toLowerCase().replace(/[‘’]/g, "'");
  if (!PIECE.test(text)) return null;
  return ASKS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** A name (its author's, its publisher's) names a document more surely than a word of its title. */
const NAME_WEIGHT = 2;

/**
 * How surely each of the terms by which a question may name a document does: its title, year
 * and kind, its author and publisher. A kind only it has ("the overview") names it as its name does.
 */
function namingTerms(doc: LoadedDocument, soleKind: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms([doc.title, doc.date?.slice(0, 4) ?? ''].join(' '))) out.set(t, 1);
  for (const t of terms(doc.kind)) out.set(t, soleKind ? NAME_WEIGHT : 1);
  for (const t of terms([doc.author ?? '', doc.publisher ?? ''].join(' '))) out.set(t, NAME_WEIGHT);
  return out;
}

/** Least weight of a question's own words naming a document: one title word could be any document's subject. */
const MIN_NAMING = 2;

/**
 * The document a question names by its title, author, publisher, year or kind: the one that
 * the question's own words (those not asking) name most surely, and more surely than any
 * other, with at least half of those words. Undefined when none does, or two do alike.
 */
export function documentNamed(question: string, documents: Iterable<LoadedDocument>): LoadedDocument | undefined {
  const own = [...new Set(terms(question))].filter((t) => !ASKING.has(t));
  if (own.length === 0) return undefined;
  const all = [...documents];
  const kinds = new Map<string, number>();
  for (const doc of all) kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
  const scored = all
    .map((doc) => {
      const naming = namingTerms(doc, kinds.get(doc.kind) === 1);
      const named = own.filter((t) => naming.has(t));
      return { doc, weight: named.reduce((sum, t) => sum + naming.get(t)!, 0), share: named.length / own.length };
    })
    .sort((a, b) => b.weight - a.weight);
  const [best, next] = scored;
  if (!best || best.weight < MIN_NAMING || best.share < 0.5 || (next && next.weight === best.weight)) return undefined;
  return best.doc;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** "2019-07-09" as "9 July 2019", "2019-07" as "July 2019". */
function spokenDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean).join(' ');
}

/** Lines longer than this are the body's sentences, not a byline or a dateline. */
const MASTHEAD_LINE = 120;

/**
 * The span of the text that says who wrote the document and where and when it came out: its
 * byline and dateline lines (short lines naming the author, the publisher or the year), else a
 * note that it was first published elsewhere, else its title line.
 */
function mastheadSpan(doc: LoadedDocument): string {
  const publisher = doc.publisher ? publisherName(doc.publisher).toLowerCase() : undefined;
  const year = doc.date?.slice(0, 4);
  const says = (plain: string) => {
    const lower = plain.toLowerCase();
    return (
      (!!doc.author && lower.includes(doc.author.toLowerCase())) ||
      (!!publisher && lower.includes(publisher)) ||
      (!!year && lower.includes(year))
    );
  };
  const lines = [...doc.text.matchAll(/^[^\n]+$/gm)].map((m) => ({
    at: m.index!,
    line: m[0],
    plain: plainText(m[0]).trim(),
  }));
  // The masthead stands before the body's first sentence: a long line.
  const body = lines.findIndex((l) => l.plain.length > MASTHEAD_LINE);
  const masthead = lines
    .slice(0, body < 0 ? lines.length : body)
    .filter((l) => l.plain.length > 0 && isBoilerplate(l.plain) && says(l.plain));
  if (masthead.length) {
    const first = masthead[0]!;
    const last = masthead.at(-1)!;
    return doc.text.slice(first.at, last.at + last.line.length);
  }
  const note = lines.find((l) => /\b(?:originally|first) published\b/i.test(l.plain));
  return note?.line ?? doc.title;
}

/** The document's entry as a fact: who wrote it, who published it and when, cited with its masthead. */
export function documentFact(doc: LoadedDocument): Fact {
  const by = doc.author ? ` is by ${doc.author}` : '';
  const published = [
    doc.publisher ? `published by ${doc.publisher}` : '',
    doc.date ? `${doc.date.length === 10 ? 'on' : 'in'} ${spokenDate(doc.date)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const statement = `“${doc.title}”${by}${by && published ? ', ' : published ? ' was ' : ''}${published}.`;
  return {
    id: `${DOCUMENT_ID}${doc.id}`,
    statement,
    quote: mastheadSpan(doc),
    source: { document: doc.id },
    kind: 'report',
    topic: '',
    tags: [],
  };
}

/**
 * The fact that answers a question about a document itself, or undefined: the question asks
 * who wrote a piece or where or when it came out, names one document, and that document's
 * entry gives what is asked.
 */
export function documentAnswer(question: string, documents: Iterable<LoadedDocument>): Fact | undefined {
  const asked = documentAsked(question);
  if (!asked) return undefined;
  const doc = documentNamed(question, documents);
  if (!doc) return undefined;
  const known = asked === 'author' ? doc.author : asked === 'publisher' ? doc.publisher : doc.date;
  return known ? documentFact(doc) : undefined;
}

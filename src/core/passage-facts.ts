/**
 * Passages as the engine cites them: each sentence of a source becomes a fact whose
 * statement is the passage itself, said with its source ("According to Andrew Korybko
 * (Global Research, 2018): “…”"), and whose quote is the passage, verbatim by construction.
 * A forum member's words are said as a forum member's. Nothing is paraphrased.
 *
 * A curated fact outranks the passage that holds its quote: `Covered` tells, for a passage,
 * which curated facts quote it, so the same words are never said twice.
 *
 *   const facts = pack.passages.map((p) => passageFact(p, pack.documents.get(p.document)!));
 */
import type { LoadedDocument } from '../knowledge/load.js';
import {
  type Heading,
  PassageFinder,
  type PassageTable,
  plainText,
  type Passage,
  sectionHeadings,
} from '../knowledge/passages.js';
import type { Fact } from '../knowledge/schema.js';
import type { LazyFacts } from './fact-index.js';
import { NUMBER_WORDS } from './figures.js';

/** No facts, shared: most passages are quoted by none. */
const NONE: readonly string[] = Object.freeze([]);

/** Passages are told from facts by this prefix of their id. */
const PASSAGE_ID = 'passage:';

export const isPassage = (fact: Pick<Fact, 'id'>): boolean => fact.id.startsWith(PASSAGE_ID);

/** A publisher's name as a passage is said with it: "Agence France-Presse, via TerraDaily" is Agence France-Presse. */
export const publisherName = (publisher: string): string => publisher.replace(/\s*[(,].*$/, '');

/** Who says a passage, as the bot introduces it. */
function attribution(passage: Passage, doc: LoadedDocument): string {
  const post = passage.post === null ? undefined : doc.posts?.find((p) => p.n === passage.post);
  if (post && passage.kind !== 'report') return `A forum member, ${post.poster}, wrote`;
  const publisher = doc.publisher ? publisherName(doc.publisher) : undefined;
  const who = passage.author ?? publisher ?? `“${doc.title}”`;
  const year = (post ? post.date : doc.date)?.slice(0, 4);
  const where = post ? 'reposted on a forum' : passage.author ? publisher : undefined;
  const detail = [where, year].filter(Boolean).join(', ');
  return `According to ${who}${detail ? ` (${detail})` : ''}`;
}

export function passageFact(passage: Passage, doc: LoadedDocument): Fact {
  const words = plainText(passage.text).replace(/\s+/g, ' ').trim();
  const year = contextYear(passage, doc);
  return {
    id: `${PASSAGE_ID}${passage.id}`,
    statement: `${attribution(passage, doc)}: “${words}”`,
    quote: passage.text,
    source: { document: passage.document, ...(passage.post === null ? {} : { post: passage.post }) },
    kind: passage.kind,
    topic: '',
    // The year it points back to is searchable and noted, never said: the quote stays as written.
    tags: year ? [year] : [],
    ...(year ? { date: year } : {}),
  };
}

const headingsOf = new WeakMap<LoadedDocument, Heading[]>();

/** The heading of the section a passage stands in, outside forum threads (a post is its own section). */
export function headingOf(passage: Passage, doc: LoadedDocument): string | undefined {
  if (passage.post !== null) return undefined;
  let headings = headingsOf.get(doc);
  if (!headings) headingsOf.set(doc, (headings = sectionHeadings(doc.text)));
  let [lo, hi] = [0, headings.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (headings[mid]!.start < passage.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return headings[hi]?.text;
}

const YEAR = /\b(?:1[89]\d\d|20\d\d)\b/;
/** The last year a text names. */
const lastYear = (text: string): string | undefined => [...text.matchAll(new RegExp(YEAR, 'g'))].at(-1)?.[0];

/** A sentence that points back to a time the text gave before: "that year", "a month later", "four years later". */
const BACK_IN_TIME =
  /\b(?:(?:that|the same|the following|the next|the previous|the preceding|later that|earlier that) year|that (?:month|week|summer|winter|spring|autumn|fall)|(\w+) (months?|years?|weeks?) (later|earlier|after(?:wards)?|before))\b/i;
/** How far back a passage's "that year" may reach for the year it means: a paragraph or two. */
const CONTEXT_CHARS = 1200;
/** "a month later", "one year later": counted as one. */
const countOf = (word: string): number | undefined =>
  /^(?:a|an|one)$/i.test(word)
    ? 1
    : (NUMBER_WORDS[word.toLowerCase()] ?? (/^\d+$/.test(word) ? Number(word) : undefined));

/**
 * The year a passage that points back in time means: the last year its document names before
 * it, moved by the years it counts ("returned the favor four years later" after 2003 is
 * 2007). It is the document's own dating, as a curator would note it: it lets the passage
 * answer "when" and confirm a claim's year, never contradict one.
 */
function contextYear(passage: Passage, doc: LoadedDocument): string | undefined {
  const back = BACK_IN_TIME.exec(passage.text);
  if (!back) return undefined;
  const before = doc.text.slice(Math.max(0, passage.start - CONTEXT_CHARS), passage.start);
  const last = lastYear(before);
  if (!last) return undefined;
  const [, count, unit, way] = back;
  const n = count ? countOf(count) : 0;
  if (n === undefined) return undefined;
  const shift = unit && /^years?$/i.test(unit) ? (/^(?:earlier|before)$/i.test(way!) ? -n : n) : 0;
  return String(Number(last) + shift);
}

/** A sentence that points back to the year the text just gave: "that year", "the same year". */
export const THAT_YEAR = /\b(?:that|the same) year\b/i;

/**
 * The year a passage dates what it tells by pointing back, in its first sentence, to the year
 * the sentence right before it names ("…started to gain traction in 2014 — … . During that
 * year, Russia lifted …"): the text's own words, as plain as if the passage named the year, so
 * it may contradict a claim's year as well as confirm it. A year further back is only noted
 * (see contextYear).
 */
export function toldYear(passage: Passage, doc: LoadedDocument): string | undefined {
  const first = passage.text.split(/(?<=[.!?])\s+/)[0]!;
  if (!THAT_YEAR.test(first) || YEAR.test(first)) return undefined;
  const before = doc.text.slice(Math.max(0, passage.start - CONTEXT_CHARS), passage.start).trimEnd();
  return lastYear(before.split(/(?<=[.!?])\s+/).at(-1) ?? '');
}

/** Words that date a sentence by the day it was published: "earlier this week", "today", "last year". */
const NOW =
  /\b(?:today|yesterday|tonight|(?:(?:earlier|later) )?this (?:week|month|year|morning|afternoon|evening|spring|summer|autumn|fall|winter|(?:jan|febr)uary|march|april|may|june|july|august|(?:sept|nov|dec)ember|october)|last (week|month|year|night)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/**
 * The year a passage that dates what it tells by the day it was published means ("signed an
 * agreement earlier this week" in a 2018 article): the year of the document, or of the forum
 * post, it stands in; "last year" is the year before. Like a curator's note, it may confirm a
 * claim's year, never contradict one; it is not the passage's date, so it answers no "when".
 */
export function publishedYear(passage: Passage, doc: LoadedDocument): string | undefined {
  const now = NOW.exec(passage.text);
  if (!now) return undefined;
  const post = passage.post === null ? undefined : doc.posts?.find((p) => p.n === passage.post);
  const published = (post ? post.date : doc.date)?.slice(0, 4);
  return published ? String(Number(published) - (now[1]?.toLowerCase() === 'year' ? 1 : 0)) : undefined;
}

/**
 * The year the paragraph a passage stands in is set in, where the passage names none itself:
 * the last year named before it in the paragraph ("The year 2011 was terrible… The year ended
 * with a U.S. attack…"). Like a heading, it says when the passage is about without the passage
 * saying it, so a question's year may be named by it; a passage that names a year is about that.
 * A paragraph is a line, as for the segmenter: a forum post's header lines (a join date) are not
 * its words.
 */
export function paragraphYear(passage: Passage, doc: LoadedDocument): string | undefined {
  if (YEAR.test(passage.text)) return undefined;
  return lastYear(doc.text.slice(doc.text.lastIndexOf('\n', passage.start) + 1, passage.start));
}

/**
 * A sentence that names its subject only as one named before it: it opens, after a list item's
 * label or a linking word, with a pronoun or a definite noun ("The study, requested by…",
 * "According to her, …", "Status: the project faced delays…"), or with a person's pronoun
 * after a phrase setting the scene ("At a press conference, she said…"); a definite noun there
 * names a thing of its own ("In 2006, the government…").
 */
const REFERS_BACK =
  /^\W*(?:[^.!?:]{1,60}\s?:\s+)?(?:(?:but|and|yet|so|still|also|however|meanwhile|instead|then|now|later|previously)\W+)?(?:(?:(?:according to|for|to) )?(?:he|she|it|they|him|her|them|his|its|their|this|that|these|those|such|the)|(?:at|in|on|during|after|before|speaking (?:at|to|on)|asked about) [^,.!?:;]{1,40}, (?:he|she|they))\b/i;

/**
 * True when `before`, the passage right before `passage`, names the subject `passage` names
 * only as "she" or "the study": it stands in the same document, post and section.
 */
export function pointsBackTo(passage: Passage, before: Passage, doc: LoadedDocument): boolean {
  return (
    before.document === passage.document &&
    before.post === passage.post &&
    REFERS_BACK.test(plainText(passage.text)) &&
    headingOf(before, doc) === headingOf(passage, doc)
  );
}

/**
 * A pack's passages as the index's lazy facts (see FactIndex): each made into a fact only
 * when a search returns it or it is looked up by id.
 */
export class PassageFacts implements LazyFacts {
  constructor(
    readonly table: PassageTable,
    readonly documents: ReadonlyMap<string, LoadedDocument>,
  ) {}

  get count(): number {
    return this.table.length;
  }

  make(i: number): Fact {
    const p = this.table.at(i);
    return passageFact(p, this.documents.get(p.document)!);
  }

  id(i: number): string {
    return `${PASSAGE_ID}${this.table.at(i).id}`;
  }

  section(i: number): string | undefined {
    const p = this.table.at(i);
    const doc = this.documents.get(p.document)!;
    const heading = headingOf(p, doc);
    const year = paragraphYear(p, doc);
    return year ? `${heading ?? ''} ${year}`.trim() : heading;
  }

  /** The passage before the i-th, where the i-th points back to it for its subject (see pointsBackTo). */
  antecedent(i: number): string | undefined {
    if (i === 0) return undefined;
    const p = this.table.at(i);
    const before = this.table.at(i - 1);
    return pointsBackTo(p, before, this.documents.get(p.document)!) ? before.text : undefined;
  }

  /** The year the passage's publication dates it by (see publishedYear), by fact id. */
  published(id: string): string | undefined {
    const i = this.find(id);
    if (i < 0) return undefined;
    const p = this.table.at(i);
    return publishedYear(p, this.documents.get(p.document)!);
  }

  /** The year the passage names by pointing back to the sentence before it (see toldYear), by fact id. */
  told(id: string): string | undefined {
    const i = this.find(id);
    if (i < 0) return undefined;
    const p = this.table.at(i);
    return toldYear(p, this.documents.get(p.document)!);
  }

  /** Passage ids are `passage:<document>:<start>`: found by their document, then by start. */
  find(id: string): number {
    if (!id.startsWith(PASSAGE_ID)) return -1;
    const colon = id.lastIndexOf(':');
    const start = Number(id.slice(colon + 1));
    const range = this.table.range(id.slice(PASSAGE_ID.length, colon));
    if (!range || !Number.isInteger(start)) return -1;
    let [lo, hi] = [range[0], range[1] - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.table.start(mid);
      if (at === start) return mid;
      if (at < start) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * For each passage (as a fact id), the curated facts whose quotes it holds; a fact added later
 * (a moderator's) is added with `cover`.
 */
export class Covered {
  private readonly finder: PassageFinder;
  /**
   * By passage position, the first curated fact whose quote the passage holds, as a place in
   * `ids`, or -1; any further ones in `more`. Most passages are quoted by none and few by more
   * than one: a list per quoted passage under its id had taken 20 MB at 100,000 facts.
   */
  private readonly first: Int32Array;
  private readonly ids: string[] = [];
  private readonly more = new Map<number, string[]>();

  /** `facts`: the curated ones; `passages`: the pack's passages as facts, by whose ids they are asked for. */
  constructor(
    facts: readonly Fact[],
    private readonly passages: PassageFacts,
  ) {
    this.finder = new PassageFinder(passages.table, passages.documents);
    this.first = new Int32Array(passages.count).fill(-1);
    // Document by document, so that the finder puts each document's passages in normal form
    // once; a passage's facts are all of its document, so each keeps its facts in pack order.
    const byDocument = new Map<string, Fact[]>();
    for (const fact of facts) {
      const same = byDocument.get(fact.source.document);
      if (same) same.push(fact);
      else byDocument.set(fact.source.document, [fact]);
    }
    for (const same of byDocument.values()) for (const fact of same) this.cover(fact);
  }

  /** Records the passages that hold the fact's quote. */
  cover(fact: Pick<Fact, 'id' | 'quote' | 'source'>): void {
    for (const at of this.finder.positions(fact.quote, fact.source.document, fact.source.post)) {
      const first = this.first[at]!;
      if (first < 0) this.first[at] = this.ids.push(fact.id) - 1;
      else if (this.ids[first] !== fact.id) {
        const more = this.more.get(at) ?? [];
        if (!more.includes(fact.id)) this.more.set(at, [...more, fact.id]);
      }
    }
  }

  /** The curated facts whose quotes the passage holds. */
  factsOf(passageId: string): readonly string[] {
    const at = this.passages.find(passageId);
    const first = at < 0 ? -1 : this.first[at]!;
    return first < 0 ? NONE : [this.ids[first]!, ...(this.more.get(at) ?? NONE)];
  }
}

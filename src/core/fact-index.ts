/**
 * The index over a pack's facts that also says how much of a question each hit covers.
 * Coverage, weighted by how rare each word is, is what separates "about this" from "shares
 * a word with this": "capital of France" shares only "capital" with a fact about a capital
 * injection, so it covers too little to be answered. Hits are scored as MiniSearch scores
 * them (see postings.ts; test/core/fact-index.test.ts compares the two).
 *
 *   const index = new FactIndex(pack.facts, topicNames, pack.aliases);
 *   const hits = index.search(index.query('who built the steel mill'));   // best first
 */
import type { Options } from 'minisearch';
import type { Fact } from '../knowledge/schema.js';
import { Analyzer, isAliasKey, isCollocation, type Concept } from './analyzer.js';
import { KeptWork } from './kept-work.js';
import { Lexicon } from './lexicon.js';
import { BM25, Postings, WEIGHTS, type Expansion, type StoredPostings } from './postings.js';
import { namesMeasure } from './quantity-noun.js';
import { salience, type Salience } from './salience.js';
import { Shortlist } from './shortlist.js';
import { ENGLISH_RANK } from './everyday-words.js';
import { STOP_WORDS, stem, words } from './tokens.js';

export interface Hit {
  fact: Fact;
  /** BM25 score, as MiniSearch computes it. */
  score: number;
  /** Share (0–1) of the question's weighted concepts that this fact covers. */
  coverage: number;
  /**
   * score × coverage²: what answers are ranked by. A passage's score is raised by the share of
   * the question that only its heading or the sentence it points back to names (see sectionTerms).
   */
  rank: number;
  /** The fact names every name the question names (see Query.names). */
  named: boolean;
  /**
   * The fact shares little with the question but its names, and leaves out a thing the question
   * names (see Query.things): "the weather in Karachi" against a pipeline to Karachi.
   */
  aside?: boolean;
  /**
   * The fact tells nothing of the deed whose quantity the question asks, in any words, nor does
   * the sentence it points back to ("It took eight months…" after "…forcing Islamabad to shut
   * down the route"; see Query.deeds).
   */
  deedLeft?: boolean;
}

export interface Query {
  text: string;
  concepts: Concept[];
  /** Each concept's weight (inverse document frequency). */
  weights: number[];
  /** Each concept's related words (WordNet) that the pack uses, as index terms: they weigh less than the concept's own. */
  related: Related[][];
  /** Terms of words the pack lacks and English does not know: typos, looked for at near spellings. */
  misspelt: ReadonlySet<string>;
  /** Which concepts are names (numbers, proper nouns, words English lacks): an answer must name them all. */
  names: boolean[];
  /** Which concepts name a thing in particular (see isThing): what the question says about its names. */
  things: boolean[];
  /** Which concepts count only for a fact that covers them (see isOptional). */
  optional: boolean[];
  /** Which concepts are the deed a quantity asked for counts (see isDeed): "injured" in "how many were injured". */
  deeds: boolean[];
  /** Which concepts are figures a question gives ("170,000") that set their facts apart, as a name does (see names). */
  figures: boolean[];
  /**
   * Which concepts are nouns of a measure in a question that gives a figure ("what is the
   * 170,000 figure supposed to count"): a fact giving that figure says what they name.
   */
  measures: boolean[];
}

/** A word related to a question's word, and how much of the question's word it stands for. */
export interface Related {
  term: string;
  cover: number;
  /** Said more broadly than the question's word (see FactIndex.broaderDeeds): it does not set the word's weight. */
  loose?: boolean;
}

/** What the index does beyond MiniSearch; with both off it ranks exactly as MiniSearch does. */
export interface FactIndexOptions {
  /** Look for words related to the question's (WordNet). Default true. */
  related?: boolean;
  /** Look for a typo's swapped neighbours (Damerau). Default true. */
  transpositions?: boolean;
}

/** A fact's searchable text, field by field. */
export interface IndexedFact {
  id: string;
  statement: string;
  quote: string;
  tags: string;
  topic: string;
}

/**
 * What a word the pack has never seen weighs, by its salience (as a share of the weight of a
 * word only one fact has): talk around the subject ("honestly") barely counts, a noun for a
 * person or a time ("sailors", "summer") a little, a noun for a thing ("grill") as much as
 * the rarest word. A name the pack lacks needs no weight: no fact can answer a question about it.
 */
const UNSEEN_SHARE = { talk: 0.1, common: 0.2, subject: 1, name: 1 } as const;
const SALIENCE_ORDER = ['talk', 'common', 'subject', 'name'] as const;
/** A phrase is as salient as its most salient word: "pakistan stream" is a name. */
const mostSalient = (kinds: readonly Salience[]): Salience =>
  SALIENCE_ORDER[Math.max(...kinds.map((k) => SALIENCE_ORDER.indexOf(k)))]!;
/**
 * The most a word weighs. Past about one fact in twenty, rarity says no more about whether a
 * question is about the pack: "big", used once, would otherwise outweigh "pipeline".
 */
const MAX_WEIGHT = 3;
/** How much of its weight an everyday word keeps: in a small pack nearly every word is rare, yet "take" says less than "missile". */
function everydayShare(word: string): number {
  const rank = Math.min(...word.split(' ').map((w) => ENGLISH_RANK.get(w) ?? Infinity));
  return Math.min(1, Math.max(EVERYDAY_FLOOR, Math.log(rank) / Math.log(EVERYDAY_RANK)));
}
const EVERYDAY_FLOOR = 0.5;
const EVERYDAY_RANK = 2000;
/** What the word that names what is asked for ("which city") weighs, as a share of its weight. */
const ASKING_SHARE = 0.3;
/**
 * In a question, a word English knows only as an adverb ("eventually", "originally",
 * "permanently") says how or when, often in words a source puts otherwise: it counts in full
 * for a fact that says it, and against one that does not only as talk around the subject. A
 * claim's adverbs ("never") count as any word.
 */
const isOptional = (word: string, question: boolean): boolean =>
  question && /^r+$/.test(Lexicon.shared().partsOfSpeech(word));
/**
 * The deed a quantity asked for counts: a verb by its form ("injured", "won") or a word English
 * knows only as a verb ("live"), not one that may be a noun ("deal", "attack"); and not one
 * so general it tells no deed ("hold", "set", "go"). A fact that tells no such deed, in the
 * verb's words or related ones, tells something else of the same names: "how many were
 * injured" is not answered by a death toll.
 */
const isDeed = (word: string): boolean => {
  const lexicon = Lexicon.shared();
  const verb = lexicon.verbOf(word);
  return !!verb && !lexicon.isGeneral(verb) && (isVerbForm(word) || /^v[^n]*$/.test(lexicon.partsOfSpeech(word)));
};
/** A word said as a verb: in a verb's form (see isVerbForm), or one English uses mostly as a verb ("shift", not "visit"). */
const isVerbUse = (word: string): boolean =>
  !!Lexicon.shared().verbOf(word) && (isVerbForm(word) || /^v/.test(Lexicon.shared().partsOfSpeech(word)));
/**
 * A word's related words (see Lexicon.related); for an adjective with too many to be read
 * ("big", "ill": their similar adjectives run to dozens), the words of its commonest senses
 * alone: "large", "sick".
 */
function relatedOrSynonyms(word: string): readonly string[] {
  const lexicon = Lexicon.shared();
  const related = lexicon.related(word);
  return related.length || !/^a/.test(lexicon.partsOfSpeech(word)) ? related : lexicon.synonymAdjectives(word);
}
/** A verb's past, participle or irregular form ("injured", "going", "won"), not a plural noun's "-s". */
/** A figure as the analyser reads one: digits, maybe in groups ("170 000"); not a year ("2014"), which dates what it names. */
const isFigure = (word: string): boolean => /^\d+(?: \d+)*$/.test(word) && !/^(?:1[89]|20)\d\d$/.test(word);
const isVerbForm = (word: string): boolean => /(?:ed|ing)$/.test(word) || Lexicon.shared().lemma(word) !== word;

/**
 * The deeds in a question's words (see isDeed), but a verb that leads to another ("supposed to
 * cost", "left permanently disabled", "start producing"): the deed is the other one.
 */
function deedsIn(text: string): Set<string> {
  const ws = words(text);
  const lexicon = Lexicon.shared();
  const leads = (i: number) => {
    let next = i + 1;
    while (/^r+$/.test(lexicon.partsOfSpeech(ws[next] ?? '-'))) next++;
    const after = ws[next] ?? '';
    return after === 'to' ? !!lexicon.verbOf(ws[next + 1] ?? '') : isVerbForm(after) && !!lexicon.verbOf(after);
  };
  return new Set(ws.filter((w, i) => isDeed(w) && !leads(i)));
}
/**
 * English's commonest words ("part", "time", "best") name no thing in particular: a question
 * says them in passing.
 */
const VAGUE_RANK = 1000;
/**
 * A word a question says in passing, which a fact sharing tells nothing of its subject: a noun
 * for a time ("week", "summer"), or a word English has only as an adjective and an adverb of
 * when or where ("next", "last", "early"), not one that describes a thing ("cultural").
 */
const saidInPassing = (word: string): boolean =>
  !word.includes(' ') && (salience(word) === 'common' || Lexicon.shared().partsOfSpeech(word) === 'ar');
/** What a fact must cover of a question besides its names, when it leaves out a thing the question names. */
const BEYOND_NAMES = 0.2;
/** A thing the question names: an English noun first of all (not a verb that is also one), and not among its commonest words. */
const isThing = (word: string, kind: Salience): boolean =>
  kind === 'subject' &&
  /^n/.test(Lexicon.shared().partsOfSpeech(word)) &&
  (ENGLISH_RANK.get(word) ?? Infinity) >= VAGUE_RANK;
/** A name this rare in the pack (its weight) sets its facts apart: about one fact in eight, or rarer. */
const DISTINCT_NAME = 2;
/** Two names found together in this share of the facts that have the rarer are one name. */
const TOGETHER = 0.8;
/** The most facts read for how a name is written (see FactIndex.writing): one this common is no person's first name. */
const MAX_NAME_FACTS = 50;
/** A capitalised word and the word right after it, with only spaces between ("Imran Khan", not "Imran, Khan"). */
const NAME_AND_NEXT = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}'’-]*)(?=(?:[ \t]+(\p{L}[\p{L}'’-]*))?)/gu;
/** The most question words whose writing is kept (see FactIndex.writing). */
const WRITINGS_KEPT = 5_000;

/** The capitalised words a name is written right before, and the one it always is, if any. */
interface NameWriting {
  after: ReadonlySet<string>;
  always?: string;
}
/** The most section headings whose terms are kept: a pack has a few per document. */
const MAX_HEADINGS = 10_000;
/** The most facts whose heading's terms are kept by number: those that answer many questions' worth. */
const MAX_HEADED_FACTS = 20_000;
/** The most question words whose related words are kept: many questions' worth. */
const RELATED_KEPT = 5_000;
const FIELDS = ['statement', 'quote', 'tags', 'topic'] as const;
const BOOST = { statement: 3, tags: 2, topic: 1.5, quote: 1 };
/**
 * How much of a question's word a related word stands for: WordNet's synonyms are close, not
 * equal, and a common word ("conditions" for "weather") has so many senses that it stands
 * for less than a rare one ("slogan" for "motto"); a broader word ("ship" for "warship")
 * stands for less too.
 */
const RELATED_COVER = { rare: 0.8, common: 0.4 };
/** Words this frequent in English count as common (see everyday-words.ts). */
const COMMON_RANK = 3000;
/**
 * How much of a thing the question names a passage covers when only the sentence it points
 * back to says it ("It says…" after "The draft report…"): that sentence says more than the
 * passage is about.
 */
const POINTED_BACK_COVER = 0.5;
/** What a related word adds to a fact's score, against the user's own word, per share it stands for. */
const RELATED_WEIGHT = 0.6;

/**
 * Typos are forgiven on misspelt words only: a word the pack itself uses, a word English knows
 * ("visit", "weather"), a number or an alias key is looked up as it is, so "weather" is never
 * taken for "leather". A misspelt word is looked for at near spellings (Levenshtein, and
 * Damerau's swapped neighbours: "embrago") and, when long enough, as a prefix. Besides being
 * right, this keeps search fast: looking for near spellings walks much of the dictionary.
 */
const FUZZY = 0.2;
const MAX_TYPOS = 2;
const fuzzy = (term: string, misspelt: boolean): number | false => (misspelt && term.length >= 6 ? FUZZY : false);
const prefix = (term: string, misspelt: boolean): boolean => misspelt && term.length >= 4;
/** Edits forgiven in a term, as MiniSearch turns a fuzzy share into a distance. */
const typos = (term: string, misspelt: boolean): number =>
  fuzzy(term, misspelt) ? Math.min(MAX_TYPOS, Math.round(term.length * FUZZY)) : 0;
/** What a match with two neighbouring letters swapped is worth: as one typo. */
const swapWeight = (term: string): number => (WEIGHTS.fuzzy * term.length) / (term.length + 1);

/**
 * The same search as MiniSearch options. The engine does not use them: the benchmark does,
 * to time raw MiniSearch doing exactly what the index does without related words, and a test
 * checks the two agree. `misspelt` says which query terms are typos (see Query).
 */
export function miniSearchOptions(
  analyzer: Analyzer,
  misspelt: (term: string) => boolean = () => false,
): Options<IndexedFact> {
  return {
    fields: [...FIELDS],
    // Collocations' terms aside (see Analyzer.indexTerms): MiniSearch would count them in a field's length, the index does not.
    tokenize: (text) => analyzer.terms(text),
    processTerm: (term) => term,
    // Questions are analysed before searching (see FactIndex.query), so search splits on spaces only.
    searchOptions: {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: BOOST,
      fuzzy: (term) => fuzzy(term, misspelt(term)),
      prefix: (term) => prefix(term, misspelt(term)),
      maxFuzzy: MAX_TYPOS,
      weights: WEIGHTS,
      bm25: BM25,
    },
  };
}

/** A fact as the index stores it: its text fields, and its topic by name. */
export function indexedFact(fact: Fact, topicNames: ReadonlyMap<string, string>): IndexedFact {
  return {
    id: fact.id,
    statement: fact.statement,
    quote: fact.quote,
    tags: fact.tags.join(' . '),
    topic: topicNames.get(fact.topic) ?? fact.topic,
  };
}

/**
 * What covers a concept: a name from the pack's aliases only as that name ("Pakistan Steel
 * Mills" is not covered by a fact that says "Pakistan"), any other word as itself or at a
 * near spelling.
 */
function reachOf(concept: Concept, expansions: ReadonlyMap<string, Expansion[]>): Expansion[] {
  const keys = concept.terms.filter(isAliasKey);
  return (keys.length ? keys : concept.terms).flatMap((t) => expansions.get(t) ?? []);
}

/** The decade a concept names, as the first three digits of its years ("1970s", "the 70s" → "197"). */
const decadeOf = (concept: Concept): string | undefined =>
  concept.terms.map((t) => /^(1[89]\d|20\d)0s$/.exec(t)?.[1]).find(Boolean);

/** The distinct terms of a question's concepts: what is looked up. */
function queryTerms(concepts: readonly Concept[]): string[] {
  return [...new Set(concepts.flatMap((c) => c.terms))];
}

/** The question as MiniSearch is handed it, for the benchmark and the agreement test. */
export function searchText(concepts: readonly Concept[]): string {
  return queryTerms(concepts).join(' ');
}

/**
 * Facts the index holds besides the curated ones, made into facts only when read: a pack's
 * passages (see passage-facts.ts). A million passages are then a million offsets, not a
 * million fact objects, and a search makes facts of the few it returns.
 */
export interface LazyFacts {
  readonly count: number;
  /** The i-th (0 ≤ i < count) as a fact. */
  make(i: number): Fact;
  /** The i-th's fact id, without making the fact. */
  id(i: number): string;
  /** Which one has this fact id, or -1. */
  find(id: string): number;
  /**
   * The heading of the section the i-th stands in ("Gas pipeline “Pakistan Stream”" over "The
   * Memorandum … was signed in 2015"): it names what the i-th is about without saying it.
   */
  section?(i: number): string | undefined;
  /**
   * The sentence before the i-th, where the i-th names its subject only as "she" or "the
   * study" ("The study, requested by the governor…" after "a study by George Washington
   * University"): it names who or what the i-th is about, as a heading does.
   */
  antecedent?(i: number): string | undefined;
}

/** The most lazy facts kept made: a few questions' worth of hits each. */
const MADE_KEPT = 2_000;
/** How many facts' terms are kept (see termsOfFact): the facts of the disagreements questions bring. */
const FACT_TERMS_KEPT = 5_000;

const NO_LAZY_FACTS: LazyFacts = { count: 0, make: () => undefined as never, id: () => '', find: () => -1 };

/**
 * The index's facts by number, as the postings know them: the curated facts first, then the
 * lazy ones, then facts added later. A fact replaced gets a new number, so numbers only grow.
 */
class FactTable {
  private readonly ids = new Map<string, number>();
  /** Facts added after the index was built, from number `base` on; undefined once replaced. */
  private readonly added: (Fact | undefined)[] = [];
  /** Numbers below `base` whose fact was replaced. */
  private readonly gone = new Set<number>();
  private readonly base: number;
  /** Lazy facts made lately, by number (see at). */
  private readonly made = new KeptWork<number, Fact>(MADE_KEPT);

  constructor(
    private readonly curated: readonly Fact[],
    private readonly lazy: LazyFacts,
  ) {
    curated.forEach((f, i) => this.ids.set(f.id, i));
    this.base = curated.length + lazy.count;
  }

  get size(): number {
    return this.base - this.gone.size + this.added.filter(Boolean).length;
  }

  /** One more than the highest number. */
  get next(): number {
    return this.base + this.added.length;
  }

  at(n: number): Fact | undefined {
    if (n >= this.base) return this.added[n - this.base];
    if (this.gone.has(n)) return undefined;
    if (n < this.curated.length) return this.curated[n];
    // A lazy fact is made once while kept: the same passages answer many questions.
    return this.made.get(n, () => this.lazy.make(n - this.curated.length));
  }

  /** The heading of the section the fact with this number stands in, for a lazy one that has one. */
  sectionOf(n: number): string | undefined {
    return n >= this.curated.length && n < this.base ? this.lazy.section?.(n - this.curated.length) : undefined;
  }

  /** The sentence the fact with this number points back to, for a lazy one that does (see LazyFacts.antecedent). */
  antecedentOf(n: number): string | undefined {
    return n >= this.curated.length && n < this.base ? this.lazy.antecedent?.(n - this.curated.length) : undefined;
  }

  /** The id of the fact with this number (one the index holds). */
  idOf(n: number): string {
    if (n >= this.base) return this.added[n - this.base]!.id;
    return n < this.curated.length ? this.curated[n]!.id : this.lazy.id(n - this.curated.length);
  }

  numberOf(id: string): number | undefined {
    const n = this.ids.get(id);
    if (n !== undefined) return n;
    const i = this.lazy.find(id);
    return i >= 0 && !this.gone.has(this.curated.length + i) ? this.curated.length + i : undefined;
  }

  push(fact: Fact): number {
    const n = this.next;
    this.added.push(fact);
    this.ids.set(fact.id, n);
    return n;
  }

  remove(n: number, id: string): void {
    this.ids.delete(id);
    if (n >= this.base) this.added[n - this.base] = undefined;
    else this.gone.add(n);
  }

  /** The curated facts and those added later, in order: not the lazy ones. */
  *own(): IterableIterator<Fact> {
    for (let n = 0; n < this.curated.length; n++) if (!this.gone.has(n)) yield this.curated[n]!;
    for (const f of this.added) if (f) yield f;
  }
}

export class FactIndex {
  readonly analyzer: Analyzer;
  private readonly postings: Postings;
  private readonly shortlist: Shortlist;
  private readonly facts: FactTable;

  private readonly options: Required<FactIndexOptions>;
  /** Each question's terms' expansions, kept while the question is (see reached). */
  private readonly expansions = new WeakMap<Query, Map<string, Expansion[]>>();
  /** Question words' related words in the pack, by word: WordNet is read once a word (see relatedTerms). */
  private readonly relatedOf = new KeptWork<string, Related[]>(RELATED_KEPT);
  /** The terms of the sentence each fact points back to, by fact number; null for none (see pointedBack). */
  private readonly antecedentTerms = new KeptWork<number, ReadonlySet<string> | null>(MAX_HEADED_FACTS);
  /** The terms of facts' statements and quotes, by that text (see termsOfFact). */
  private readonly factTerms = new KeptWork<string, ReadonlySet<string>>(FACT_TERMS_KEPT);
  /** How names are written, by term (see writing). */
  private readonly writings = new KeptWork<string, NameWriting | undefined>(WRITINGS_KEPT);
  /** Section headings' terms, by heading (see sectionTerms). */
  private readonly headingTerms = new Map<string, ReadonlySet<string>>();
  /** The same, by fact number (null: no heading), so a fact's heading is found once (see sectionTerms). */
  private readonly docHeadingTerms = new Map<number, ReadonlySet<string> | null>();

  /**
   * `lazy`: facts besides `facts` (passages), made only when read. `stored`: postings saved
   * from an index of the same facts (see index-store.ts), read back instead of analysing
   * every fact again; they must hold exactly `facts` and then `lazy`, or this throws.
   */
  constructor(
    facts: readonly Fact[],
    private readonly topicNames: ReadonlyMap<string, string>,
    aliases: readonly (readonly string[])[],
    options: FactIndexOptions = {},
    lazy: LazyFacts = NO_LAZY_FACTS,
    stored?: StoredPostings,
  ) {
    this.analyzer = new Analyzer(aliases);
    this.options = { related: true, transpositions: true, ...options };
    this.facts = new FactTable(facts, lazy);
    const boosts = FIELDS.map((f) => BOOST[f]);
    if (stored) {
      if (stored.room !== this.facts.next || stored.count !== this.facts.next)
        throw new Error(`saved postings hold ${stored.count} facts, not ${this.facts.next}`);
      this.postings = Postings.restore(boosts, stored);
    } else {
      this.postings = new Postings(boosts);
      for (let n = 0; n < this.facts.next; n++) this.postings.add(n, this.fieldTerms(this.facts.at(n)!));
      this.postings.settle();
    }
    this.shortlist = new Shortlist(this.postings);
  }

  /** The postings as flat arrays, to be saved (see index-store.ts). */
  stored(): StoredPostings {
    return this.postings.stored();
  }

  get size(): number {
    return this.facts.size;
  }

  get(id: string): Fact | undefined {
    const n = this.facts.numberOf(id);
    return n === undefined ? undefined : this.facts.at(n);
  }

  /**
   * The terms of a fact's statement and quote. A disagreement's facts are ranked by them for
   * every question that brings it, and the same disagreements come back question after
   * question: each fact's text is analysed once. Kept by the text, so a fact upsert replaces
   * is read anew.
   */
  termsOfFact(fact: Fact): ReadonlySet<string> {
    const text = `${fact.statement} ${fact.quote}`;
    return this.factTerms.get(text, () => new Set(this.analyzer.terms(text)));
  }

  /** The heading of the section a fact stands in, for a passage that has one. */
  section(id: string): string | undefined {
    const n = this.facts.numberOf(id);
    return n === undefined ? undefined : this.facts.sectionOf(n);
  }

  /** The facts given as facts and those added since, in order: not the lazy ones (passages). */
  own(): IterableIterator<Fact> {
    return this.facts.own();
  }

  /** Adds a fact, or replaces the one with the same id, without rebuilding the index. */
  upsert(fact: Fact): void {
    const number = this.facts.numberOf(fact.id);
    const old = number === undefined ? undefined : this.facts.at(number);
    if (old && number !== undefined) {
      this.postings.remove(number, this.fieldTerms(old));
      this.facts.remove(number, fact.id);
    }
    this.postings.add(this.facts.push(fact), this.fieldTerms(fact));
    // Which related words the pack uses, and how it writes names, may have changed.
    this.relatedOf.clear();
    this.writings.clear();
  }

  /**
   * Analyses a question into weighted concepts, with their related words, typos and names.
   * `asking` is a word that names what is asked for ("which city"): it weighs little.
   * `question`: the text is a question asked, not a claim (see isOptional). `counting`: the words
   * a quantity asked for is said of, whose verbs are deeds a fact must tell (see isDeed).
   */
  query(text: string, asking?: string, question = false, counting?: string): Query {
    const read = this.oneName(this.analyzer.concepts(text), words(text).join(' '));
    const misspelt = new Set(read.filter((c) => this.misspelt(c)).flatMap((c) => c.terms));
    // A typo's near spellings are searched for once: its alias, its weight and the search share them.
    const near = new Map<string, Expansion[]>();
    const typed = new Map(read.map((c) => [c.terms[0]!, c.word]));
    const nearOf = (term: string) => {
      let out = near.get(term);
      if (!out) near.set(term, (out = this.expand(term, true, typed.get(term))));
      return out;
    };
    const concepts = read.map((c) => (misspelt.has(c.terms[0]!) ? this.withAliasOfTypo(c, nearOf) : c));
    const related = concepts.map((c) =>
      this.options.related && !misspelt.has(c.terms[0]!) ? this.relatedTerms(c, question) : [],
    );
    const kinds = concepts.map((c) => mostSalient(c.word.split(' ').map(salience)));
    const weights = concepts.map(
      (c, i) => this.weight(c, related[i]!, kinds[i]!, misspelt, nearOf) * (c.word === asking ? ASKING_SHARE : 1),
    );
    // What a collocation means comes after the weights: a question's own words say how rare its subject is.
    if (this.options.related) this.withCollocations(text, concepts, related, misspelt);
    const optional = concepts.map((c) => isOptional(c.word, question));
    // A name most facts share ("russia" in a pack about Russia) tells no fact from another.
    const names = kinds.map((k, i) => k === 'name' && weights[i]! >= DISTINCT_NAME);
    const things = concepts.map((c, i) => !names[i] && c.word !== asking && isThing(c.word, kinds[i]!));
    const counted = counting ? deedsIn(counting) : new Set<string>();
    const deeds = concepts.map((c, i) => counted.has(c.word) && !names[i] && c.word !== asking);
    // A figure most facts give ("64", the toll everyone cites) tells no fact's figure from another's.
    const figures = concepts.map((c, i) => question && names[i]! && isFigure(c.word));
    const measures = concepts.map((c) => figures.some(Boolean) && namesMeasure(c.word));
    const query = { text, concepts, weights, related, misspelt, names, things, optional, deeds, figures, measures };
    this.expansions.set(query, near);
    return query;
  }

  /** Facts that match the question, best first, each with its coverage. */
  search(query: Query, limit = 40): Hit[] {
    if (query.concepts.length === 0) return [];
    const total = query.weights.reduce((a, b) => a + b, 0);
    const expansions = new Map(queryTerms(query.concepts).map((t) => [t, this.reached(query, t)]));
    // A concept's related words join the list of its first term: they stand for it, not beside it.
    const related = query.related.map((list) =>
      list.map((r) => ({ term: r.term, weight: RELATED_WEIGHT * r.cover, postings: this.postings.lookup(r.term)! })),
    );
    const lists = new Map(expansions);
    query.concepts.forEach((c, i) => {
      if (related[i]!.length) lists.set(c.terms[0]!, [...lists.get(c.terms[0]!)!, ...related[i]!]);
    });
    const covered = this.coverage(query, expansions, related);
    // A name is named by its derived forms too: "Central Asia" names the "Central Asian" states.
    const names = query.concepts.flatMap((c, i) =>
      query.names[i]
        ? [
            [
              ...reachOf(c, expansions),
              // A source that names a person by the last name alone names them ("President Putin").
              ...(c.lastName ? this.reached(query, c.lastName) : []),
              ...related[i]!.filter((r) => r.weight >= RELATED_WEIGHT * RELATED_COVER.rare),
            ],
          ]
        : [],
    );
    const ranked = this.shortlist.best([...lists.values()], limit * 3).map(({ doc, score }) => {
      const { weight, beyondNames, thingLeft, optionalLeft, deedLeft, headedWeight } = covered(doc);
      const coverage = total > optionalLeft ? weight / (total - optionalLeft) : 0;
      let named = true;
      for (const reach of names) {
        if (this.postings.reaches(reach, doc) || this.headed(doc, reach)) continue;
        named = false;
        break;
      }
      const aside = thingLeft && beyondNames < BEYOND_NAMES * total;
      // A name its heading or the sentence before gives is what it is about, though unscored:
      // it counts toward the rank as the share of the question it is.
      return {
        doc,
        score,
        coverage,
        rank: score * (1 + headedWeight / total) * coverage * coverage,
        named,
        aside,
        deedLeft,
        id: undefined as string | undefined,
      };
    });
    // Ranked before any is made a fact (a passage's is cut from its source): only those returned are.
    // Ties go by id, each worked out once (near-copies of a fact tie by the dozen).
    ranked.sort(
      (a, b) => b.rank - a.rank || (a.id ??= this.facts.idOf(a.doc)).localeCompare((b.id ??= this.facts.idOf(b.doc))),
    );
    return ranked.slice(0, limit).map(({ doc, score, coverage, rank, named, aside, deedLeft }) => ({
      fact: this.facts.at(doc)!,
      score,
      coverage,
      rank,
      named,
      ...(aside ? { aside } : {}),
      ...(deedLeft ? { deedLeft } : {}),
    }));
  }

  /**
   * The names the question gives that no fact has, even at a near spelling: "france" in
   * "capital of France". No fact can be about such a question.
   */
  unknown(query: Query): Concept[] {
    // A decade no fact names as such ("the 70s") is known by the years of it that facts give.
    return query.concepts.filter(
      (c, i) =>
        query.names[i] &&
        c.terms.every((t) => this.reached(query, t).length === 0) &&
        !(decadeOf(c) && query.related[i]!.length > 0),
    );
  }

  /**
   * True if the pack has the term only in facts' statements, never in a quote, tag or topic:
   * in a passage's statement, the words of who said it ("According to … (Agence France-Presse)").
   */
  attributedOnly(term: string): boolean {
    const postings = this.postings.lookup(term);
    return !!postings && postings.inField.every((n, f) => f === FIELDS.indexOf('statement') || n === 0);
  }

  /** True if some fact has the word (any of its terms), or the index drops it ("of", "the"). */
  knows(word: string): boolean {
    const terms = this.analyzer.terms(word);
    return terms.length === 0 || terms.some((t) => this.postings.frequency(t) > 0);
  }

  /**
   * The index terms other than its own that the search reaches for one of the question's
   * words: near spellings of a typo, and its close synonyms ("submarine" for "subs"); not
   * common words it is loosely related to ("country" for "farmland").
   */
  reach(query: Query, word: string): string[] {
    const i = query.concepts.findIndex((c) => c.word === word);
    if (i < 0) return [];
    const c = query.concepts[i]!;
    const near = c.terms.flatMap((t) => this.reached(query, t).map((e) => e.term));
    return [
      ...new Set([...near, ...query.related[i]!.filter((r) => r.cover >= RELATED_COVER.rare).map((r) => r.term)]),
    ].filter((t) => !c.terms.includes(t));
  }

  /**
   * The things the question names that no fact mentions in any words: an English noun ("grill"
   * in "how do I build a gas grill") with no fact using it, a related word or a near spelling.
   */
  unseen(query: Query): Concept[] {
    return query.concepts.filter(
      (c, i) =>
        !query.names[i] &&
        query.related[i]!.length === 0 &&
        mostSalient(c.word.split(' ').map(salience)) === 'subject' &&
        /^n[^v]*$/.test(Lexicon.shared().partsOfSpeech(c.word)) &&
        c.terms.every((t) => this.reached(query, t).length === 0),
    );
  }

  /**
   * Two names in a row that the pack nearly always writes together ("sardar sarovar", "imran
   * khan") are one name: counted twice, a two-word name would weigh twice what it tells, and
   * outweigh the rest of the question. The rarer word stands for both. A first name the pack
   * always writes with one last name ("Imran Khan", though English knows "khan") is named by a
   * fact giving the last name alone ("Prime Minister Khan").
   */
  private oneName(concepts: Concept[], text: string): Concept[] {
    const single = (x: Concept) => x.terms.length === 1 && !isAliasKey(x.terms[0]!) && salience(x.word) === 'name';
    const out: Concept[] = [];
    for (const c of concepts) {
      const prev = out.at(-1);
      // Side by side as written: "karachi to lahore" is two places; and so in the pack, where it is read:
      // "putin imran" is two people, though the facts naming Imran name Putin too.
      if (prev && single(prev) && single(c) && ` ${text} `.includes(` ${prev.word} ${c.word} `)) {
        const [a, b] = [prev.terms[0]!, c.terms[0]!];
        const rarer = this.postings.frequency(a) <= this.postings.frequency(b) ? a : b;
        const written = this.writing(a);
        if (
          this.postings.frequency(rarer) > 0 &&
          this.postings.together(a, b) >= TOGETHER * this.postings.frequency(rarer) &&
          (!written || written.after.has(b))
        ) {
          out[out.length - 1] = {
            word: `${prev.word} ${c.word}`,
            terms: [rarer],
            ...(rarer !== b ? { lastName: b } : {}),
          };
          continue;
        }
      }
      const always = single(c) ? this.writing(c.terms[0]!)?.always : undefined;
      out.push(always ? { ...c, lastName: always } : c);
    }
    return out;
  }

  /**
   * How the pack's facts write a name: the capitalised words they put right after it
   * ("Imran Khan", "Putin Rally"), and the one they always do, if any ("khan" for "imran").
   * Undefined for a name held by too many facts to read, or never written capitalised (a number).
   */
  private writing(term: string): NameWriting | undefined {
    return this.writings.get(term, () => {
      const postings = this.postings.lookup(term);
      if (!postings || postings.size > MAX_NAME_FACTS) return undefined;
      const after = new Set<string>();
      let alone = false;
      for (let i = 0; i < postings.size; i++) {
        const quote = this.facts.at(postings.docs[i]!)?.quote ?? '';
        for (const m of quote.matchAll(NAME_AND_NEXT)) {
          if (words(m[1]!).map(stem)[0] !== term) continue;
          const next = m[2] && /^\p{Lu}/u.test(m[2]) ? words(m[2]).map(stem)[0] : undefined;
          if (next && !STOP_WORDS.has(next)) after.add(next);
          else alone = true;
        }
      }
      // Never capitalised (a number): nothing to tell.
      if (!alone && after.size === 0) return undefined;
      return { after, ...(!alone && after.size === 1 ? { always: [...after][0]! } : {}) };
    });
  }

  /** Completions of a question's last word from the index's own words, the most common first. */
  suggest(partial: string, limit = 25): string[] {
    const words = this.analyzer.terms(partial).filter((t) => !isAliasKey(t));
    const last = words.pop();
    if (!last) return [];
    const completions = this.postings.completions(last).filter(([t]) => !isAliasKey(t));
    completions.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return completions.slice(0, limit).map(([t]) => [...words, t].join(' '));
  }

  /**
   * What a question's term reaches (see expand), worked out once per question: the search,
   * the checks for unknown and unseen names and the asked noun's reach all need it.
   */
  private reached(query: Query, term: string): Expansion[] {
    let byTerm = this.expansions.get(query);
    if (!byTerm) this.expansions.set(query, (byTerm = new Map()));
    let out = byTerm.get(term);
    if (!out) byTerm.set(term, (out = this.expand(term, query.misspelt.has(term))));
    return out;
  }

  /**
   * The index terms a query term reaches: itself, and for a typo its near spellings and longer
   * forms. `word` is the typo as typed, before stemming cut it.
   */
  private expand(term: string, misspelt: boolean, word?: string): Expansion[] {
    const out = this.postings.expand(term, typos(term, misspelt), prefix(term, misspelt));
    if (misspelt && this.options.transpositions) {
      // Damerau's transposition: "embrago" is one slip from "embargo", though two edits away.
      // Swapped in the word as typed too: "crusie" is "cruise", though its stem "crusi" is no slip of "cruis".
      for (const typo of new Set([term, word ?? term])) {
        for (let i = 0; i + 1 < typo.length; i++) {
          // The swapped word is stemmed as the index's words are: "bulit" is "built", indexed as "build".
          const swapped = stem(typo.slice(0, i) + typo[i + 1] + typo[i] + typo.slice(i + 2));
          const postings = this.postings.lookup(swapped);
          if (postings && !out.some((e) => e.term === swapped))
            out.push({ term: swapped, weight: swapWeight(swapped), postings });
        }
      }
    }
    return out;
  }

  /**
   * A typo of an alias ("islambad") stands for the alias's group, as the alias itself would:
   * a fact that says "Pakistani" answers it. Only where its near spellings name one group.
   */
  private withAliasOfTypo(concept: Concept, nearOf: (term: string) => Expansion[]): Concept {
    const keys = new Set(nearOf(concept.terms[0]!).flatMap((e) => this.analyzer.aliasKeysOf(e.term)));
    return keys.size === 1 ? { ...concept, terms: [...concept.terms, ...keys] } : concept;
  }

  /**
   * A word is a typo when the pack does not use it and English does not know it. Proper
   * names the pack lacks ("Modi") are typos by this rule too; near spellings of them are
   * rare, and coverage still counts the name as missing unless one is found.
   */
  private misspelt(concept: Concept): boolean {
    const { word } = concept;
    if (concept.terms.length !== 1 || !/^[a-z]{4,}$/.test(word) || this.postings.frequency(concept.terms[0]!) > 0)
      return false;
    return Lexicon.shared().partsOfSpeech(word) === '';
  }

  /**
   * Adds to `related` what the text's collocations mean (WordNet's nouns and verbs of several
   * words, see Lexicon.collocationAt): "held up" is "delayed", "called off" is "cancelled",
   * "power stations" are "power plants". Each word of the collocation that is a concept
   * ("held"; not "up", a stop word) is covered, in part, by a fact saying it in one word.
   */
  private withCollocations(
    text: string,
    concepts: readonly Concept[],
    related: Related[][],
    misspelt: ReadonlySet<string>,
  ): void {
    const ws = words(text);
    const lexicon = Lexicon.shared();
    for (let i = 0; i < ws.length; ) {
      const found = lexicon.collocationAt(ws, i);
      if (!found) {
        i += 1;
        continue;
      }
      const span = ws.slice(i, i + found.length);
      i += found.length;
      const means = this.collocationTerms(found.phrase);
      if (means.length === 0) continue;
      concepts.forEach((c, k) => {
        if (misspelt.has(c.terms[0]!) || !c.word.split(' ').some((w) => span.includes(w))) return;
        const list = [...related[k]!];
        for (const r of means) {
          if (c.terms.includes(r.term)) continue;
          const at = list.findIndex((o) => o.term === r.term);
          if (at < 0) list.push(r);
          else if (list[at]!.cover < r.cover) list[at] = r;
        }
        related[k] = list;
      });
    }
  }

  /** Index terms of what a collocation means (see withCollocations) that the pack uses. */
  private collocationTerms(phrase: string): Related[] {
    return this.relatedOf.get(`${phrase}\0collocation`, () => {
      const lexicon = Lexicon.shared();
      const out = new Map<string, number>();
      for (const word of lexicon.collocationMeans(phrase)) {
        const term = word.includes('_') ? word : stem(word);
        if (this.postings.frequency(term) === 0) continue;
        const rank = word.includes('_')
          ? Infinity
          : Math.min(...[word, ...lexicon.bases(word)].map((w) => ENGLISH_RANK.get(w) ?? Infinity));
        const cover = rank < COMMON_RANK ? RELATED_COVER.common : RELATED_COVER.rare;
        out.set(term, Math.max(out.get(term) ?? 0, cover));
      }
      // What a phrasal verb is a way of doing ("began" for "kicked off"), loosely: the plain verb says less.
      for (const verb of lexicon.collocationDoes(phrase)) {
        const term = stem(verb);
        if (lexicon.isGeneral(verb) || this.postings.frequency(term) === 0 || out.has(term)) continue;
        out.set(term, RELATED_COVER.common);
      }
      return [...out].map(([term, cover]) => ({ term, cover }));
    });
  }

  /** Index terms of the concept's related words (WordNet) that the pack uses, other than the concept's own. */
  private relatedTerms(concept: Concept, question: boolean): Related[] {
    return this.relatedOf.get(`${concept.word}\0${concept.terms.join(' ')}\0${question}`, () =>
      this.relatedAnew(concept, question),
    );
  }

  private relatedAnew(concept: Concept, question: boolean): Related[] {
    // A decade ("the 80s", "1960s") is any of its years the pack names: "the mid sixties" is "1965".
    const decade = decadeOf(concept);
    if (decade)
      return Array.from({ length: 10 }, (_, i) => `${decade}${i}`)
        .filter((year) => this.postings.frequency(year) > 0)
        .map((term) => ({ term, cover: RELATED_COVER.rare }));
    if (concept.terms.length !== 1 || !/^[a-z]+$/.test(concept.word)) return [];
    const out = new Map<string, number>();
    const lexicon = Lexicon.shared();
    const candidates = [
      ...relatedOrSynonyms(concept.word).map((word) => ({ word, broader: false })),
      // A question's noun may mean the pack's word in another of its commonest senses ("choppers",
      // "subs"): a rare word for the same thing is reached, loosely; a common one ("trouble" for
      // "problems") says too many things. A claim is weighed by what it says, not by its words' senses.
      ...(question
        ? lexicon
            .nounSynonyms(concept.word)
            .filter((w) => /^n/.test(lexicon.partsOfSpeech(w)) && (ENGLISH_RANK.get(w) ?? Infinity) >= COMMON_RANK)
        : []
      ).map((word) => ({ word, broader: true })),
      ...lexicon.broader(concept.word).map((word) => ({ word, broader: true })),
      // What the word says in several words: "called off" for "cancelled", "held up" for "delays".
      ...lexicon.collocationsOf(concept.word).map((word) => ({ word, broader: true })),
    ];
    for (const { word, broader } of candidates) {
      const term = isCollocation(word) ? word : stem(word);
      if (concept.terms.includes(term) || this.postings.frequency(term) === 0) continue;
      // A plural WordNet lists as a word of its own ("conditions") is as common as its singular.
      const rank = Math.min(
        ...(isCollocation(word) ? [] : [word, word.replace(/s$/, ''), ...lexicon.bases(word)]).map(
          (w) => ENGLISH_RANK.get(w) ?? Infinity,
        ),
      );
      const cover = broader || rank < COMMON_RANK ? RELATED_COVER.common : RELATED_COVER.rare;
      out.set(term, Math.max(out.get(term) ?? 0, cover));
    }
    const related: Related[] = [...out].map(([term, cover]) => ({ term, cover }));
    return question ? [...related, ...this.broaderDeeds(concept, out)] : related;
  }

  /**
   * Index terms of the verbs a question's verb is a way of doing (see Lexicon.broaderVerbs),
   * loosely: "things started to change" tells when they started to shift. Not for one of
   * English's commonest verbs ("come", "give"), whose commonest sense is itself broad, nor to a
   * general verb ("make", "get"), which tells no deed; nor in a claim, which says the very
   * deed it means.
   * They do not set the verb's weight: a common broader verb ("change") would make a rarer
   * verb weigh as little as it.
   */
  private broaderDeeds(concept: Concept, taken: ReadonlyMap<string, number>): Related[] {
    const lexicon = Lexicon.shared();
    const verb = isVerbUse(concept.word) ? lexicon.verbOf(concept.word)! : undefined;
    if (!verb || Math.min(ENGLISH_RANK.get(concept.word) ?? Infinity, ENGLISH_RANK.get(verb) ?? Infinity) < VAGUE_RANK)
      return [];
    return [...new Set(lexicon.broaderVerbs(verb).filter((v) => !lexicon.isGeneral(v)))]
      .map(stem)
      .filter((term) => !concept.terms.includes(term) && !taken.has(term) && this.postings.frequency(term) > 0)
      .map((term) => ({ term, cover: RELATED_COVER.common, loose: true }));
  }

  /**
   * The summed weight of the question's concepts that a fact covers, that of its concepts other
   * than names, whether it leaves out a thing the question names, the weight of the
   * optional concepts it leaves out (see isOptional), and that of the names only its heading
   * or the sentence it points back to gives (see sectionTerms). A concept is covered by
   * its own terms (or their near spellings, for a typo) in full, by a related word in part.
   */
  private coverage(
    query: Query,
    expansions: ReadonlyMap<string, Expansion[]>,
    related: readonly Expansion[][],
  ): (doc: number) => {
    weight: number;
    beyondNames: number;
    thingLeft: boolean;
    optionalLeft: number;
    deedLeft: boolean;
    headedWeight: number;
  } {
    const asked = new Set(query.concepts.flatMap((c) => c.terms));
    const concepts = query.concepts.map((c, i) => ({
      reach: reachOf(c, expansions),
      related: related[i]!,
      weight: query.weights[i]!,
      name: query.names[i]!,
      thing: query.things[i]!,
      optional: query.optional[i]!,
      deed: query.deeds[i]!,
      causes: query.deeds[i] ? this.causing(c.word, asked) : [],
      passing: saidInPassing(c.word),
      measure: query.measures[i]!,
    }));
    const figures = query.concepts.filter((_, i) => query.figures[i]).map((c) => reachOf(c, expansions));
    return (doc) => {
      let weight = 0;
      let beyondNames = 0;
      let thingLeft = false;
      let optionalLeft = 0;
      let deedLeft = false;
      let headedWeight = 0;
      for (const c of concepts) {
        let cover = 0;
        if (this.postings.reaches(c.reach, doc)) cover = 1;
        else if (c.name && this.headed(doc, c.reach)) {
          cover = 1;
          headedWeight += c.weight;
        } else {
          for (const r of c.related)
            if (r.postings.indexOf(doc) >= 0) cover = Math.max(cover, r.weight / RELATED_WEIGHT);
          if (c.thing && cover < POINTED_BACK_COVER && this.pointedBack(doc, c.reach)) cover = POINTED_BACK_COVER;
          // "The 170,000 figure" is said by a fact giving 170,000.
          if (c.measure && figures.some((reach) => this.postings.reaches(reach, doc))) cover = 1;
        }
        weight += c.weight * cover;
        // Left out, it counts against the fact only as talk around the subject does.
        if (c.optional) optionalLeft += c.weight * (1 - cover) * (1 - UNSEEN_SHARE.talk);
        if (!c.name && !c.passing) beyondNames += c.weight * cover;
        // Said only by a loosely related word ("conditions" for "weather"), a thing is left out.
        if (c.thing && cover < RELATED_COVER.rare) thingLeft = true;
        if (c.deed && cover === 0 && !this.postings.reaches(c.causes, doc) && !this.pointedBack(doc, c.reach))
          deedLeft = true;
      }
      return { weight, beyondNames, thingLeft, optionalLeft, deedLeft, headedWeight };
    };
  }

  /**
   * The index terms that tell a deed in other words: its verb's synonyms and ways of doing it,
   * the verbs that cause it or that it causes ("killed" for "died"), and the nouns naming its
   * act ("selling" for "sold").
   */
  private causing(word: string, asked: ReadonlySet<string>): Expansion[] {
    const lexicon = Lexicon.shared();
    const verb = lexicon.verbOf(word);
    if (!verb) return [];
    const others = [
      ...lexicon.synonymVerbs(verb),
      ...lexicon.waysOf(verb),
      ...lexicon.causes(verb),
      ...lexicon.causedBy(verb),
      ...lexicon.actsOf(verb),
    ];
    return others.flatMap((w) => {
      const term = stem(w);
      const postings = this.postings.lookup(term);
      // A word the question says of its own tells no deed: "to people" is to live, but the people counted are not their living.
      return postings && !asked.has(term) ? [{ term, weight: 1, postings }] : [];
    });
  }

  /**
   * True if the heading of the section a fact stands in has a term of `reach`: asked only for a
   * name the fact's own words lack, as finding the heading costs more than reading postings.
   */
  private headed(doc: number, reach: readonly Expansion[]): boolean {
    const section = this.sectionTerms(doc);
    if (!section) return false;
    for (const e of reach) if (section.has(e.term)) return true;
    return false;
  }

  /** True if the sentence a fact points back to for its subject ("it says", "the study") has a term of `reach`. */
  private pointedBack(doc: number, reach: readonly Expansion[]): boolean {
    const terms = this.antecedentTermsOf(doc);
    return !!terms && reach.some((e) => terms.has(e.term));
  }

  /** The terms of the sentence a fact points back to, read once while kept (see LazyFacts.antecedent); null for none. */
  private antecedentTermsOf(doc: number): ReadonlySet<string> | null {
    return this.antecedentTerms.get(doc, () => {
      const antecedent = this.facts.antecedentOf(doc);
      return antecedent ? new Set(this.analyzer.terms(antecedent)) : null;
    });
  }

  /**
   * The terms of the heading of the section a fact stands in, and of the sentence it points
   * back to: what the fact is about, though it does not say it. They cover a question's names
   * as the fact's own do, but add nothing to its BM25 score (a section's every sentence has
   * them, and most are about more): its rank is raised only by the share of the question they
   * cover, as if the fact said them once.
   */
  private sectionTerms(doc: number): ReadonlySet<string> | undefined {
    // A fact's number always stands for the same fact: its heading's terms are kept by number too.
    const known = this.docHeadingTerms.get(doc);
    if (known !== undefined) return known ?? undefined;
    const heading = this.facts.sectionOf(doc);
    let terms: ReadonlySet<string> | undefined;
    if (heading) {
      terms = this.headingTerms.get(heading);
      if (!terms) {
        if (this.headingTerms.size >= MAX_HEADINGS) this.headingTerms.clear();
        this.headingTerms.set(heading, (terms = new Set(this.analyzer.terms(heading))));
      }
    }
    const back = this.antecedentTermsOf(doc);
    if (back) terms = new Set([...(terms ?? []), ...back]);
    if (this.docHeadingTerms.size >= MAX_HEADED_FACTS) this.docHeadingTerms.clear();
    this.docHeadingTerms.set(doc, terms ?? null);
    return terms;
  }

  /**
   * Inverse document frequency of a concept: rare words weigh more. A concept the pack knows
   * only through a related word or a near spelling weighs as that word does. A word the pack
   * has never seen weighs by its salience (see UNSEEN_WEIGHT).
   */
  private weight(
    concept: Concept,
    related: readonly Related[],
    kind: Salience,
    misspelt: ReadonlySet<string>,
    nearOf: (term: string) => Expansion[],
  ): number {
    const idf = (df: number) => Math.log(1 + (this.facts.size - df + 0.5) / (df + 0.5));
    // A name from the aliases weighs as that name, not as its words ("Pakistan Steel Mills" is rarer than "Pakistan").
    const keys = concept.terms.filter(isAliasKey);
    const own = keys.length ? keys : concept.terms;
    const reached = [
      ...own.flatMap((t) => (misspelt.has(t) ? nearOf(t).map((e) => e.term) : [t])),
      ...related.filter((r) => !r.loose).map((r) => r.term),
    ];
    const df = Math.max(0, ...reached.map((t) => this.postings.frequency(t)));
    const everyday = kind === 'name' || keys.length ? 1 : everydayShare(concept.word);
    return everyday * Math.min(MAX_WEIGHT, df === 0 ? UNSEEN_SHARE[kind] * idf(1) : idf(df));
  }

  /** A fact's terms, field by field. A replaced fact is analysed again rather than its terms kept: rare, and cheaper than memory. */
  private fieldTerms(fact: Fact): string[][] {
    const doc = indexedFact(fact, this.topicNames);
    return FIELDS.map((f) => this.analyzer.indexTerms(doc[f]));
  }
}

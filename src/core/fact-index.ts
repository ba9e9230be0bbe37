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
import { Analyzer, isAliasKey, type Concept } from './analyzer.js';
import { ENGLISH_WORDS, EVERYDAY_WORDS } from './everyday-words.js';
import { BM25, Postings, WEIGHTS, type Expansion } from './postings.js';
import { Shortlist } from './shortlist.js';

export interface Hit {
  fact: Fact;
  /** BM25 score, as MiniSearch computes it. */
  score: number;
  /** Share (0–1) of the question's weighted concepts that this fact covers. */
  coverage: number;
  /** score × coverage²: what answers are ranked by. */
  rank: number;
}

export interface Query {
  text: string;
  concepts: Concept[];
  /** Each concept's weight (inverse document frequency). */
  weights: number[];
}

/** A fact's searchable text, field by field. */
export interface IndexedFact {
  id: string;
  statement: string;
  quote: string;
  tags: string;
  topic: string;
}

/** What an everyday word the pack has never seen weighs: small talk, not a subject. */
const SMALL_TALK_WEIGHT = 0.5;
const FIELDS = ['statement', 'quote', 'tags', 'topic'] as const;
const BOOST = { statement: 3, tags: 2, topic: 1.5, quote: 1 };

/**
 * Typos are forgiven on longer misspelt words only: a word the pack itself uses, a real
 * English word ("visit"), a number or an alias key is looked up as it is. Prefixes are
 * still tried on such a word (the stems of "balancing" and "balance" differ). Besides being
 * right, this keeps search fast: looking for near spellings walks much of the dictionary.
 */
const misspellable = (term: string): boolean => !/\d/.test(term) && !isAliasKey(term) && !ENGLISH_WORDS.has(term);
const FUZZY = 0.2;
const MAX_TYPOS = 2;
const fuzzy = (term: string, known: boolean): number | false => (term.length >= 6 && !known && misspellable(term) ? FUZZY : false);
const prefix = (term: string): boolean => term.length >= 5 && misspellable(term);
/** Edits forgiven in a term, as MiniSearch turns a fuzzy share into a distance. */
const typos = (term: string, known: boolean): number => (fuzzy(term, known) ? Math.min(MAX_TYPOS, Math.round(term.length * FUZZY)) : 0);

/**
 * The same search as MiniSearch options. The engine does not use them: the benchmark does,
 * to time raw MiniSearch doing exactly what the index does, and a test checks the two agree.
 */
export function miniSearchOptions(analyzer: Analyzer): Options<IndexedFact> {
  // The words indexed, so that a word the pack uses is not taken for a typo.
  const vocabulary = new Set<string>();
  return {
    fields: [...FIELDS],
    tokenize: (text) => {
      const terms = analyzer.terms(text);
      for (const t of terms) vocabulary.add(t);
      return terms;
    },
    processTerm: (term) => term,
    // Questions are analysed before searching (see FactIndex.query), so search splits on spaces only.
    searchOptions: {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: BOOST,
      fuzzy: (term) => fuzzy(term, vocabulary.has(term)),
      prefix,
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

/** The distinct terms of a question's concepts: what is looked up. */
function queryTerms(concepts: readonly Concept[]): string[] {
  return [...new Set(concepts.flatMap((c) => c.terms))];
}

/** The question as MiniSearch is handed it, for the benchmark and the agreement test. */
export function searchText(concepts: readonly Concept[]): string {
  return queryTerms(concepts).join(' ');
}

export class FactIndex {
  readonly analyzer: Analyzer;
  private readonly postings = new Postings(FIELDS.map((f) => BOOST[f]));
  private readonly shortlist = new Shortlist(this.postings);
  /** Facts by id, in the order they were added. */
  private readonly facts = new Map<string, Fact>();
  /** The postings know facts by number: a fact replaced gets a new one, so numbers only grow. */
  private readonly numbers = new Map<string, number>();
  private readonly byNumber: (Fact | undefined)[] = [];

  constructor(facts: readonly Fact[], private readonly topicNames: ReadonlyMap<string, string>, aliases: readonly (readonly string[])[]) {
    this.analyzer = new Analyzer(aliases);
    for (const f of facts) this.add(f);
    this.postings.settle();
  }

  get size(): number {
    return this.facts.size;
  }

  get(id: string): Fact | undefined {
    return this.facts.get(id);
  }

  all(): IterableIterator<Fact> {
    return this.facts.values();
  }

  /** Adds a fact, or replaces the one with the same id, without rebuilding the index. */
  upsert(fact: Fact): void {
    const old = this.facts.get(fact.id);
    const number = this.numbers.get(fact.id);
    if (old && number !== undefined) {
      this.postings.remove(number, this.fieldTerms(old));
      this.byNumber[number] = undefined;
      this.facts.delete(fact.id);
    }
    this.add(fact);
  }

  /** Analyses a question into weighted concepts. */
  query(text: string): Query {
    const concepts = this.analyzer.concepts(text);
    return { text, concepts, weights: concepts.map((c) => this.weight(c)) };
  }

  /** Facts that match the question, best first, each with its coverage. */
  search(query: Query, limit = 40): Hit[] {
    if (query.concepts.length === 0) return [];
    const total = query.weights.reduce((a, b) => a + b, 0);
    const expansions = new Map(
      queryTerms(query.concepts).map((t) => [t, this.postings.expand(t, typos(t, this.postings.frequency(t) > 0), prefix(t))]),
    );
    const covered = this.coverage(query, expansions);
    const hits = this.shortlist.best([...expansions.values()], limit * 3).map(({ doc, score }) => {
      const coverage = total > 0 ? covered(doc) / total : 0;
      return { fact: this.byNumber[doc]!, score, coverage, rank: score * coverage * coverage };
    });
    hits.sort((a, b) => b.rank - a.rank || a.fact.id.localeCompare(b.fact.id));
    return hits.slice(0, limit);
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
   * The summed weight of the question's concepts that a fact covers. A typo or prefix match
   * stands in for a misspelt word ("pipline"), never for a real English word the pack lacks:
   * "weather" is not a misspelt "leather". So each concept is looked for in the expansions
   * of its terms, or in its terms as typed only.
   */
  private coverage(query: Query, expansions: ReadonlyMap<string, Expansion[]>): (doc: number) => number {
    const concepts = query.concepts.map((c, i) => {
      const loose = !ENGLISH_WORDS.has(c.word);
      const reach = c.terms.flatMap((t) => (expansions.get(t) ?? []).filter((e) => loose || e.term === t));
      return { reach, weight: query.weights[i]! };
    });
    return (doc) => {
      let weight = 0;
      for (const c of concepts) if (this.postings.reaches(c.reach, doc)) weight += c.weight;
      return weight;
    };
  }

  /**
   * Inverse document frequency of a concept: rare words weigh more. A word the pack has
   * never seen weighs most ("France" in "capital of France" is the real subject), unless
   * it is everyday English ("story", "kicked"), which is small talk around the question.
   */
  private weight(concept: Concept): number {
    const n = this.facts.size;
    const df = Math.max(0, ...concept.terms.map((t) => this.postings.frequency(t)));
    if (df === 0 && EVERYDAY_WORDS.has(concept.word)) return SMALL_TALK_WEIGHT;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private add(fact: Fact): void {
    const number = this.byNumber.length;
    this.byNumber.push(fact);
    this.numbers.set(fact.id, number);
    this.facts.set(fact.id, fact);
    this.postings.add(number, this.fieldTerms(fact));
  }

  /** A fact's terms, field by field. A replaced fact is analysed again rather than its terms kept: rare, and cheaper than memory. */
  private fieldTerms(fact: Fact): string[][] {
    const doc = indexedFact(fact, this.topicNames);
    return FIELDS.map((f) => this.analyzer.terms(doc[f]));
  }
}

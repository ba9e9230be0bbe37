/**
 * A MiniSearch index over a pack's facts that also says how much of a question each hit
 * covers. Coverage, weighted by how rare each word is, is what separates "about this" from
 * "shares a word with this": "capital of France" shares only "capital" with a fact about a
 * capital injection, so it covers too little to be answered.
 *
 *   const index = new FactIndex(pack.facts, topicNames, pack.aliases);
 *   const hits = index.search(index.query('who built the steel mill'));   // best first
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Fact } from '../knowledge/schema.js';
import { Analyzer, isAliasKey, type Concept } from './analyzer.js';
import { ENGLISH_WORDS, EVERYDAY_WORDS } from './everyday-words.js';

export interface Hit {
  fact: Fact;
  /** MiniSearch's BM25 score. */
  score: number;
  /** Share (0–1) of the question's weighted concepts that this fact covers. */
  coverage: number;
  /** score × coverage²: what answers are ranked by. */
  rank: number;
  /** The question's concepts this fact covers. */
  covered: Concept[];
}

export interface Query {
  text: string;
  concepts: Concept[];
  /** Each concept's weight (inverse document frequency). */
  weights: number[];
}

/** A fact as MiniSearch stores it. */
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
 * Typos are forgiven on longer misspelt words only: a real English word ("visit"), a number
 * or an alias key is looked up as it is. That also keeps search fast on large packs, since
 * expanding a word walks much of the index.
 */
const misspellable = (term: string): boolean => !/\d/.test(term) && !isAliasKey(term) && !ENGLISH_WORDS.has(term);
const fuzzy = (term: string): number | false => (term.length >= 6 && misspellable(term) ? 0.2 : false);
const prefix = (term: string): boolean => term.length >= 5 && misspellable(term);

/**
 * The MiniSearch options the index is built and searched with. Exported so the benchmark
 * can time raw MiniSearch under exactly the same settings.
 */
export function miniSearchOptions(analyzer: Analyzer): Options<IndexedFact> {
  return {
    fields: [...FIELDS],
    tokenize: (text) => analyzer.terms(text),
    processTerm: (term) => term,
    // Questions are analysed before searching (see FactIndex.query), so search splits on spaces only.
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term, boost: BOOST, fuzzy, prefix, maxFuzzy: 2 },
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

/** What the index hands MiniSearch for a question: the distinct terms of its concepts. */
export function searchText(concepts: readonly Concept[]): string {
  return [...new Set(concepts.flatMap((c) => c.terms))].join(' ');
}

export class FactIndex {
  readonly analyzer: Analyzer;
  private readonly search_: MiniSearch<IndexedFact>;
  private readonly facts = new Map<string, Fact>();
  private readonly df = new Map<string, number>();
  /** Each field's terms as remember() analysed them, handed to MiniSearch so it does not analyse them again. */
  private readonly analysed = new Map<string, string[]>();

  constructor(facts: readonly Fact[], private readonly topicNames: ReadonlyMap<string, string>, aliases: readonly (readonly string[])[]) {
    this.analyzer = new Analyzer(aliases);
    const options = miniSearchOptions(this.analyzer);
    this.search_ = new MiniSearch<IndexedFact>({ ...options, tokenize: (text) => this.analysed.get(text) ?? this.analyzer.terms(text) });
    for (const f of facts) {
      this.search_.add(this.remember(f));
      this.analysed.clear();
    }
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
    if (this.facts.has(fact.id)) {
      this.forget(fact.id);
      this.search_.replace(this.remember(fact));
    } else {
      this.search_.add(this.remember(fact));
    }
    this.analysed.clear();
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
    const results = this.search_.search(searchText(query.concepts));
    const hits = results.slice(0, limit * 3).map((r) => this.toHit(r, query, total));
    hits.sort((a, b) => b.rank - a.rank || a.fact.id.localeCompare(b.fact.id));
    return hits.slice(0, limit);
  }

  /** Completions for a partial question, from the index's own vocabulary. */
  suggest(partial: string, limit = 25): string[] {
    return this.search_
      .autoSuggest(partial, { fuzzy: 0.2, prefix: true })
      .map((s) => s.suggestion)
      .filter((s) => !s.split(' ').some(isAliasKey))
      .slice(0, limit);
  }

  private toHit(r: SearchResult, query: Query, total: number): Hit {
    const matched = new Set(r.queryTerms);
    const exact = new Set(r.terms);
    const covered: Concept[] = [];
    let weight = 0;
    query.concepts.forEach((c, i) => {
      // A typo or prefix match stands in for a misspelt word ("pipline"), never for a real
      // English word the pack lacks: "weather" is not a misspelt "leather".
      const loose = !ENGLISH_WORDS.has(c.word);
      if (c.terms.some((t) => exact.has(t) || (loose && matched.has(t)))) {
        covered.push(c);
        weight += query.weights[i]!;
      }
    });
    const coverage = total > 0 ? weight / total : 0;
    return { fact: this.facts.get(r.id as string)!, score: r.score, coverage, rank: r.score * coverage * coverage, covered };
  }

  /**
   * Inverse document frequency of a concept: rare words weigh more. A word the pack has
   * never seen weighs most ("France" in "capital of France" is the real subject), unless
   * it is everyday English ("story", "kicked"), which is small talk around the question.
   */
  private weight(concept: Concept): number {
    const n = this.facts.size;
    const df = Math.max(0, ...concept.terms.map((t) => this.df.get(t) ?? 0));
    if (df === 0 && EVERYDAY_WORDS.has(concept.word)) return SMALL_TALK_WEIGHT;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private remember(fact: Fact): IndexedFact {
    const doc = indexedFact(fact, this.topicNames);
    this.facts.set(fact.id, fact);
    const terms = new Set(
      FIELDS.flatMap((f) => {
        const fieldTerms = this.analyzer.terms(doc[f]);
        this.analysed.set(doc[f], fieldTerms);
        return fieldTerms;
      }),
    );
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    return doc;
  }

  /**
   * A replaced fact's terms are analysed again rather than kept from remember(): kept, one
   * set per fact, they would cost about a fifth of the index's memory for a rare event.
   */
  private forget(id: string): void {
    const old = this.facts.get(id);
    if (old) {
      const doc = indexedFact(old, this.topicNames);
      for (const t of new Set(FIELDS.flatMap((f) => this.analyzer.terms(doc[f])))) this.df.set(t, (this.df.get(t) ?? 1) - 1);
    }
    this.facts.delete(id);
  }
}

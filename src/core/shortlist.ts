/**
 * Picks a query's best-scoring facts from the postings. Scores are gathered in flat arrays
 * with a slot per fact, cleared for each query: in a pack about Russia and Pakistan most
 * facts say "Russia" and "Pakistan", so nearly every fact is reached, and a tight loop over
 * typed arrays costs a few nanoseconds per posting where a result object per fact (as in
 * MiniSearch) costs far more. Query terms are added up in order, as MiniSearch's OR adds
 * them, so the scores are MiniSearch's to the last bit; equal scores go to the earlier fact.
 *
 *   const shortlist = new Shortlist(postings);
 *   shortlist.best(query, 120);   // [{ doc, score }], best first
 */
import type { Expansion, Postings } from './postings.js';

export interface Scored {
  doc: number;
  score: number;
}

/** What looking a fact up in a term's postings (a binary search) costs, in postings read in a row. */
const LOOKUP_COST = 20;

export class Shortlist {
  // Per-fact scratch space, reused by every query: all zeros between queries.
  private total = new Float64Array(0);
  private matched = new Uint16Array(0);
  /** One term's score per fact while its expansions are summed; all zeros between terms. */
  private termScore = new Float64Array(0);
  /** How many queries pruning answered (the rest were scored in full). */
  prunedQueries = 0;
  /** The facts a pruned search has reached so far. */
  private touched = new Int32Array(1024);

  /** `prune`: false scores every fact every term reaches (for tests to compare with). */
  constructor(
    private readonly postings: Postings,
    private readonly prune = true,
  ) {}

  /** The `limit` best facts for a query (one list of expansions per query term, in query order), best first. */
  best(query: readonly (readonly Expansion[])[], limit: number): Scored[] {
    const size = this.postings.capacity;
    this.prepare(size);
    // A word the pack does not have, even misspelt, adds nothing.
    const terms = query.filter((expansions) => expansions.length > 0);
    if (limit <= 0) return [];
    return (this.prune ? this.pruned(terms, limit) : null) ?? this.everything(terms, size, limit);
  }

  /** Every fact every term reaches, scored in full: the scores MiniSearch gives, to the last bit. */
  private everything(terms: readonly (readonly Expansion[])[], size: number, limit: number): Scored[] {
    const { total, matched, termScore } = this;
    for (const expansions of terms) {
      const only = expansions.length === 1 && expansions[0]!.weight === 1 ? expansions[0]! : null;
      if (only) {
        // The common case, a term looked up only as typed: its ready-made scores go straight onto the totals.
        const { docs, size: n } = only.postings;
        const impacts = this.postings.impacts(only.postings);
        for (let i = 0; i < n; i++) {
          const doc = docs[i]!;
          total[doc] = total[doc]! + impacts[i]!;
          matched[doc] = matched[doc]! + 1;
        }
        continue;
      }
      // A term reached through a prefix, a typo or a related word: its expansions are summed
      // apart first, field by field as MiniSearch sums them, then added once. Only the facts
      // they reach are visited, and each is set back to zero once added, so termScore is all
      // zeros between terms without a pass over every fact (on a big pack, most of the cost).
      for (const expansion of expansions) this.postings.addScores(expansion, termScore);
      for (const expansion of expansions) {
        const { docs, size: n } = expansion.postings;
        for (let i = 0; i < n; i++) {
          const doc = docs[i]!;
          const score = termScore[doc]!;
          if (score === 0) continue;
          total[doc] = total[doc]! + score;
          matched[doc] = matched[doc]! + 1;
          termScore[doc] = 0;
        }
      }
    }
    return this.pick(size, limit);
  }

  /**
   * The same best facts, without reading the common terms' postings whole (MaxScore). Each
   * term has a bound, the most it can add to one fact. The terms are read from the highest
   * bound down (the rare words first) until the facts reached so far already hold `limit`
   * scores that no fact outside them could reach with the terms left: then only the facts
   * reached are scored in full, each term looked up in them, in query order and with the
   * same arithmetic as `everything`, so scores and ties come out the same to the last bit.
   * In a pack where most facts say "Russia", "russia" is then looked up in a few hundred
   * facts rather than read for hundreds of thousands. Null when pruning would not pay: the
   * caller scores everything.
   */
  private pruned(terms: readonly (readonly Expansion[])[], limit: number): Scored[] | null {
    const n = terms.length;
    if (n < 2) return null;
    const bounds = terms.map((expansions) => expansions.reduce((sum, e) => sum + this.postings.bound(e), 0));
    const order = [...bounds.keys()].sort((a, b) => bounds[b]! - bounds[a]!);
    /** What the terms from order[j] on can add to one fact, at most. */
    const rest = new Float64Array(n + 1);
    for (let j = n - 1; j >= 0; j--) rest[j] = rest[j + 1]! + bounds[order[j]!]!;
    const reach = terms.map((expansions) => expansions.reduce((sum, e) => sum + e.postings.size, 0));
    const everyPosting = reach.reduce((a, b) => a + b, 0);
    let read = 0;
    let touched = 0;
    let first = -1; // the first term not read
    let threshold = 0;
    for (let j = 0; j + 1 < n && read + reach[order[j]!]! <= everyPosting / 2; j++) {
      touched = this.readPartly(terms[order[j]!]!, touched);
      read += reach[order[j]!]!;
      if (touched < limit) continue;
      // Looking each term up in more facts than a tenth of what is left to read would not pay.
      if (touched * (n - j - 1) > (everyPosting - read) / LOOKUP_COST) break;
      threshold = this.kthBest(touched, limit);
      // A fact no term read so far reaches has at most the rest of the bounds, times the terms left.
      if (rest[j + 1]! * (n - j - 1) < threshold * (1 - 1e-9)) {
        first = j + 1;
        break;
      }
    }
    const { total, matched } = this;
    if (first < 0) {
      for (let i = 0; i < touched; i++) {
        total[this.touched[i]!] = 0;
        matched[this.touched[i]!] = 0;
      }
      return null;
    }
    // The facts reached that could still make the list with every term left, in fact order.
    const left = n - first;
    const candidates: number[] = [];
    for (let i = 0; i < touched; i++) {
      const doc = this.touched[i]!;
      if ((total[doc]! + rest[first]!) * (matched[doc]! + left) * (1 + 1e-9) >= threshold) candidates.push(doc);
      total[doc] = 0;
      matched[doc] = 0;
    }
    if (candidates.length * n > (everyPosting - read) / LOOKUP_COST) return null;
    candidates.sort((a, b) => a - b);
    const scorers = terms.map((expansions) =>
      expansions.map((e) => ({ postings: e.postings, add: this.postings.scorer(e) })),
    );
    const heap = new Heap(limit);
    for (const doc of candidates) {
      let sum = 0;
      let count = 0;
      for (let t = 0; t < n; t++) {
        const list = scorers[t]!;
        const only = list.length === 1 && terms[t]![0]!.weight === 1;
        let score = 0;
        let reached = false;
        for (const { postings, add } of list) {
          const i = postings.indexOf(doc);
          if (i < 0) continue;
          score = add(score, i);
          reached = true;
        }
        if (only ? !reached : score === 0) continue;
        sum += score;
        count += 1;
      }
      if (count !== 0) heap.offer(doc, sum * count);
    }
    this.prunedQueries += 1;
    return heap.sorted();
  }

  /** Adds one term's scores onto the totals in any order (a bound's work, not the final sum), noting the facts first reached. */
  private readPartly(expansions: readonly Expansion[], touched: number): number {
    const { total, matched, termScore } = this;
    for (const expansion of expansions) this.postings.addScores(expansion, termScore);
    for (const expansion of expansions) {
      const { docs, size: n } = expansion.postings;
      for (let i = 0; i < n; i++) {
        const doc = docs[i]!;
        const score = termScore[doc]!;
        if (score === 0) continue;
        if (matched[doc] === 0) {
          if (touched === this.touched.length) {
            const bigger = new Int32Array(touched * 2);
            bigger.set(this.touched);
            this.touched = bigger;
          }
          this.touched[touched++] = doc;
        }
        total[doc] = total[doc]! + score;
        matched[doc] = matched[doc]! + 1;
        termScore[doc] = 0;
      }
    }
    return touched;
  }

  /** The `limit`-th best score (total × terms matched) among the facts reached. */
  private kthBest(touched: number, limit: number): number {
    const heap = new Heap(limit);
    for (let i = 0; i < touched; i++) {
      const doc = this.touched[i]!;
      heap.offer(doc, this.total[doc]! * this.matched[doc]!);
    }
    return heap.worst;
  }

  /**
   * The `limit` best totals (score × query terms matched), through a min-heap of the best so
   * far (scores and facts in two typed arrays, the worst at the root). Facts come in order,
   * so a later fact with an equal score is worse and stays out. Clears the totals as it goes.
   */
  private pick(size: number, limit: number): Scored[] {
    const { total, matched } = this;
    const heap = new Heap(limit);
    for (let doc = 0; doc < size; doc++) {
      const m = matched[doc]!;
      if (m === 0) continue;
      heap.offer(doc, total[doc]! * m);
      total[doc] = 0;
      matched[doc] = 0;
    }
    return heap.sorted();
  }

  private prepare(size: number): void {
    if (size > this.total.length) {
      const room = Math.max(size, this.total.length * 2, 64);
      this.total = new Float64Array(room);
      this.matched = new Uint16Array(room);
      this.termScore = new Float64Array(room);
    }
  }
}

/** A fixed-size min-heap of (fact, score), worst at the root: lower score, or the same score on a later fact. */
class Heap {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private n = 0;

  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.docs = new Int32Array(capacity);
  }

  offer(doc: number, score: number): void {
    if (this.n < this.capacity) {
      this.scores[this.n] = score;
      this.docs[this.n] = doc;
      this.up(this.n++);
    } else if (score > this.scores[0]!) {
      this.scores[0] = score;
      this.docs[0] = doc;
      this.down(0);
    }
  }

  /** The worst score kept (0 while not full). */
  get worst(): number {
    return this.n < this.capacity ? 0 : this.scores[0]!;
  }

  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.n; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private worse(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    return a < b || (a === b && this.docs[i]! > this.docs[j]!);
  }

  private swap(i: number, j: number): void {
    const score = this.scores[i]!;
    const doc = this.docs[i]!;
    this.scores[i] = this.scores[j]!;
    this.docs[i] = this.docs[j]!;
    this.scores[j] = score;
    this.docs[j] = doc;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      let worst = i;
      if (l < this.n && this.worse(l, worst)) worst = l;
      if (l + 1 < this.n && this.worse(l + 1, worst)) worst = l + 1;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}

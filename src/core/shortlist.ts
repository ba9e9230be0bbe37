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

export class Shortlist {
  // Per-fact scratch space, reused by every query.
  private total = new Float64Array(0);
  private matched = new Uint16Array(0);
  /** One term's score per fact while its expansions are summed; all zeros between terms. */
  private termScore = new Float64Array(0);
  private heap: Heap | undefined;

  constructor(private readonly postings: Postings) {}

  /** The `limit` best facts for a query (one list of expansions per query term, in query order), best first. */
  best(query: readonly (readonly Expansion[])[], limit: number): Scored[] {
    const size = this.postings.capacity;
    this.prepare(size);
    const { total, matched, termScore } = this;
    for (const expansions of query) {
      if (expansions.length === 0) continue; // a word the pack does not have, even misspelt
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
   * The `limit` best totals (score × query terms matched), through a min-heap of the best so
   * far (scores and facts in two typed arrays, the worst at the root). Facts come in order,
   * so a later fact with an equal score is worse and stays out.
   */
  private pick(size: number, limit: number): Scored[] {
    const { total, matched } = this;
    // One heap serves every query of the same limit (its typed arrays are not made anew).
    if (this.heap?.capacity !== Math.max(limit, 0)) this.heap = new Heap(Math.max(limit, 0));
    const heap = this.heap;
    heap.clear();
    // Once the heap is full, a fact no better than its worst stays out (a later fact loses a
    // tie): told here, without a call, for most of a big pack's facts. A fact no query term
    // reached scores 0, under any floor of a full heap: that test comes first because it is
    // nearly always true, where "reached?" is a coin toss the processor mispredicts.
    let floor = -Infinity;
    for (let doc = 0; doc < size && limit > 0; doc++) {
      const m = matched[doc]!;
      const score = total[doc]! * m;
      if (score <= floor || m === 0) continue;
      heap.offer(doc, score);
      if (heap.full) floor = heap.worst;
    }
    return heap.sorted();
  }

  private prepare(size: number): void {
    if (size > this.total.length) {
      const room = Math.max(size, this.total.length * 2, 64);
      this.total = new Float64Array(room);
      this.matched = new Uint16Array(room);
      this.termScore = new Float64Array(room);
    } else {
      this.total.fill(0, 0, size);
      this.matched.fill(0, 0, size);
    }
  }
}

/** A fixed-size min-heap of (fact, score), worst at the root: lower score, or the same score on a later fact. */
class Heap {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private n = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.docs = new Int32Array(capacity);
  }

  /** Empties the heap for the next query. */
  clear(): void {
    this.n = 0;
  }

  get full(): boolean {
    return this.n === this.capacity;
  }

  /** The worst score kept (the root). */
  get worst(): number {
    return this.scores[0]!;
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

/**
 * The inverted index under FactIndex. It scores exactly as MiniSearch's `search` does (BM25
 * per field with field boosts, prefix and typo expansion at MiniSearch's weights, the sum
 * times the number of query terms matched) but keeps each term's facts in typed arrays and
 * adds scores up in flat arrays. A word that most facts share ("russia") then costs one pass
 * over an Int32Array rather than a result object per fact, and 100,000 facts fit in tens of
 * megabytes. The term dictionary is MiniSearch's own SearchableMap, a radix tree with the
 * prefix and fuzzy lookups MiniSearch itself uses.
 *
 *   const postings = new Postings([3, 1]);                 // two fields and their boosts
 *   postings.add(0, [['steel', 'mill'], ['karachi', 'steel']]);
 *   const scores = new Float64Array(postings.capacity);
 *   for (const e of postings.expand('steel', 0, false)) postings.addScores(e, scores); // scores[0] > 0
 *
 * Shortlist (shortlist.ts) picks a query's best facts from them.
 */
import SearchableMap from 'minisearch/SearchableMap';

/** MiniSearch's defaults, spelt out so that the benchmark can hand MiniSearch the same. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
export const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };

/** A term's count in one field is kept in a byte: fields are sentences, not books. */
const MAX_COUNT = 255;

/**
 * A collocation's term ("call_off", see analyzer.ts) stands beside the words that say it, which
 * the field's length counts already: it adds nothing to the length, so a fact's scores for its
 * words are the same with it as without; and no typo or prefix of a word reaches it.
 */
const besideWords = (term: string): boolean => term.includes('_');

/** A term's count in field `f`, out of the counts packed a byte per field. */
const countIn = (packed: number, f: number): number => (packed >>> (8 * f)) & 0xff;

/** One term's facts in ascending order, each with its count in every field (a byte per field). */
class TermPostings {
  size = 0;
  /** How many facts have the term in each field: BM25's document frequency is per field. */
  readonly inField: number[];
  /** Each fact's score for the term as typed, and the index version they were worked out for (see Postings.impacts). */
  impacts: Float64Array | null = null;
  impactsVersion = -1;

  constructor(
    fields: number,
    public docs = new Int32Array(4),
    public counts = new Uint32Array(4),
  ) {
    this.inField = new Array<number>(fields).fill(0);
  }

  push(doc: number, counts: number): void {
    if (this.size === this.docs.length) {
      this.docs = grow(this.docs, this.size * 2);
      this.counts = grow(this.counts, this.size * 2);
    }
    this.docs[this.size] = doc;
    this.counts[this.size] = counts;
    this.size += 1;
  }

  /** Position of a fact, or -1. Facts are numbered in the order they are added, so a binary search finds it. */
  indexOf(doc: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.docs[mid]!;
      if (at === doc) return mid;
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  removeAt(i: number): void {
    this.docs.copyWithin(i, i + 1, this.size);
    this.counts.copyWithin(i, i + 1, this.size);
    this.size -= 1;
  }

  /** Gives back the spare room that doubling left, once a batch of facts is in. */
  trim(): void {
    if (this.docs.length === this.size) return;
    this.docs = this.docs.slice(0, this.size);
    this.counts = this.counts.slice(0, this.size);
  }
}

/**
 * The postings as saved and read back (see index-store.ts): each term's facts in ascending
 * order with their counts (a byte per field), got by the term's number. Read back, a term's
 * lists are made only when it is first looked up.
 */
export interface StoredPostings {
  terms: string[];
  sizes: Int32Array;
  /** Per term, how many facts have it in each field (`fields` numbers a term). */
  inField: Int32Array;
  /** Term i's facts and counts, `sizes[i]` of each. */
  list(i: number): { docs: Int32Array; counts: Uint32Array };
  /** Each fact's length in each field. */
  lengths: Uint16Array;
  averageLength: Float64Array;
  count: number;
  room: number;
}

/** A term of the index that a query term reaches, and what reaching it is worth: 1 as typed, less through a prefix or a typo. */
export interface Expansion {
  term: string;
  weight: number;
  postings: TermPostings;
}

export class Postings {
  /**
   * Postings by term. A plain Map is many times faster to fill than the radix tree below.
   * Read back from a saved index, a term maps to its number in the stored arrays until it is
   * first looked up (see open): a start makes no object per term.
   */
  private readonly terms = new Map<string, TermPostings | number>();
  /** What a restored index reads its terms' lists from. */
  private saved: StoredPostings | null = null;
  /** The same terms in MiniSearch's radix tree, for prefix and typo lookups; built on first need (see dictionary). */
  private tree: SearchableMap<true> | null = null;
  private readonly fields: number;
  /** Each fact's number of distinct terms in each field, as MiniSearch counts a field's length. */
  private lengths = new Uint16Array(0);
  private readonly averageLength: number[];
  private count = 0;
  /** One more than the highest fact number: how much room per-fact scratch space needs. */
  private room = 0;
  /** See lengthNorms(); null when facts have changed since. */
  private norms: Float64Array | null = null;
  /**
   * A term's BM25 saturation where it stands once in a field, `(1·(k + 1)) / (1 + norm)`, for
   * each fact's each field: the most common count, and a division less per posting. The same
   * operations on the same numbers as worked out per posting, so the same result to the bit.
   */
  private onceNorms: Float64Array | null = null;
  /** Counts changes to the facts: scores worked out before a change are stale after it. */
  private version = 0;

  /** `boosts`: each field's weight, in field order. */
  constructor(private readonly boosts: readonly number[]) {
    if (boosts.length > 4) throw new Error('Postings packs a count per field into 32 bits: at most 4 fields');
    this.fields = boosts.length;
    this.averageLength = new Array<number>(this.fields).fill(0);
  }

  get capacity(): number {
    return this.room;
  }

  /** The postings to be saved (see StoredPostings). */
  stored(): StoredPostings {
    const terms = [...this.terms.keys()];
    const lists = terms.map((term) => this.get(term)!);
    const sizes = new Int32Array(terms.length);
    const inField = new Int32Array(terms.length * this.fields);
    lists.forEach((postings, i) => {
      sizes[i] = postings.size;
      inField.set(postings.inField, i * this.fields);
    });
    return {
      terms,
      sizes,
      inField,
      list: (i) => ({
        docs: lists[i]!.docs.subarray(0, lists[i]!.size),
        counts: lists[i]!.counts.subarray(0, lists[i]!.size),
      }),
      lengths: this.lengths.slice(0, this.room * this.fields),
      averageLength: Float64Array.from(this.averageLength),
      count: this.count,
      room: this.room,
    };
  }

  /**
   * Postings read back from `stored()`. A term's lists are made when it is first looked up,
   * and its scores worked out on first use: start-up waits for neither.
   */
  static restore(boosts: readonly number[], stored: StoredPostings): Postings {
    const postings = new Postings(boosts);
    stored.terms.forEach((term, i) => postings.terms.set(term, i));
    postings.saved = stored;
    postings.lengths = stored.lengths as Uint16Array<ArrayBuffer>;
    stored.averageLength.forEach((a, f) => {
      postings.averageLength[f] = a;
    });
    postings.count = stored.count;
    postings.room = stored.room;
    postings.changed();
    return postings;
  }

  /** A term's postings; a stored term's made into a list when first asked for. */
  private get(term: string): TermPostings | undefined {
    const found = this.terms.get(term);
    if (typeof found !== 'number') return found;
    const stored = this.saved!;
    const { fields } = this;
    const { docs, counts } = stored.list(found);
    const list = new TermPostings(fields, docs as Int32Array<ArrayBuffer>, counts as Uint32Array<ArrayBuffer>);
    list.size = docs.length;
    for (let f = 0; f < fields; f++) list.inField[f] = stored.inField[found * fields + f]!;
    this.terms.set(term, list);
    return list;
  }

  /** A term's postings, or undefined if no fact carries it. */
  lookup(term: string): TermPostings | undefined {
    return this.get(term);
  }

  /** How many facts carry both terms. */
  together(a: string, b: string): number {
    const x = this.get(a);
    const y = this.get(b);
    if (!x || !y) return 0;
    let n = 0;
    for (let i = 0, j = 0; i < x.size && j < y.size; ) {
      const d = x.docs[i]! - y.docs[j]!;
      if (d === 0) n++;
      if (d <= 0) i++;
      if (d >= 0) j++;
    }
    return n;
  }

  /** How many facts carry the term, in any field. */
  frequency(term: string): number {
    const found = this.terms.get(term);
    if (typeof found === 'number') return this.saved!.sizes[found]!;
    return found?.size ?? 0;
  }

  /**
   * Adds a fact by number, with its terms field by field. Numbers must grow: a replaced
   * fact is removed and added again under a new number, as MiniSearch does.
   */
  add(doc: number, fieldTerms: readonly (readonly string[])[]): void {
    this.reserve(doc + 1);
    this.changed();
    this.count += 1;
    fieldTerms.forEach((terms, f) => {
      const one = 2 ** (8 * f);
      let distinct = 0;
      for (const term of terms) {
        let postings = this.get(term);
        if (!postings) {
          postings = new TermPostings(this.fields);
          this.terms.set(term, postings);
          if (!besideWords(term)) this.tree?.set(term, true);
        }
        // The fact is the last one in its terms' postings while it is being added.
        if (postings.size === 0 || postings.docs[postings.size - 1] !== doc) postings.push(doc, 0);
        const last = postings.size - 1;
        const count = countIn(postings.counts[last]!, f);
        if (count === 0) {
          if (!besideWords(term)) distinct += 1;
          postings.inField[f]! += 1;
        }
        if (count < MAX_COUNT) postings.counts[last] = postings.counts[last]! + one;
      }
      const length = Math.min(distinct, 0xffff);
      this.lengths[doc * this.fields + f] = length;
      // MiniSearch keeps a running average; the same arithmetic gives the same scores.
      this.averageLength[f] = (this.averageLength[f]! * (this.count - 1) + length) / this.count;
    });
  }

  /** Removes a fact, given the same terms it was added with. */
  remove(doc: number, fieldTerms: readonly (readonly string[])[]): void {
    this.changed();
    for (let f = 0; f < this.fields; f++) {
      const length = this.lengths[doc * this.fields + f]!;
      this.averageLength[f] = this.count === 1 ? 0 : (this.averageLength[f]! * this.count - length) / (this.count - 1);
    }
    this.count -= 1;
    for (const term of new Set(fieldTerms.flat())) {
      const postings = this.get(term);
      const i = postings?.indexOf(doc) ?? -1;
      if (!postings || i < 0) continue;
      const packed = postings.counts[i]!;
      for (let f = 0; f < this.fields; f++) if (countIn(packed, f)) postings.inField[f]! -= 1;
      postings.removeAt(i);
      if (postings.size === 0) {
        this.terms.delete(term);
        this.tree?.delete(term);
      }
    }
  }

  /**
   * Call once a batch of facts is in: shrinks every postings list to its size and works out
   * every term's scores now, so that no question pays for them later.
   */
  settle(): void {
    for (const term of this.terms.keys()) {
      const postings = this.get(term)!;
      postings.trim();
      this.impacts(postings);
    }
  }

  /** The radix tree, built when a query first needs a prefix or a near spelling: start-up does not wait for it. */
  private get dictionary(): SearchableMap<true> {
    if (!this.tree)
      this.tree = SearchableMap.from(
        [...this.terms.keys()].filter((term) => !besideWords(term)).map((term) => [term, true] as [string, true]),
      );
    return this.tree;
  }

  /**
   * The index terms a query term reaches: itself, then longer terms it begins (`prefix`), then
   * terms within `distance` edits (a typo), weighted as MiniSearch weighs them.
   */
  expand(term: string, distance: number, prefix: boolean): Expansion[] {
    const out: Expansion[] = [];
    const exact = this.get(term);
    if (exact) out.push({ term, weight: 1, postings: exact });
    const typos = distance > 0 ? this.dictionary.fuzzyGet(term, distance) : undefined;
    if (prefix) {
      for (const [longer] of this.dictionary.atPrefix(term)) {
        const extra = longer.length - term.length;
        if (!extra) continue;
        typos?.delete(longer); // a prefix match is scored as a prefix match only
        const postings = this.get(longer)!;
        out.push({ term: longer, weight: (WEIGHTS.prefix * longer.length) / (longer.length + 0.3 * extra), postings });
      }
    }
    for (const [near, [, edits]] of typos ?? []) {
      if (edits)
        out.push({
          term: near,
          weight: (WEIGHTS.fuzzy * near.length) / (near.length + edits),
          postings: this.get(near)!,
        });
    }
    return out;
  }

  /** Index terms that begin with `prefix`, each with how many facts carry it. */
  completions(prefix: string): [string, number][] {
    return [...this.dictionary.atPrefix(prefix)].map(([term]) => [term, this.frequency(term)]);
  }

  /** True if the fact carries any of the expansions. */
  reaches(expansions: readonly Expansion[], doc: number): boolean {
    for (const e of expansions) if (e.postings.indexOf(doc) >= 0) return true;
    return false;
  }

  /** Each fact's score for a term as typed, kept until the facts change (then worked out again on first use). */
  impacts(postings: TermPostings): Float64Array {
    if (postings.impacts && postings.impactsVersion === this.version) return postings.impacts;
    const { factors, idf } = this.weights({ weight: 1, postings });
    const impacts = new Float64Array(postings.size);
    for (let i = 0; i < postings.size; i++)
      impacts[i] = this.addFields(0, postings.docs[i]!, postings.counts[i]!, factors, idf);
    postings.impacts = impacts;
    postings.impactsVersion = this.version;
    return impacts;
  }

  /**
   * Adds each fact's score for an expansion onto `scores` (indexed by fact), field by field
   * as MiniSearch adds them. A term as typed adds its ready-made impacts instead, which is
   * the same arithmetic when, as always, it comes first.
   */
  addScores(expansion: Expansion, scores: Float64Array): void {
    const { docs, counts, size } = expansion.postings;
    if (expansion.weight === 1) {
      const impacts = this.impacts(expansion.postings);
      for (let i = 0; i < size; i++) scores[docs[i]!] = scores[docs[i]!]! + impacts[i]!;
      return;
    }
    const { factors, idf } = this.weights(expansion);
    this.lengthNorms();
    const { norms, onceNorms, fields } = this;
    const { d, k } = BM25;
    // addFields, inlined: a related word or a prefix reaches hundreds of thousands of facts.
    for (let i = 0; i < size; i++) {
      const doc = docs[i]!;
      const base = doc * fields;
      let score = scores[doc]!;
      for (let f = 0, packed = counts[i]!; packed !== 0; f++, packed >>>= 8) {
        const tf = packed & 0xff;
        if (tf === 1) score += factors[f]! * (idf[f]! * (d + onceNorms![base + f]!));
        else if (tf) score += factors[f]! * (idf[f]! * (d + (tf * (k + 1)) / (tf + norms![base + f]!)));
      }
      scores[doc] = score;
    }
  }

  /** An expansion's weight times each field's boost, and the term's inverse document frequency in each field. */
  private weights({ weight, postings }: Pick<Expansion, 'weight' | 'postings'>): { factors: number[]; idf: number[] } {
    return {
      factors: this.boosts.map((boost) => weight * boost),
      idf: postings.inField.map((m) => Math.log(1 + (this.count - m + 0.5) / (m + 0.5))),
    };
  }

  /**
   * Adds a term's score in one fact to `score`: BM25 in each field the term is in, times the
   * field's factor, field by field in MiniSearch's order and arithmetic (a count of one's
   * saturation read from onceNorms). addScores has it inlined.
   */
  private addFields(
    score: number,
    doc: number,
    packed: number,
    factors: readonly number[],
    idf: readonly number[],
  ): number {
    const norms = this.norms ?? this.lengthNorms();
    const once = this.onceNorms!;
    const { d, k } = BM25;
    const base = doc * this.fields;
    for (let f = 0; packed !== 0; f++, packed >>>= 8) {
      const tf = packed & 0xff;
      if (tf === 1) score += factors[f]! * (idf[f]! * (d + once[base + f]!));
      else if (tf) score += factors[f]! * (idf[f]! * (d + (tf * (k + 1)) / (tf + norms[base + f]!)));
    }
    return score;
  }

  /**
   * BM25's length normalisation of every fact's every field, `k·(1 − b + b·length/average)`,
   * worked out once rather than per posting per query, and again only after facts change.
   */
  private lengthNorms(): Float64Array {
    if (this.norms) return this.norms;
    const { k, b } = BM25;
    const norms = new Float64Array(this.lengths.length);
    const once = new Float64Array(this.lengths.length);
    for (let i = 0; i < norms.length; i++) {
      norms[i] = k * (1 - b + (b * this.lengths[i]!) / this.averageLength[i % this.fields]!);
      once[i] = (1 * (k + 1)) / (1 + norms[i]!);
    }
    this.norms = norms;
    this.onceNorms = once;
    return norms;
  }

  private changed(): void {
    this.norms = null;
    this.onceNorms = null;
    this.version += 1;
  }

  private reserve(size: number): void {
    this.room = Math.max(this.room, size);
    if (size * this.fields <= this.lengths.length) return;
    this.lengths = grow(this.lengths, Math.max(size, 64, (this.lengths.length / this.fields) * 2) * this.fields);
  }
}

type Numbers = Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;

/** A copy of the array with room for `size` numbers. */
function grow<T extends Numbers>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, 4));
  bigger.set(array);
  return bigger;
}

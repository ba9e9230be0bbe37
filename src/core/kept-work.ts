/**
 * Work kept for reuse, bounded: the results of the last `size` distinct inputs, so what is
 * read again (the same facts answer many questions, the same words fill them) is not worked
 * out twice, and memory stays bounded however many different inputs a long-running bot sees.
 * The value for an input must depend on nothing else, and must not be changed by its users.
 *
 *   const readings = new KeptWork<string, Reading>(2000);
 *   readings.get(text, () => read(text));   // read once; the same object while it is kept
 */
export class KeptWork<K, V> {
  private readonly kept = new Map<K, V>();

  constructor(readonly size: number) {}

  /** The kept value for `key`, else `make()`'s, kept in place of the least recently used. */
  get(key: K, make: () => V): V {
    // One look-up for a kept value; `has` only tells a kept undefined from none. Keys are often
    // a fact's whole text, and each look-up compares it in full.
    const found = this.kept.get(key);
    if (found !== undefined || this.kept.has(key)) {
      // Used again: it is the most recent (a Map keeps insertion order).
      this.kept.delete(key);
      this.kept.set(key, found as V);
      return found as V;
    }
    const value = make();
    if (this.kept.size >= this.size) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, value);
    return value;
  }

  /** How many values are kept: never more than `size`. */
  get count(): number {
    return this.kept.size;
  }

  /** Forgets everything kept (what it was worked out from has changed). */
  clear(): void {
    this.kept.clear();
  }
}

/**
 * What a question or claim is about, against the disagreements its facts take sides in. A
 * disagreement is on the point when most of the question's words (parties and figures aside)
 * are in its summary, its sides or its topic's name: "is the old brotherhood with india over"
 * is on the point of "where Russia's ties with India stand"; "when was the embargo lifted" is
 * not, though its answer mentions India.
 *
 *   const point = new Point(reader.read(question).terms, analyser.terms);
 *   point.covers(topic);                                    // true if the topic's dispute is the point
 *   point.strays(fact.id, answering, disputes);             // true if citing it brings another dispute
 */
import type { Topic } from '../knowledge/schema.js';
import type { DisputeIndex } from './citations.js';

/** The share of the question's words a disagreement must have to be about its point. */
const ABOUT_POINT = 0.5;
/** Each disputed topic's words, read once: a topic belongs to one engine, whose analyser reads them. */
const topicWords = new WeakMap<Topic, ReadonlySet<string>>();

export class Point {
  /**
   * `terms`: the question's terms, parties and figures aside; `analyse`: the index's analyser;
   * `near`: each term's near spellings and close synonyms that the search took ("axis" for "bloc").
   */
  constructor(
    private readonly terms: readonly string[],
    private readonly analyse: (text: string) => string[],
    private readonly near: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {}

  /** True if the topic's disagreement is about the point, in the question's own words. */
  covers(topic: Topic): boolean {
    return this.share(topic, () => []) >= ABOUT_POINT;
  }

  /**
   * True if citing the fact would bring a disagreement off the point that the facts already
   * cited (`cited`, by id) do not bring: its sides would have to be shown beside an answer
   * they do not bear on. The fact answers the question already, so a near word of the
   * question's says the point as well as its own.
   */
  strays(id: string, cited: readonly string[], disputes: DisputeIndex): boolean {
    const brought = new Set(cited.flatMap((c) => disputes.of(c)));
    const near = (t: string) => this.near.get(t) ?? [];
    return disputes.of(id).some((topic) => !brought.has(topic) && this.share(topic, near) < ABOUT_POINT);
  }

  /** The share of the question's terms in the topic's name, summary or sides, by themselves or by `near` ones. */
  private share(topic: Topic, near: (term: string) => readonly string[]): number {
    if (this.terms.length === 0) return 0;
    let words = topicWords.get(topic);
    if (!words) {
      const d = topic.disagreement!;
      words = new Set(this.analyse([topic.name, d.summary, ...d.positions.map((p) => p.label)].join(' . ')));
      topicWords.set(topic, words);
    }
    return this.terms.filter((t) => words.has(t) || near(t).some((r) => words.has(r))).length / this.terms.length;
  }
}

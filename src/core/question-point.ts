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
/** …and with its sides' own words. */
const sideWords = new WeakMap<Topic, ReadonlySet<string>>();

export class Point {
  /** The question's terms, its sources' authors aside: who says a thing is not what is disputed. */
  private readonly terms: readonly string[];

  /**
   * `terms`: the question's terms, parties and figures aside; `analyse`: the index's analyser;
   * `near`: each term's near spellings and close synonyms that the search took ("axis" for "bloc");
   * `authors`: the terms of the sources' authors' names. "What slogan does Korybko want" is
   * not about every disagreement Korybko takes a side in, though the sides are labelled with
   * his name; a fact cited for "what did rock127 say about the Su-35" brings the dispute rock127
   * takes a side in.
   */
  constructor(
    private readonly all: readonly string[],
    private readonly analyse: (text: string) => string[],
    private readonly near: ReadonlyMap<string, readonly string[]> = new Map(),
    authors: ReadonlySet<string> = new Set(),
  ) {
    this.terms = all.filter((t) => !authors.has(t));
  }

  /** True if the topic's disagreement is about the point, in the question's own words. */
  covers(topic: Topic): boolean {
    return this.share(topic, () => []) >= ABOUT_POINT;
  }

  /**
   * True if a cited fact that takes a side in the topic's disagreement brings it: the
   * disagreement, or the clauses its sides take it in (`clauses`), are about the point. A
   * disagreement found between sources is named in a few words ("standard narrative of …
   * relations"), while its sides' clauses say what it is about ("Liaquat … cancelled the
   * Moscow visit"); the fact's other clauses ("a $153 million deal to sell Mi-35M
   * helicopters" beside the date of an engine deal) may be what it was cited for. As in
   * strays, a near word of the question's says the point as well as its own.
   */
  brings(topic: Topic, clauses: () => readonly string[]): boolean {
    let words = sideWords.get(topic);
    if (!words) {
      words = new Set([...this.wordsOf(topic), ...this.analyse(clauses().join(' . '))]);
      sideWords.set(topic, words);
    }
    return this.shareIn(words, (t) => this.near.get(t) ?? [], this.all) >= ABOUT_POINT;
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
    return this.shareIn(this.wordsOf(topic), near);
  }

  private shareIn(
    words: ReadonlySet<string>,
    near: (term: string) => readonly string[],
    terms: readonly string[] = this.terms,
  ): number {
    if (terms.length === 0) return 0;
    return terms.filter((t) => words.has(t) || near(t).some((r) => words.has(r))).length / terms.length;
  }

  private wordsOf(topic: Topic): ReadonlySet<string> {
    let words = topicWords.get(topic);
    if (!words) {
      const d = topic.disagreement!;
      words = new Set(this.analyse([topic.name, d.summary, ...d.positions.map((p) => p.label)].join(' . ')));
      topicWords.set(topic, words);
    }
    return words;
  }
}

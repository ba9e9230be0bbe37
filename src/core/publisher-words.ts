/**
 * Words of a publisher's name. A passage is said with its source ("According to Emily Troutman
 * (Agence France-Presse, 2011): …"), so its publisher's words are in what the index reads of
 * it; but a source that never says "France" in its text says nothing about France. A name a
 * question gives that the pack has only in its publishers' names, never in a quote, tag or
 * topic, is a name no source speaks of ("who is the president of france"), unless the question
 * names the publisher itself in full ("according to the washington post").
 *
 *   const words = new PublisherWords(['Agence France-Presse'], new Set(), terms);
 *   words.strays(['presid', 'franc'], (t) => t === 'franc');   // 'franc'
 */
import { salience } from './salience.js';

export class PublisherWords {
  /** Each publisher's name, as the terms it is written in. */
  private readonly names: string[][];
  constructor(
    publishers: readonly string[],
    /** The terms of authors' and posters' names (the engine's, see authorTerms): a question may well ask about those. */
    private readonly people: ReadonlySet<string>,
    private readonly terms: (text: string) => string[],
  ) {
    this.names = publishers.map(terms).filter((n) => n.length > 0);
  }

  /**
   * The first of a question's words (as `words`, each with its terms) that is a proper name
   * the pack knows only from a publisher's name that the question does not give in full.
   * `attributedOnly` tells a term the index has in no fact's own words (quote, tags, topic).
   */
  strays(words: readonly string[], attributedOnly: (term: string) => boolean): string | undefined {
    const asked = new Set(words.flatMap((w) => this.terms(w)));
    return words.find((word) => {
      if (salience(word) !== 'name') return false;
      const own = this.terms(word);
      if (own.length === 0 || own.some((t) => this.people.has(t) || !attributedOnly(t))) return false;
      const of = this.names.filter((n) => own.every((t) => n.includes(t)));
      return of.length > 0 && !of.some((n) => n.every((t) => asked.has(t)));
    });
  }
}

/**
 * Chooses which of the facts that match a question make its answer. The answering fact comes
 * first: the best-ranked one that gives what the question asks for (a date for "when", a
 * count for "how many"). Another joins only if it answers the same question about as well,
 * never just because it shares words; three at most. When facts are on the subject but none
 * gives what is asked, there is no answer, and the best of them are offered as related.
 *
 *   const shape = readQuestion('when did russia lift the embargo');
 *   const choice = compose(hits, shape, askedOf(shape.about));
 *   // { answering: [hit, …] } or { related: [hit, …] }
 */
import type { Fact } from '../knowledge/schema.js';
import { gives, givesBesidesTime, namesAnother, namesDate, type Asked } from './answer-type.js';
import { withoutAttribution } from './claims.js';
import { givesLike } from './figure-disagreement.js';
import type { Hit } from './fact-index.js';
import type { QuestionShape } from './question.js';

export interface ComposeOptions {
  /** Most facts an answer states. Default 3. */
  maxFacts?: number;
  /** A further fact must cover at least this share of what the first covers. Default 0.9. */
  sameCoverage?: number;
  /**
   * A further fact must rank at least this share of the first. Default 0.5: one ranked far
   * below the first shares the question's words, not its point, as often as not ("is the
   * pipeline being built" beside a plan for another pipeline that could join it).
   */
  sameRank?: number;
  /** Whether a further fact may join those chosen so far, beside answering as well. Default: it may. */
  joins?: (hit: Hit, chosen: readonly Hit[]) => boolean;
  /**
   * The hits that give what is asked, reordered so the one that answers leads. Default: as
   * ranked. A hit ranked above that gives no answer of the type is no rival to them: it
   * is left out before they are ordered (see deedFirst).
   */
  lead?: (fitting: readonly Hit[]) => readonly Hit[];
}

/** A year that only bounds a span or a tally ("till 2009", "by 1985"): when it stood, not when it happened. */
const BOUND = /\b(?:till|until|by|through|up to)\s+(?:(?:the end of|early|late|mid-?)\s+)?\d{4}\b/gi;
const saysDate = (fact: Fact): boolean =>
  namesDate(fact.quote.replace(BOUND, ' ')) || namesDate(withoutAttribution(fact.statement).replace(BOUND, ' '));

/** What goes on to qualify a sentence: "…, but the visit was canceled", "… and could be expanded to 20". */
const QUALIFIED = /^[\s,;:–—-]*(?:but|yet|though|although|however|and (?:could|may|might|would|will|can))\b/i;

/**
 * The hits with each whose quote another's holds whole, going on to qualify it ("Putin was
 * scheduled to visit" in "…, but the visit was canceled"), replaced by that other where it
 * ranks at least `least` of it: the shorter alone would leave out what turns it, often what
 * was asked; both would say it twice. One that goes on only to add detail is left as it is.
 */
function whole(hits: readonly Hit[], least: number): Hit[] {
  const out: Hit[] = [];
  const taken = new Set<Hit>();
  for (const h of hits) {
    if (taken.has(h)) continue;
    const quote = h.fact.quote.trim().replace(/[.!?]+$/, '');
    const holder = hits.find((g) => {
      if (g === h || taken.has(g) || g.rank < h.rank * least) return false;
      const at = g.fact.quote.indexOf(quote);
      return at >= 0 && QUALIFIED.test(g.fact.quote.slice(at + quote.length));
    });
    if (holder) taken.add(holder);
    taken.add(h);
    out.push(holder ?? h);
  }
  return out;
}

/** How well a fact that names another of the asked kind must rank, against a first that does not, to go first. */
const ANOTHER_RANK = 0.85;

/**
 * For "which <noun>", the hits with one that names a thing of that kind the question does not
 * first, where the first names only the noun and it ranks nearly as well: "which dam is bigger
 * than Sardar Sarovar" is answered by "… second largest dam after the Grand Coulee Dam" before
 * "Sardar Sarovar Dam was inaugurated" (see namesAnother).
 */
function anotherFirst(hits: readonly Hit[], asked: Asked): readonly Hit[] {
  const top = hits[0];
  if (!top || !asked.asking || namesAnother(top.fact.quote, asked)) return hits;
  const other = hits.find((h) => h.rank >= top.rank * ANOTHER_RANK && namesAnother(h.fact.quote, asked));
  return other ? [other, ...hits.filter((h) => h !== other)] : hits;
}

/** A quote that ends with a question mark, its closing quotation marks or brackets aside. */
const asks = (fact: Fact): boolean => /\?["'”’)\]]*\s*$/.test(fact.quote);

/**
 * The hits for which `first` holds ahead of the rest, each group in its order: a stable
 * reordering that asks once of each hit.
 */
export function ahead<T>(hits: readonly T[], first: (hit: T) => boolean): T[] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const h of hits) (first(h) ? yes : no).push(h);
  return [...yes, ...no];
}

export type Composition = { answering: Hit[] } | { related: Hit[] };

const DEFAULTS: Required<ComposeOptions> = {
  maxFacts: 3,
  sameCoverage: 0.9,
  sameRank: 0.5,
  joins: () => true,
  lead: (fitting) => fitting,
};

/**
 * `hits` are the relevant facts, best first; `asked` what the question already says (a name
 * the question gives is no answer to "who").
 */
export function compose(
  hits: readonly Hit[],
  shape: QuestionShape,
  asked: Asked,
  options: ComposeOptions = {},
): Composition {
  const { maxFacts, sameCoverage, sameRank, joins, lead } = { ...DEFAULTS, ...options };
  const type = shape.type;
  // A figure said of no deed the question counts is another deed's: a death toll is no count of the injured.
  // A date only noted on a fact that tells another deed is that deed's: only one the fact says
  // itself may date what is asked ("Khar visited Moscow, beginning a dialogue on the steel mills"
  // does not date when the mills started producing).
  const ofDeed = (h: Hit) => !h.deedLeft || (type === 'date' && namesDate(h.fact.quote));
  const fits = type ? hits.filter((h) => ofDeed(h) && gives(h.fact.quote, type, asked, h.fact.date)) : hits;
  // "When": a fact that says the date outranks one that only has one noted (often its report's)
  // or a span back from its writing ("over the past decade").
  const dated = type === 'date' ? ahead(fits, (h) => saysDate(h.fact)) : fits;
  // "How many people died": a fact whose only count is of years ("31 years after") goes after one with another count.
  const counted =
    type === 'count' || type === 'amount' ? ahead(dated, (h) => givesBesidesTime(h.fact.quote, type, asked)) : dated;
  // A sentence that asks ("Pakistan: Russia's New Best Friend?", a headline) tells no answer:
  // it goes after those that tell one.
  const kept = whole(lead(ahead(counted, (h) => !asks(h.fact))), sameRank);
  const fitting = type === 'kind' ? anotherFirst(kept, asked) : kept;
  const first = fitting[0];
  if (!first) return { related: hits.slice(0, 2) };
  const answering = [first];
  const leastRank = first.rank * sameRank;
  for (const h of fitting.slice(1)) {
    if (answering.length >= maxFacts) break;
    if (h.coverage < first.coverage * sameCoverage || h.rank < leastRank) continue;
    // For a figure, another fact adds only the same kind of figure (see givesLike).
    if (answering.some((a) => a.fact.quote === h.fact.quote) || !givesLike(first, h, type)) continue;
    if (!joins(h, answering)) continue;
    answering.push(h);
  }
  return { answering };
}

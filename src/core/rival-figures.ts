/**
 * Another figure for the same point, in a fact ranked below those that state the claim: "the
 * quake killed more than 316,000 people" is stated by the government's count and disputed by
 * a report that "between 46,190 and 86,961 people died in the earthquake". A figure of the
 * same kind, counting the same things, that does not overlap the claim's, in a clause that
 * shares a word of the claim's own clause: sources disagree, whatever else each one says.
 *
 *   rivalFigure(read('The quake killed 316,000 people.'), read('Between 46,190 and 86,961 people died in the quake.'), comparable);
 *   // the figure "46,190 and 86,961 people"
 */
import type { ReadFigure, Reading } from './claims.js';
import { overlaps } from './figures.js';
import { stem, words } from './tokens.js';

const termsOf = (text: string): string[] => words(text).map(stem);

/** Stems of words that make a figure one aimed at or foreseen. */
const AIMED = new Set([
  'goal',
  'target',
  'aim',
  'plan',
  'object',
  'ambit',
  'potenti',
  'forecast',
  'expect',
  'hope',
  'project',
]);

/** The fact's figure that rivals one of the claim's (not a year: a year dates many events), if any. */
export function rivalFigure(
  claim: Reading,
  fact: Reading,
  comparable: (a: ReadFigure, b: ReadFigure) => boolean,
): ReadFigure | undefined {
  // A fact that leaves out a party the claim names gives another party's figure.
  if ([...claim.parties].some((p) => !fact.parties.has(p))) return undefined;
  for (const c of claim.figures) {
    if (c.kind === 'year' || c.kind === 'rank') continue;
    // The clause's words, what is counted and the figure's own words ("million", "dollars") aside.
    const aside = new Set([...(c.nounTerms ?? []), ...termsOf(c.text)]);
    const own = c.clause.filter((t) => !aside.has(t));
    for (const f of fact.figures) {
      if (f.kind !== c.kind || f.noted || !comparable(c, f) || overlaps(c, f)) continue;
      // The same party's share or amount: "74% for Russia" has no rival in "26% for Pakistan".
      if (c.party && f.party && c.party !== f.party) continue;
      // A goal or a forecast ("a goal of raising trade to $5 billion") is no account of what is.
      if (f.clause.some((t) => AIMED.has(t))) continue;
      if (f.clause.some((t) => own.includes(t) && !termsOf(f.text).includes(t))) return f;
    }
  }
  return undefined;
}

/**
 * The day or month a claim dates its event by, against a fact's: "struck on March 3" is
 * stated only by a fact that gives March 3. A fact that gives the month alone, or no date,
 * does not state it; one that dates the same event another day or month excludes it. A
 * month alone ("in November 2014") is no more than a year told closer: sources often leave
 * it to the context ("that autumn"), so only another month the fact gives tells against it.
 *
 *   compareDates(read('The quake struck on May 13.'), read('The quake struck on January 12.'));
 *   // { outcome: 'conflict', detail: 'sources give january 12, not may 13' }
 */
import type { ReadDate, Reading } from './claims.js';

export interface DateComparison {
  outcome: 'agree' | 'conflict' | 'missing' | 'none';
  detail: string;
}

/** Words a fact's clause must share with the claim for its date to date the same event. */
const SAME_EVENT_WORDS = 2;

const gives = (c: ReadDate, f: ReadDate): boolean => f.month === c.month && (c.day === undefined || f.day === c.day);
const differs = (c: ReadDate, f: ReadDate): boolean =>
  f.month !== c.month || (c.day !== undefined && f.day !== undefined && f.day !== c.day);

export function compareDates(claim: Reading, fact: Reading): DateComparison {
  let missing: ReadDate | undefined;
  for (const c of claim.dates) {
    if (fact.dates.some((f) => gives(c, f))) continue;
    const other = fact.dates.filter(
      (f) => !f.noted && differs(c, f) && f.clause.filter((t) => claim.terms.includes(t)).length >= SAME_EVENT_WORDS,
    );
    if (other.length)
      return {
        outcome: 'conflict',
        detail: `sources give ${[...new Set(other.map((f) => f.text))].join(' or ')}, not ${c.text}`,
      };
    if (c.day !== undefined) missing ??= c;
  }
  if (missing) return { outcome: 'missing', detail: `the sources do not give the date (${missing.text})` };
  return { outcome: claim.dates.length ? 'agree' : 'none', detail: '' };
}

/**
 * A fact that says the claim in other words may share less of its weighted words than one
 * that repeats it, and still tell the same event: it gives nearly all the claim's content
 * words and names every party, only not the rest of what the index weighs (a title, a
 * spelling of a name). Such a fact is read, and weighed like any other on the same event.
 *
 *   sameEvent(claim, () => factReading, 0.5);   // true when the fact has 80% of the claim's terms and all its parties
 */
import type { Reading } from './claims.js';
import { Lexicon } from './lexicon.js';
import { verbsTold } from './other-doer.js';
import { stem } from './tokens.js';

/** A fact that covers this much of the claim is about the same event. */
export const SAME_EVENT = 0.6;
/** Below SAME_EVENT, down to this, a fact is on the same event if it gives the claim's words and parties. */
export const PARAPHRASE = 0.4;
/** The share of the claim's content words a paraphrase must give. */
const PARAPHRASE_TERMS = 0.8;

/** True if a fact that covers `coverage` of the claim is about the same event (the fact is read only if it must be). */
export function sameEvent(claim: Reading, fact: () => Reading, coverage: number): boolean {
  if (coverage >= SAME_EVENT) return true;
  if (coverage < PARAPHRASE || claim.terms.length === 0) return false;
  const read = fact();
  return (
    givenTerms(claim, read).length / claim.terms.length >= PARAPHRASE_TERMS &&
    [...claim.parties].every((p) => read.parties.has(p))
  );
}

/**
 * The claim's terms the fact gives, in the claim's words or in others: a verb whose deed the
 * fact tells with another ("constructed" for "built"), a noun by a word WordNet relates to it
 * or names the same thing with ("quake" for "earthquake").
 */
function givenTerms(claim: Reading, fact: Reading): string[] {
  const lexicon = Lexicon.shared();
  const otherwise = verbsTold(claim, fact);
  for (const w of claim.words)
    if (
      lexicon.partsOfSpeech(w).startsWith('n') &&
      [...lexicon.related(w), ...lexicon.nounSynonyms(w)].some((r) => fact.terms.includes(stem(r)))
    )
      otherwise.add(stem(w));
  return claim.terms.filter((t) => fact.terms.includes(t) || otherwise.has(t));
}

/**
 * A claim about what someone holds or did, and a report that quotes that person saying it
 * in the first person: "Rick Scott disagreed with the President" and "Florida Gov. Rick Scott
 * tweeted, "I disagree with @POTUS …"". Quoted words are the speaker's, not the report's; but
 * about the speaker's own stance or deed they are the speaker's own account, which is what the
 * claim tells. They are weighed as the claim's attributed words are (see verdict.ts).
 *
 *   ownWords(read('Paul Ryan saw no reason to dispute the toll.'), 'Paul Ryan said, "I have no reason to dispute it."'); // true
 */
import type { Reading } from './claims.js';
import { stem, words } from './tokens.js';

/** A speaker named right before a verb of saying, outside the quotation marks ("Rick Scott tweeted"). */
const SPEAKER = /([^“”"]{1,60}?)\s+(?:said|says|tweeted|told|added|wrote|replied|stated)\b/g;

/** Words that speak for oneself. */
const FIRST_PERSON = /(?:^|[\s“"(])(?:I|I'm|I've|I’m|I’ve|[Ww]e|[Mm]y|[Oo]ur)\b/;

/**
 * True if the quote has someone speak in the first person, and the one who speaks is the one
 * the claim is about: the first name the claim gives stands among the words before the verb
 * of saying.
 */
export function ownWords(claim: Reading, quote: string): boolean {
  const subject = claim.names[0];
  if (!subject || !FIRST_PERSON.test(quote)) return false;
  for (const m of quote.matchAll(SPEAKER)) {
    const said = new Set(words(m[1]!).map(stem));
    if (subject.some((t) => said.has(t))) return true;
  }
  return false;
}

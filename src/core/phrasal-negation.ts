/**
 * Phrasal verbs that mean a verb of negation: "called off the visit" says what "cancelled the
 * visit" says. WordNet gives what a collocation means in single words ("call_off" → "cancel",
 * "scrub"); where one of them is a verb of negation, the phrasal verb is read as that verb.
 *
 *   negatingPhrase(['he', 'called', 'off', 'the', 'trip'], 1, /cancel/);   // { verb: 'cancel', length: 2 }
 */
import { Lexicon } from './lexicon.js';

/** The verb of negation (one `negation` matches) that the phrasal verb starting at `i` means, with its length in words. */
export function negatingPhrase(
  ws: readonly string[],
  i: number,
  negation: RegExp,
): { verb: string; length: number } | undefined {
  const lexicon = Lexicon.shared();
  // A phrasal verb only: a verb and its particle, not a noun's collocation ("power station").
  if (!/^[a-z]+$/.test(ws[i] ?? '') || lexicon.verbOf(ws[i]!) === undefined) return undefined;
  const found = lexicon.collocationAt(ws, i);
  if (found?.length !== 2) return undefined;
  const verb = lexicon
    .collocationMeans(found.phrase)
    .find((w) => !w.includes('_') && negation.test(w) && lexicon.verbOf(w) === w);
  return verb ? { verb, length: found.length } : undefined;
}

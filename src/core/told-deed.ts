/**
 * Whether words tell a deed a question asks about: "how many people died" is told by "people
 * died", "4,645 additional deaths" (a noun WordNet derives from the verb) and "316,000 people
 * killed" (a verb WordNet says causes it: to kill is to make die), not by "9 million people
 * were crowded into the capital".
 *
 *   namesDeed('additional deaths', ['die']);             // true
 *   tellsDeed('over 316,000 people killed', ['die']);   // true
 *   tellsDeed('9 million people were crowded', ['die']); // false
 */
import { Lexicon } from './lexicon.js';
import { stem, words } from './tokens.js';

/** True if a word of `text` is one of `deeds` (verbs, base forms) or a word WordNet derives from or relates to it ("deaths"). */
export function namesDeed(text: string, deeds: readonly string[]): boolean {
  if (deeds.length === 0) return false;
  const lexicon = Lexicon.shared();
  const wanted = new Set(deeds.map(stem));
  return words(text).some((w) => wanted.has(stem(w)) || lexicon.related(w).some((r) => wanted.has(stem(r))));
}

/** True if `text` names one of `deeds`, or has a verb that tells the same deed or causes it ("killed" for "die"). */
export function tellsDeed(text: string, deeds: readonly string[]): boolean {
  if (namesDeed(text, deeds)) return true;
  const lexicon = Lexicon.shared();
  return words(text).some((w) => {
    const verb = lexicon.verbOf(w);
    return verb !== undefined && deeds.some((d) => lexicon.sameDeed(d, verb) || lexicon.causes(verb).includes(d));
  });
}

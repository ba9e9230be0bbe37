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
import { namesQuantity } from './quantity-noun.js';
import { STOP_WORDS, stem, words } from './tokens.js';

/**
 * True if a word of `text` is one of `deeds` (verbs, base forms), or a noun WordNet derives from
 * or relates to one ("deaths"). Only a noun: a verb's related words reach its other senses
 * ("struck" is "moved" in the sense of touched), which its clause does not mean.
 */
export function namesDeed(text: string, deeds: readonly string[]): boolean {
  if (deeds.length === 0) return false;
  const lexicon = Lexicon.shared();
  const wanted = new Set(deeds.map(stem));
  return words(text).some(
    (w) =>
      wanted.has(stem(w)) ||
      (lexicon.partsOfSpeech(w).startsWith('n') && lexicon.related(w).some((r) => wanted.has(stem(r)))),
  );
}

/** True if `text` names one of `deeds`, or has a verb that tells the same deed or causes it ("killed" for "die"). */
export function tellsDeed(text: string, deeds: readonly string[]): boolean {
  if (namesDeed(text, deeds)) return true;
  const lexicon = Lexicon.shared();
  return words(text).some((w) => {
    // A word of grammar ("have", "was") tells no deed, whatever senses WordNet gives it.
    const verb = STOP_WORDS.has(w) ? undefined : lexicon.verbOf(w);
    return verb !== undefined && deeds.some((d) => lexicon.sameDeed(d, verb) || lexicon.causes(verb).includes(d));
  });
}

/**
 * True if the words after a number count those the deed befell: a noun names it ("4,645
 * additional deaths"), or a verb after the counted noun tells it ("22,917 persons had
 * perished"). The counted noun itself is no verb ("three states that suffer drought").
 */
export function countsDeed(noun: string, deeds: readonly string[]): boolean {
  return namesDeed(noun, deeds) || tellsDeed(words(noun).slice(1).join(' '), deeds);
}

/**
 * The verbs WordNet relates to the noun a question counts or to the noun before it: the deed
 * a question without a verb of its own asks about ("die" for "what is the death toll", "how
 * many extra deaths were there"). A measure's own verbs are not its deed.
 *
 *   nounDeeds('the official death toll of the storm', 'toll');   // ['decease', 'die']
 */
export function nounDeeds(about: string, asking: string): string[] {
  const lexicon = Lexicon.shared();
  const said = about.toLowerCase().split(/[^a-z]+/);
  const at = said.indexOf(asking.toLowerCase());
  const noun = asking.toLowerCase();
  // A measure's own verbs ("cost" for "toll", "magnify" for "magnitude") tell the measuring, not the deed.
  const own = namesQuantity(noun) ? [] : [noun];
  const verbs = [...(at > 0 ? [said[at - 1]!] : []), ...own]
    .filter((w) => lexicon.partsOfSpeech(w).startsWith('n'))
    .flatMap((w) => lexicon.related(w))
    .filter((r) => lexicon.partsOfSpeech(r).includes('v') && !lexicon.isGeneral(r));
  return [...new Set(verbs)];
}

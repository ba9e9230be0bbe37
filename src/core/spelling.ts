/**
 * British spellings in their American form where WordNet knows that form ("apologised" →
 * "apologized", "defence" → "defense", "centre" → "center"), so a question and a source that
 * spell a word differently still meet. WordNet says which rewrites are words: "precise" has
 * no "precize", "tour" is not "tor".
 *
 *   americanSpelling('privatisation');   // 'privatization'
 */
import { Lexicon } from './lexicon.js';

const REWRITES: [RegExp, string][] = [
  [/(\w{3,})is(e|es|ed|ing|er|ers|ation|ations)$/, '$1iz$2'],
  [/(\w{2,})ys(e|es|ed|ing)$/, '$1yz$2'],
  [/(\w{3,})our(s|ed|ing|able|ite|ites)?$/, '$1or$2'],
  [/(\w{2,})ence(s)?$/, '$1ense$2'],
  [/(\w{2,})tre(s)?$/, '$1ter$2'],
  [/(\w{3,})mme(s)?$/, '$1m$2'],
];

export function americanSpelling(word: string, lexicon = Lexicon.shared()): string {
  if (word.length < 6) return word;
  for (const [pattern, replacement] of REWRITES) {
    if (!pattern.test(word)) continue;
    const american = word.replace(pattern, replacement);
    if (lexicon.partsOfSpeech(american) !== '') return american;
  }
  return word;
}

import porter2 from 'wink-porter2-stemmer';
import { Lexicon } from './lexicon.js';
import { zSpelling } from './spelling.js';

/**
 * Turns text into search terms: the same steps for facts and for questions, so that
 * "Su-35", "su35" and "SU-35's" all become `su35`, and "helicopters" meets "helicopter".
 */

/** Words that never make a match on their own: function words and question words. */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can could did didn't do does doesn't doing don't down during each either else ever every
  few for from further get gets got had has have having he her here hers herself him himself his how i if in
  into is isn't it its itself just know let like me might more most much must my myself no nor not now of off
  on once only or other our ours ourselves out over own please really said same say says she should so some
  such tell than that the their theirs them themselves then there these they this those through to too under
  until up upon very want was wasn't we well were what whats when where whether which while who whom whose why
  will with would yes yet you your yours yourself anything something thing things there's what's who's
  explain show give go going gone went come came happen happened happens per via s t
  story stories really actually true truth myth real thing stuff keep kept bring bringing try trying tried
  back then hyped exactly anyway basically still even guys guy someone anyone heard hear read saw see seen
  know knew mean means meant told talking lol pls plz hey hi hello ok okay sure maybe kind sort lot lots bit
  whole anymore nowadays currently today info information details detail question answer idea ideas
  whats wats wat hows whos whens wheres dont doesnt didnt isnt wasnt cant wont im ive ur u r ya yeah
  theyve weve youve theyre youre theyll youll
  tho though btw imo imho etc also roughly approximately around nearly almost some`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Canonical lowercase form: Unicode-folded, accents off Latin letters, zero-width and control characters removed,
 * dashes and quotes straightened, and "Su-35" style names joined into one word ("su35").
 */
export function canonical(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Accents off Latin letters: "Rosselló" is written "Rossello" in one source, "Préval" "Preval" in a question.
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
      // Dotted acronyms of three letters or more are one word: "A.B.C." is "ABC".
      .replace(/\b(?:[A-Z]\.){3,}|\b(?:[A-Z]\.){2,}[A-Z]\b/g, (m) => m.replace(/\./g, ''))
      .replace(/\bU\.?S\.?(?=$|[^A-Za-z])/g, 'usa') // "US"/"U.S." before lowercasing, so "us" stays a pronoun
      .toLowerCase()
      .replace(/[‘’‚′]/g, "'")
      .replace(/[“”„″]/g, '"')
      .replace(/[‐‑‒–—―−]/g, '-')
      // A model's name is one word ("su-35"); a year with a word before it is not ("mid-2018").
      .replace(/\b([a-z]{1,4})-(\d{1,4}[a-z]{0,3})\b/g, (_, a, b) =>
        /^(?:1[89]|20)\d\d$/.test(b) ? `${a} ${b}` : a + b,
      )
      // "14bn" and "153m" are amounts: the number and its scale as separate words.
      .replace(
        /\b(\d+(?:\.\d+)?)(bn|mn|m|k)\b/g,
        (_, n: string, unit: string) => `${n} ${unit === 'k' ? 'thousand' : unit === 'bn' ? 'billion' : 'million'}`,
      )
  );
}

const WORD = /[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu;

/** Lowercase words in order, possessives dropped; stop words kept (phrases need them). */
export function words(text: string): string[] {
  const out: string[] = [];
  // match() with the global flag gives the matched words alone, not a match object each.
  for (const m of canonical(text).match(WORD) ?? []) {
    // "they've", "we'll", "I'd": the pronoun is the word; "Pakistan's" is Pakistan.
    const w = m.includes("'") ? m.replace(/'(?:s|ve|ll|re|d|m)?$/, '').replace(/'/g, '') : m;
    if (w) out.push(w);
  }
  return out;
}

/**
 * The stem of a word: the base form of an irregular noun or verb ("bought" → "buy", from
 * WordNet's lists), in the spelling WordNet lists ("apologised" → "apologized"), then the Porter2
 * (Snowball English) stemmer. Numbers, and names with
 * digits ("su35", "rd93"), are left alone but for a plural "s" ("mi35s").
 */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    // A pack and its questions use a few thousand words, each many times: stem each once.
    if (stems.size >= MAX_STEMS) stems.clear();
    // No word of any language is this long: leave it as it is, since the stemmer's rules take time in the square of its length.
    if (word.length > LONGEST_WORD) known = word;
    else
      known = /\d/.test(word)
        ? word.replace(/^([a-z]+\d+[a-z]?)s$/, '$1')
        : porter2(zSpelling(Lexicon.shared().lemma(word)));
    stems.set(word, known);
  }
  return known;
}

const stems = new Map<string, string>();
const LONGEST_WORD = 50;
const MAX_STEMS = 100_000;

/** Search terms of a text: words without stop words, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

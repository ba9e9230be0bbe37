/**
 * How much a word of a question matters, before the pack is consulted:
 * - `name`: a number, a proper name ("france", "putin") or a word English does not know
 *   ("korybko"). The question is about it: an answer must name it, and a pack that never
 *   names it cannot answer.
 * - `subject`: an English noun ("pipeline", "grill", "weather"): when a question names
 *   one, it is usually what the question is about.
 * - `common`: a noun for a time ("summer", "week"): questions name these in passing, and
 *   sources give a date instead ("2019").
 * - `talk`: no noun at all ("honestly"), a verb's inflected form ("kicked", "flew"), or a
 *   slip of a common word ("actualy").
 *
 *   salience('cuba');      // 'name'
 *   salience('weather');   // 'common'
 */
import SearchableMap from 'minisearch/SearchableMap';
import { ENGLISH_RANK } from './everyday-words.js';
import { KeptWork } from './kept-work.js';
import { Lexicon } from './lexicon.js';

export type Salience = 'name' | 'subject' | 'common' | 'talk';

let english: SearchableMap<number> | undefined;
/** The shortest English word a word unknown to English is taken as a slip of. */
const MIN_SLIPPED = 4;

/** True if the word is one slip (an edit, or two letters swapped) from a common English word. */
function nearEnglish(word: string): boolean {
  english ??= SearchableMap.from([...ENGLISH_RANK]);
  // A word of three letters is as often initials ("ira", "gnu"): "irma" is a name, not a slip of one.
  for (const near of english.fuzzyGet(word, 1).keys()) if (near.length >= MIN_SLIPPED) return true;
  for (let i = 0; i + 1 < word.length; i++) {
    if (ENGLISH_RANK.has(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return true;
  }
  return false;
}

/** Words weighed lately: every question and every fact read for a claim weighs its words. */
const weighed = new KeptWork<string, Salience>(20_000);

export function salience(word: string): Salience {
  return weighed.get(word, () => weigh(word));
}

function weigh(word: string): Salience {
  if (/\d/.test(word)) return 'name';
  // Too short to tell a name from chat shorthand ("rn", "jv"); WordNet's two-letter entries are chemical symbols.
  if (word.length < 3) return 'talk';
  const pos = Lexicon.shared().partsOfSpeech(word);
  const rank = ENGLISH_RANK.get(word);
  // Only ever capitalised in WordNet: a proper name ("France", "Roman").
  if (pos !== '' && pos === pos.toUpperCase()) return 'name';
  // Unknown to English: a name ("ogdc"), unless it is a slip of a common word ("actualy") or
  // too short to tell from chat shorthand ("rn", "jv").
  if (pos === '' && rank === undefined) return word.length >= 4 && nearEnglish(word) ? 'talk' : 'name';
  // A verb's -ing, -ed or irregular form ("getting", "scrapped", "flew") says what happened, in
  // words sources put otherwise; so does a word that is no noun at all.
  const lexicon = Lexicon.shared();
  const inflectedVerb =
    (/(?:ing|ed)$/.test(word) || lexicon.lemma(word) !== word) && lexicon.verbOf(word) !== undefined;
  if (inflectedVerb || !pos.includes('n')) return 'talk';
  return lexicon.nounClass(word) === 'time' ? 'common' : 'subject';
}

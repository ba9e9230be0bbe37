/**
 * The actors a pack's claims are about: who did what to whom. A pack may list them in
 * pack.yaml (`parties`, with the words that name each: "Moscow" is Russia). A pack that
 * does not gets them from its sources: every name that stands capitalised, inside a
 * sentence, in more than one place ("World Bank", "Medha Patkar", "Supreme Court"), with the
 * pack's aliases joining the names of one actor.
 *
 *   actorsOf(pack);   // { russia: ['russia', 'moscow', …], … } or { 'world bank': ['World Bank'], … }
 */
import type { Pack } from '../knowledge/load.js';
import { plainText } from '../knowledge/passages.js';
import { Lexicon } from './lexicon.js';
import { canonical } from './tokens.js';

/** A name must stand in this many places to be an actor: once may be a heading's word. */
const MIN_MENTIONS = 2;
/** Capitalised words in a row, not after a sentence's end: a name in running text. */
const NAME = /(?<![.!?:]\s|^|["“(]\s?)\b[A-Z][\p{L}'’-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\p{L}'’-]*)*/gmu;

const isTime = (name: string): boolean => Lexicon.shared().nounClass(name.toLowerCase()) === 'time';

/** Words English knows in lower case are not names on their own ("The", "Minister"). */
const isCommon = (word: string): boolean => /[a-z]/.test(Lexicon.shared().partsOfSpeech(word.toLowerCase()));

export function actorsOf(pack: Pick<Pack, 'meta' | 'passages' | 'aliases'>): Record<string, string[]> {
  if (Object.keys(pack.meta.parties).length) return pack.meta.parties;
  const counts = new Map<string, { name: string; count: number }>();
  for (const passage of pack.passages) {
    for (const m of plainText(passage.text).matchAll(NAME)) {
      const name = m[0].replace(/[’']s$/, '');
      const words = name.split(/\s+/);
      // A common word alone, a unit ("MW", "Rs") or a day or month is no actor.
      if ((words.every(isCommon) && words.length < 2) || words.every((w) => w.length <= 2) || isTime(name)) continue;
      const key = canonical(name);
      const entry = counts.get(key) ?? { name, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  const actors: Record<string, string[]> = {};
  const grouped = new Set<string>();
  for (const group of pack.aliases) {
    const names = group.filter((a) => counts.has(canonical(a)));
    if (!names.length) continue;
    actors[canonical(group[0]!)] = group;
    for (const a of group) grouped.add(canonical(a));
  }
  for (const [key, { count }] of counts) {
    if (count >= MIN_MENTIONS && !grouped.has(key)) actors[key] = [key];
  }
  return actors;
}

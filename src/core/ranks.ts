/**
 * Finds ranks: a superlative with the place it gives ("the highest dam" is first, "the
 * world's third highest dam" third), so "the highest" can be seen to disagree with "the
 * third highest" like one figure with another. English grammar, with WordNet saying which
 * words are adjectives: "protest" and "forest" end the same way and are no superlatives.
 *
 *   ranks('the second largest dam in the world')  // [{ low: 2, high: 2, adjective: 'large', noun: 'dam' }]
 */
import type { Figure } from './figures.js';
import { Lexicon } from './lexicon.js';
import { STOP_WORDS } from './tokens.js';

const ORDINALS: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

// A superlative follows "the", a possessive or an ordinal: "the highest", "the world's second largest".
const RANK =
  /(?:\b(?:the|its|their|his|her|our)|'s)\s+(?:(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(\d+)(?:st|nd|rd|th))[\s-]+)?([a-z]{3,}est)\b(?=((?:\s+[a-z][a-z-]*){0,3}))/g;

/** The adjective a superlative is made from ("biggest" → "big", "largest" → "large"), if it is one. */
export function superlativeOf(word: string, lexicon = Lexicon.shared()): string | undefined {
  if (!word.endsWith('est') || word.length < 6) return undefined;
  // A word WordNet knows as a noun or a verb ("interest", "protest", "forest") is not a superlative.
  // One that is an adjective itself ("modest", "honest") is a superlative only of a word that is mostly an adjective ("greatest").
  const lemma = lexicon.bases(word).includes(word);
  if (lemma && /[nv]/i.test(lexicon.partsOfSpeech(word))) return undefined;
  const stemmed = word.slice(0, -3);
  const doubled = /([b-df-hj-np-tv-z])\1$/.test(stemmed) ? stemmed.slice(0, -1) : null;
  const candidates = [stemmed, `${stemmed}e`, stemmed.replace(/i$/, 'y'), ...(doubled ? [doubled] : [])];
  const adjective = (c: string) =>
    (lemma ? /^a/i : /a/i).test(lexicon.partsOfSpeech(c)) && lexicon.bases(c).includes(c);
  return candidates.find((c) => c.length >= 2 && adjective(c));
}

/** The ranks in a lower-case text, as figures of kind "rank": the place, the adjective and what follows. */
export function ranks(text: string, lexicon = Lexicon.shared()): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(RANK)) {
    const adjective = superlativeOf(m[3]!, lexicon);
    if (!adjective) continue;
    const place = m[2] ? Number(m[2]) : m[1] ? ORDINALS[m[1]]! : 1;
    const at = m.index! + m[0].indexOf(m[1] ?? m[3]!);
    // What is ranked is the words straight after, up to a word like "in" or "by": "dam" in "the largest dam in the world".
    const noun = (m[4] ?? '').trim().split(/\s+/);
    const end = noun.findIndex((w) => STOP_WORDS.has(w));
    out.push({
      kind: 'rank',
      low: place,
      high: place,
      at,
      text: m[1] ? `${m[1]} ${m[3]}` : m[3]!,
      adjective,
      noun: noun.slice(0, end < 0 ? noun.length : end).join(' '),
    });
  }
  return out;
}

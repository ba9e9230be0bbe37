/**
 * What keeps a proposal from smuggling a claim past review: the statement the bot will say
 * may name no one and give no figure its quote does not; the quote is whole words of its
 * source; text is cleaned of characters that hide words (zero-width, bidi, soft hyphens,
 * full-width forms) before the denylist reads it; URLs in a statement are defused, and a
 * document's URL must be a web address.
 *
 *   cleanText('bad\u200Bword')                          // 'badword'
 *   defuseUrls('see https://evil.example/x')            // 'see https[:]//evil[.]example/x'
 *   unbackedWords(pack, 'Ruritania sold Zembla 5 jets', 'Ruritania sold 5 jets', [])   // ['Zembla']
 */
import { createRequire } from 'node:module';
import { actorsOf } from '../core/parties.js';
import type { Pack } from '../knowledge/load.js';

const require = createRequire(import.meta.url);

/** Characters that show nothing but can split a word in two: zero-width, joiners, bidi controls, soft hyphen. */
const INVISIBLE =
  /\u00AD|\u034F|\u061C|\u115F|\u1160|\u17B4|\u17B5|\u3164|\uFEFF|\uFFA0|[\u180B-\u180E]|[\u200B-\u200F]|[\u202A-\u202E]|[\u2060-\u206F]|[\uFE00-\uFE0F]/gu;

/** NFKC (full-width and other compatibility forms become plain letters), then the invisible characters removed. */
export function cleanText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/** Only a web page may be a proposed document's address: no javascript:, data:, ftp: or file:. */
export const isWebUrl = (url: string): boolean => /^https?:\/\/[^\s/]/i.test(url) && URL.canParse(url);

/** A URL or bare domain: an optional scheme, then dotted labels ending in a top-level domain of letters. */
const LINK = /\b([a-z][a-z0-9+.-]*:\/\/)?((?:[\p{L}\p{N}-]+\.)+\p{L}{2,24})(?![\p{L}\p{N}])/giu;

/**
 * Writes every URL and domain so no platform makes a link of it: `https[:]//evil[.]example`.
 * A domain needs a scheme or a label of two or more characters before its last dot, so "e.g."
 * and "U.S." stay as they are.
 */
export function defuseUrls(text: string): string {
  return text.replace(LINK, (whole, scheme: string | undefined, host: string) => {
    const labels = host.split('.');
    if (!scheme && labels.slice(0, -1).every((l) => l.length < 2)) return whole;
    return `${scheme ? scheme.replace('://', '[:]//') : ''}${labels.join('[.]')}`;
  });
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The whole word of `text` around position `at`. */
function wordAt(text: string, at: number): string {
  let start = at;
  let end = at;
  while (isWordChar(text[start - 1])) start--;
  while (isWordChar(text[end])) end++;
  return text.slice(start, end);
}

/**
 * Where a quote (in normal form) stands in its source's normal text on word boundaries; or
 * the word it cuts at its first place ("likely" out of "unlikely" cuts "unlikely").
 */
export function quoteSpan(text: string, quote: string): { at: number } | { cuts: string } | null {
  let first: number | null = null;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const startsInWord = isWordChar(text[at - 1]) && isWordChar(text[at]);
    const endsInWord = isWordChar(text[end - 1]) && isWordChar(text[end]);
    if (!startsInWord && !endsInWord) return { at };
    first ??= startsInWord ? at : end - 1;
  }
  return first === null ? null : { cuts: wordAt(text, first) };
}

/** The quote with up to `around` characters of its source either side, cut at whole words. */
export function inContext(text: string, at: number, quote: string, around = 100): string {
  let start = Math.max(0, at - around);
  let end = Math.min(text.length, at + quote.length + around);
  while (start > 0 && isWordChar(text[start - 1])) start++;
  while (end < text.length && isWordChar(text[end])) end--;
  const before = text.slice(start, at).trimStart();
  const after = text.slice(at + quote.length, end).trimEnd();
  return `${start > 0 ? '…' : ''}${before}«${quote}»${after}${end < text.length ? '…' : ''}`;
}

/** Part-of-speech tags wink-lexicon gives proper nouns; a word with any other tag is an ordinary word. */
const PROPER = new Set(['NNP', 'NNPS']);
let winkWords: Record<string, string[]> | null = null;
const ordinaryEnglish = (word: string): boolean => {
  winkWords ??= require('wink-lexicon/src/lexicon.js') as Record<string, string[]>;
  const forms = [word, word.replace(/['’]s$/, ''), word.replace(/e?s$/, '')];
  return forms.some((w) => Object.hasOwn(winkWords!, w) && winkWords![w]!.some((t) => !PROPER.has(t)));
};

/** Per pack: the words its sources write in lower case (ordinary words, whatever the lexicon knows), and its name groups. */
const packWords = new WeakMap<Pack, { lower: Set<string>; groups: string[][] }>();
function wordsOf(pack: Pack) {
  let w = packWords.get(pack);
  if (!w) {
    const lower = new Set<string>();
    for (const d of pack.documents.values())
      for (const m of d.text.matchAll(/(?<![\p{L}\p{N}])[\p{Ll}][\p{Ll}'’-]*/gu)) lower.add(m[0]);
    const groups = [...pack.aliases, ...Object.values(actorsOf(pack))].map((g) => g.map((n) => n.toLowerCase()));
    w = { lower, groups };
    packWords.set(pack, w);
  }
  return w;
}

const containsWord = (text: string, word: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text);
const figures = (text: string) => [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,/g, ''));

/**
 * The names and figures of a statement that its quote does not back: each must stand in the
 * quote, or in `known` (the source's author, publisher, title, the post's poster), or be one
 * of the pack's names for a thing the quote names by another (a capital for its country).
 */
export function unbackedWords(pack: Pack, statement: string, quote: string, known: readonly string[]): string[] {
  const { lower, groups } = wordsOf(pack);
  const backing = [quote, ...known].join('\n');
  const quoteFigures = new Set(figures(quote));
  const missing: string[] = [];
  for (const f of figures(statement)) if (!quoteFigures.has(f) && !missing.includes(f)) missing.push(f);
  for (const m of statement.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*/gu)) {
    const name = m[0].replace(/['’]s$/, '');
    const word = name.toLowerCase();
    if (ordinaryEnglish(word) || lower.has(word) || containsWord(backing, name) || missing.includes(name)) continue;
    const same = groups.filter((g) => g.some((n) => n.split(/[\s-]+/).includes(word) || n === word));
    if (same.some((g) => g.some((n) => containsWord(backing, n)))) continue;
    missing.push(name);
  }
  return missing;
}

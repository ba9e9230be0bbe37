/**
 * Analyses text into the terms the index stores and the "concepts" a question asks about.
 * A concept is one meaningful word of the question together with the alias keys it stands
 * for: "su35" is covered by a fact that says "Sukhoi Su-35" because both carry the same key.
 */
import { TITLE_WORDS } from '../knowledge/sentences.js';
import { Lexicon } from './lexicon.js';
import { STOP_WORDS, stem, words } from './tokens.js';

/** Decades as words, as people write them: "the sixties" is the 1960s. */
const DECADES = new Map(
  Object.entries({
    forties: '1940s',
    fifties: '1950s',
    sixties: '1960s',
    seventies: '1970s',
    eighties: '1980s',
    nineties: '1990s',
  }),
);
/** Months as people shorten them. */
const MONTHS = new Map(
  Object.entries({
    jan: 'january',
    feb: 'february',
    mar: 'march',
    apr: 'april',
    jun: 'june',
    jul: 'july',
    aug: 'august',
    sep: 'september',
    sept: 'september',
    oct: 'october',
    nov: 'november',
    dec: 'december',
  }),
);

/** A meaningful unit of a question: a word (or alias phrase) and the terms that cover it. */
export interface Concept {
  word: string;
  terms: string[];
  /** A person's name of two words, stood for by the rarer: the last, by which a source names them again ("Putin"). */
  lastName?: string;
}

const ALIAS_KEY = '§';
/** Words longer than this are not kept (see Analyzer.terms), nor more than this many. */
const MAX_KEPT_WORD = 40;
const MAX_KEPT_WORDS = 50_000;

/** True for the synthetic terms that stand for an alias group. */
export const isAliasKey = (term: string): boolean => term.startsWith(ALIAS_KEY);

interface Phrase {
  words: string[];
  key: string;
}

export class Analyzer {
  /** Alias phrases by first word, longest first, so "north-south pipeline" wins over "pipeline". */
  private readonly phrases = new Map<string, Phrase[]>();
  /** The terms of single words already analysed (see terms). */
  private readonly wordTerms = new Map<string, readonly string[]>();

  constructor(aliasGroups: readonly (readonly string[])[]) {
    aliasGroups.forEach((group, i) => {
      for (const alias of group) {
        const ws = words(alias).map(stem);
        const first = ws[0];
        if (!first) continue;
        const list = this.phrases.get(first) ?? [];
        list.push({ words: ws, key: `${ALIAS_KEY}${i}` });
        list.sort((a, b) => b.words.length - a.words.length);
        this.phrases.set(first, list);
      }
    });
  }

  /** Concepts of a text: alias phrases become one concept; other stop words are dropped. */
  concepts(text: string): Concept[] {
    const raws = words(withTitlesSpelled(text));
    const stems = raws.map(stem);
    const out: Concept[] = [];
    for (let i = 0; i < raws.length; ) {
      const match = this.matchAt(stems, i);
      if (match) {
        const content: string[] = [];
        for (let k = i; k < i + match.length; k++) if (!STOP_WORDS.has(raws[k]!)) content.push(stems[k]!);
        out.push({ word: raws.slice(i, i + match.length).join(' '), terms: [...new Set([...content, ...match.keys])] });
        i += match.length;
        continue;
      }
      const raw = raws[i]!;
      if (!STOP_WORDS.has(raw)) {
        // "the 71 war", "the 70s", "the sixties": a year or a decade of the last century; "feb": February.
        const decade = DECADES.get(raw);
        const month = MONTHS.get(raw);
        const terms = [stems[i]!];
        if (/^[4-9]\d$|^[4-9]0s$/.test(raw)) terms.push(`19${raw}`);
        else if (decade) terms.push(decade);
        else if (month) terms.push(stem(month));
        out.push({ word: raw, terms });
      }
      i += 1;
    }
    return mergeRepeats(out);
  }

  /** The alias groups a one-word alias belongs to, by its term ("islamabad" → the Pakistan group's key). */
  aliasKeysOf(term: string): string[] {
    return (this.phrases.get(term) ?? []).filter((p) => p.words.length === 1).map((p) => p.key);
  }

  /** Index terms of a text: every concept's terms, flattened. */
  terms(text: string): string[] {
    // A single word is analysed once: answers are checked word by word, and the same words recur.
    if (text.length > MAX_KEPT_WORD || /\s/.test(text)) return this.concepts(text).flatMap((c) => c.terms);
    let kept = this.wordTerms.get(text);
    if (!kept) {
      if (this.wordTerms.size >= MAX_KEPT_WORDS) this.wordTerms.clear();
      kept = this.concepts(text).flatMap((c) => c.terms);
      this.wordTerms.set(text, kept);
    }
    return [...kept];
  }

  /**
   * Index terms of a fact's text: its terms, and a term for each collocation it says ("called
   * off" → "call_off", see Lexicon.collocationAt), by which a question's single word for it
   * ("cancelled") finds it.
   */
  indexTerms(text: string): string[] {
    return [...this.terms(text), ...collocations(text)];
  }

  /** The alias keys (and phrase length) of the longest alias phrases starting at `i`. */
  private matchAt(stems: string[], i: number): { length: number; keys: string[] } | null {
    const candidates = this.phrases.get(stems[i]!);
    if (!candidates) return null;
    let best: { length: number; keys: string[] } | null = null;
    for (const p of candidates) {
      if (best && p.words.length < best.length) break;
      if (p.words.every((w, k) => stems[i + k] === w)) {
        if (!best) best = { length: p.words.length, keys: [] };
        if (!best.keys.includes(p.key)) best.keys.push(p.key);
      }
    }
    return best;
  }
}

/** True for a collocation's term ("call_off"): no word has "_". */
export const isCollocation = (term: string): boolean => term.includes('_');

/** The collocations a text says, each once, as WordNet writes them ("call_off"). */
export function collocations(text: string): string[] {
  const ws = words(text);
  const lexicon = Lexicon.shared();
  const out = new Set<string>();
  for (let i = 0; i < ws.length; ) {
    const found = lexicon.collocationAt(ws, i);
    if (found) out.add(found.phrase);
    i += found?.length ?? 1;
  }
  return [...out];
}

/** Titles written short before a name that the index also reads as their word. */
const SPELLED_TITLES = Object.entries(TITLE_WORDS).filter(([, word]) => word);
const TITLE = new RegExp(String.raw`\b(${SPELLED_TITLES.map(([title]) => title).join('|')})\.(?=\s+\p{Lu})`, 'giu');

/** The text with each short title before a name followed by its word, so either finds it. */
const withTitlesSpelled = (text: string): string =>
  text.replace(TITLE, (m, title: string) => `${m} ${TITLE_WORDS[title.toLowerCase()]}`);

/**
 * A question that names one thing twice asks about it once: "how much … worth" is one
 * concept (both are in the cost group), and so is "pakistan … islamabad".
 */
function mergeRepeats(concepts: Concept[]): Concept[] {
  // The concepts are the caller's own, made for this call: merged in place.
  const out: Concept[] = [];
  for (const c of concepts) {
    const same = out.find((o) => o.terms.some((t) => c.terms.includes(t) && (isAliasKey(t) || o.terms.length === 1)));
    if (same) same.terms = [...new Set([...same.terms, ...c.terms])];
    else out.push(c);
  }
  return out;
}

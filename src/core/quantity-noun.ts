/**
 * Whether a noun names a quantity: "toll", "cost", "magnitude", "percentage" are measures of
 * something, so "what was the toll" asks for a figure as much as "how many died". Told by
 * WordNet, not a list: the noun, or a kind it is a kind of a few steps up, is one of the
 * words WordNet files measures under.
 *
 *   namesQuantity('toll');        // true: a toll is a fee, a fee a value
 *   namesQuantity('minister');    // false
 */
import { Lexicon } from './lexicon.js';
import { terms } from './tokens.js';

/** The heads of WordNet's measures: a noun under one of them is a figure of something. */
const MEASURES = new Set(['measure', 'quantity', 'amount', 'magnitude', 'number', 'proportion', 'value']);
/** How many steps up the kinds are followed: further up everything is an abstraction. */
const STEPS = 2;
/** "unit" is a unit of measure and of anything else ("name" is a language unit): not followed. */
const AMBIGUOUS = 'unit';

export function namesQuantity(noun: string): boolean {
  const lexicon = Lexicon.shared();
  // "what first broke the ice": a word mostly used otherwise is no noun of quantity here.
  if (!lexicon.partsOfSpeech(noun).startsWith('n')) return false;
  // "year", "city", "leader": a time, place or person, whatever measures they are also filed under.
  const kind = lexicon.nounClass(noun);
  if (kind && kind !== 'quantity' && kind !== 'possession') return false;
  const seen = new Set([noun]);
  let level = [noun];
  for (let step = 0; step <= STEPS && level.length; step++) {
    if (level.some((w) => MEASURES.has(w))) return true;
    level = level.flatMap((w) => lexicon.kinds(w)).filter((w) => w !== AMBIGUOUS && !seen.has(w) && !!seen.add(w));
  }
  return false;
}

/** Nouns for a reckoned number that WordNet files first under another sense ("figure" as a shape, "count" as a verb). */
const RECKONED = new Set(['figure', 'figures', 'count', 'counts', 'tally', 'tallies', 'estimate', 'estimates']);

/** A noun of a measure or of a reckoned number: "toll", "cost", "figure", "estimate". */
export const namesMeasure = (word: string): boolean => RECKONED.has(word) || namesQuantity(word);

/** How many words either side of a measure's noun name what it measures ("death toll", "number of deaths"). */
const MEASURED_REACH = 2;

/**
 * The phrases of `text` that name a measure, each its noun with the words either side that
 * say of what: "official death toll from" in "the official death toll from maria had stood
 * at", none in "struck the nation at". What a bare number after them is a value of.
 *
 *   measuresIn('the death toll had stood at');   // ['the death toll had stood']
 */
export function measuresIn(text: string): string[] {
  const said = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w);
  return said.flatMap((w, i) =>
    w.length > 2 && namesMeasure(w)
      ? [said.slice(Math.max(0, i - MEASURED_REACH), i + MEASURED_REACH + 1).join(' ')]
      : [],
  );
}

/** A name a measure is of: "of", "from", "in" or "for", maybe a year's ("2005's"), then capitalized words. */
const MEASURE_OF = /^\s+(?:of|from|in|for)\s+(?:(?:the\s+)?\d{4}'s\s+)?((?:[A-Z][\w'-]*\s*)+)/;

/**
 * The names that a measure in `text` (as written) is said to be of: "Hurricane Katrina" in
 * "the official death toll from 2005's Hurricane Katrina is". A name neither the question
 * nor the sources' subject names makes the figure another thing's.
 *
 *   measuredNames('the death toll from Hurricane Katrina is');   // ['Hurricane Katrina']
 */
export function measuredNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    const w = m[0].toLowerCase();
    if (w.length <= 2 || !namesMeasure(w)) continue;
    const name = MEASURE_OF.exec(text.slice(m.index! + m[0].length))?.[1]?.trim();
    if (name) out.push(name);
  }
  return out;
}

/**
 * True if a measure in `text` (as written) is of a name with a word `known` (terms) lacks:
 * the figure after it is another thing's ("the death toll from 2005's Hurricane Katrina is",
 * in a question and sources on another storm).
 */
export function measuresElsewhere(text: string, known: ReadonlySet<string>): boolean {
  return measuredNames(text).some((n) => terms(n).some((t) => !known.has(t)));
}

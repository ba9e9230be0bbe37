/**
 * Who does what in a question, against what a fact tells: "what does Russia export to
 * Pakistan" is not answered by "Pakistan's exports to Russia", nor "what did the Americans
 * send to the bay" by "the Soviets sent vessels". Words alone cannot tell them apart: the
 * claim reader's frames (who stands on either side of each verb) can.
 *
 *   anotherDoer(reader.read('what does russia export to pakistan'), reader.readFact(fact));
 *   // true for "Pakistan's exports to Russia are textiles"
 */
import { type Frame, NOUN_AGENT, type Reading, usesOf } from './claims.js';
import { Lexicon } from './lexicon.js';
import { words } from './tokens.js';
import { tellsDeed as tellsDeedInWords } from './told-deed.js';

/** The parties a question has doing its verbs ("russia" exports): none for "who exports …". */
export const askedDoers = (question: Reading): string[] =>
  [...question.frames.values()].flat().flatMap((f) => (f.agent && !f.agent.startsWith(NOUN_AGENT) ? [f.agent] : []));

/**
 * True if the fact tells a deed the question asks about (the same verb, or one WordNet
 * relates) as done only by others than the party the question has doing it: by a party the
 * question does not name, or by the one it does it to, the other way round; the question's
 * doer doing nothing in the fact. A party the question names beside the doer ("are Russia and
 * Pakistan becoming friends") is no other, and a fact where the doer does something else may
 * tell the deed in words the reader does not take for it ("returned the visit").
 */
export function anotherDoer(question: Reading, fact: Reading): boolean {
  const deeds = [...fact.frames.values()].flat();
  for (const [verb, asked] of question.frames) {
    for (const q of asked) {
      if (!q.agent || q.agent.startsWith(NOUN_AGENT) || deeds.some((f) => f.agent === q.agent)) continue;
      const uses = usesOf(fact, verb).filter((f) => f.agent && !f.agent.startsWith(NOUN_AGENT));
      const other = (f: Frame) => !question.parties.has(f.agent!) || (f.agent === q.patient && f.patient === q.agent);
      if (uses.length && uses.every(other)) return true;
    }
  }
  return false;
}

/** A form of "be" or "get" that makes the participle after it passive ("was poured", "has been raised"). */
const PASSIVE = /^(?:is|are|was|were|be|been|being|get|gets|got|gotten)$/;
/** How far after a passive verb its doer may be named with "by". */
const BY_WORDS = 5;

/**
 * True if the fact tells a deed the question asks who did only in the passive, with no doer
 * ("the last bucket of concrete was poured onto the wall"): it names whom the deed was done
 * to, never who did it, whatever other names it has. `deeds` are the question's verbs, as
 * the claim reader gives them ("pour").
 */
export function hidesDoer(deeds: readonly string[], text: string): boolean {
  const ws = words(text.toLowerCase());
  const lexicon = Lexicon.shared();
  let told = false;
  for (let i = 0; i < ws.length; i++) {
    const verb = lexicon.verbOf(ws[i]!);
    if (!verb || !deeds.includes(verb)) continue;
    told = true;
    const passive = PASSIVE.test(ws[i - 1] ?? '') || (PASSIVE.test(ws[i - 2] ?? '') && /ly$/.test(ws[i - 1]!));
    if (!passive || ws.slice(i + 1, i + 1 + BY_WORDS).includes('by')) return false;
  }
  return told;
}

/** True if the fact tells one of the question's deeds (the same verb, or one WordNet relates), whoever does it. */
export function tellsDeed(question: Reading, fact: Reading): boolean {
  return [...question.frames.keys()].some((verb) => usesOf(fact, verb).length > 0);
}

/**
 * Whether a further fact may join an answer whose first fact is `first`: where the first tells
 * the question's deed, only one that tells it too, in any words (a noun for it, a verb WordNet
 * takes for the same deed). "Where did Putin and Khan first meet" is answered by their meeting
 * in Bishkek, not beside it by an ambassador's call on Khan, though that names a place too.
 */
export function joinsDeed(question: Reading, first: Reading, further: Reading, furtherText: string): boolean {
  if (question.frames.size === 0 || !tellsDeed(question, first)) return true;
  return tellsDeed(question, further) || tellsDeedInWords(furtherText, [...question.frames.keys()]);
}

/** How well a fact that tells the question's deed must rank, against a first that does not, to go first. */
const DEED_RANK = 0.85;

/**
 * The hits with one that tells the question's deed first, where the first does not and it
 * ranks nearly as well: "what chemical leaked" is answered by "methyl isocyanate leaked from
 * the plant" before "Dow took over the company after the gas leak", which shares the words but
 * tells another deed; but not one that tells it as another party's. Only the `reads` leading
 * hits are read (reading takes milliseconds).
 */
export function deedFirst<T extends { rank: number }>(
  hits: readonly T[],
  question: Reading,
  read: (hit: T) => Reading,
  reads = 3,
): readonly T[] {
  const first = hits[0];
  if (!first || hits.length < 2 || question.frames.size === 0 || tellsDeed(question, read(first))) return hits;
  for (const h of hits.slice(1, reads)) {
    if (h.rank < first.rank * DEED_RANK) break;
    const fact = read(h);
    // Not one that tells it as another party's deed (see anotherDoer).
    if (tellsDeed(question, fact) && !anotherDoer(question, fact)) return [h, ...hits.filter((x) => x !== h)];
  }
  return hits;
}

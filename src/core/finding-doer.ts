/**
 * A finding the fact tells of another doer named by a noun: "the Corps reported 20 million cubic
 * metres of debris, but the study concluded that the total was less than half that" tells
 * what the study concluded, not the Corps. Every use of the claim's verb in the fact has a
 * doer, none is the claim's, and one is a noun the claim does not use: the fact does not
 * state the claim's doer did it. (Another party doing it is other-doer.ts's to judge.)
 *
 *   anotherFinder(read('The Corps concluded the total was lower.'), read('… but the study concluded …')); // "studi"
 */
import { NOUN_AGENT, type Reading, usesOf } from './claims.js';

/**
 * Verbs that give a finding, a count or a statement: who found it is the claim. Deeds are
 * left out, where a noun doer is often the claim's parties named again ("the two powers decided").
 */
const FINDING = new Set([
  'conclude',
  'find',
  'estimate',
  'calculate',
  'determine',
  'count',
  'show',
  'reveal',
  'report',
  'assess',
  'judge',
  'measure',
  'record',
  'tally',
  'say',
  'state',
  'announce',
  'confirm',
]);

/** The noun that makes the claim's finding in the fact instead of the claim's doer, if any. */
export function anotherFinder(claim: Reading, fact: Reading): string | undefined {
  for (const [verb, uses] of claim.frames) {
    if (!FINDING.has(verb)) continue;
    const doers = usesOf(fact, verb).map((f) => f.agent);
    if (doers.length === 0 || doers.some((d) => d === null)) continue;
    for (const c of uses) {
      if (!c.agent || doers.includes(c.agent)) continue;
      const noun = doers.find((d) => d!.startsWith(NOUN_AGENT) && !claim.terms.includes(d!.slice(NOUN_AGENT.length)));
      if (noun) return noun.slice(NOUN_AGENT.length);
    }
  }
  return undefined;
}

/**
 * For a claim that says what someone said ("the survivor groups say 93% …"): the one who said
 * it, where the fact names them nowhere, as a party or by their noun. The fact may say it of
 * another ("the state government maintains …"): it does not state that they said it.
 */
export function unnamedSpeaker(claim: Reading, fact: Reading): string | undefined {
  for (const [verb, uses] of claim.frames) {
    if (!FINDING.has(verb)) continue;
    for (const c of uses) {
      if (!c.agent) continue;
      const named = c.agent.startsWith(NOUN_AGENT)
        ? fact.terms.includes(c.agent.slice(NOUN_AGENT.length))
        : fact.parties.has(c.agent);
      if (!named) return c.agent.startsWith(NOUN_AGENT) ? c.agent.slice(NOUN_AGENT.length) : c.agent;
    }
  }
  return undefined;
}

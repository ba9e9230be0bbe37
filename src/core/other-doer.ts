/**
 * The same deed done by another: "the Soviets constructed Pakistan Steel Mills" against "the
 * Americans built Pakistan Steel Mills". The fact must tell the very deed the claim tells, in
 * nearly all its words (its verb may be another that tells the same deed), and put a party of
 * its own where the claim's doer stands, the claim's doer nowhere in it; only then does it
 * exclude the claim. A fact that names the claim's doer too may tell a deed they did
 * together, and one that says the other did not do it excludes no one.
 *
 *   if (sameDeed(claim, fact) && otherDoer(c, f, fact)) …   // "sources name Russia, not the United States"
 */
import { NOUN_AGENT, type Frame, type Reading, usesOf } from './claims.js';
import { stem } from './tokens.js';

/** The share of the claim's words (its parties aside) a fact must have to tell the same deed. */
const SAME_DEED = 0.8;

/**
 * True if the fact has nearly all the claim's words, its parties aside; a verb of the claim
 * is there when the fact tells its deed with another verb ("constructed" for "built").
 */
export function sameDeed(claim: Reading, fact: Reading): boolean {
  if (claim.terms.length === 0) return false;
  const toldOtherwise = verbsTold(claim, fact);
  const given = claim.terms.filter((t) => fact.terms.includes(t) || toldOtherwise.has(t));
  return given.length / claim.terms.length >= SAME_DEED;
}

/** The stems of the claim's verbs whose deed the fact tells, with that verb or another (see usesOf). */
export function verbsTold(claim: Reading, fact: Reading): Set<string> {
  return new Set([...claim.frames.keys()].filter((v) => usesOf(fact, v).length > 0).map((v) => stem(v)));
}

/** True if the fact's use `f` of the claim's verb has another party do what the claim's use `c` has its doer do. */
export function otherDoer(c: Frame, f: Frame, fact: Reading): boolean {
  if (!c.agent || !f.agent || c.agent === f.agent || f.agent.startsWith(NOUN_AGENT) || f.negated) return false;
  // The claim's doer named in the fact, as a party or by its noun, may have done it beside the other.
  const named = c.agent.startsWith(NOUN_AGENT)
    ? fact.terms.includes(c.agent.slice(NOUN_AGENT.length))
    : fact.parties.has(c.agent);
  const samePatient = !c.patient || !f.patient || c.patient === f.patient;
  return samePatient && !named;
}

/**
 * A clause that names its subject only by a definite noun the passage before it named ("…, but
 * the project faced delays", after "this project involves the construction of a gas pipeline
 * from Karachi to Lahore") is about what that passage says the noun is: the terms of the
 * passage's clauses naming it join the clause's own, so the found-disagreement detector can
 * set it beside another source's account of the pipeline.
 *
 *   resolveBackReferences(readings);   // clauses opening with "the project" gain the pipeline's terms
 */
import type { Fact } from '../knowledge/schema.js';
import type { Clause, Reading, Term } from './clauses.js';
import { Lexicon } from './lexicon.js';
import { stem, words } from './tokens.js';

/** A clause that opens (after a conjunction) with a definite noun: its subject is a thing already named. */
const DEFINITE_OPENING =
  /^\W*(?:(?:but|and|yet|so|however|while|although|though)\s+)?(?:the|this|that|its)\s+([a-z]+)\b/i;

/**
 * Adds to each such clause, and to its reading, the terms of the clauses before it that name
 * its noun. A noun of its document's title ("the dam" in a piece on a dam, "the study" in one on
 * a study) is what the whole document is about, not the thing the passage before named.
 */
export function resolveBackReferences(readings: readonly Reading[], titleOf: (unit: Fact) => string): void {
  const byId = new Map(readings.map((r) => [r.unit.id, r]));
  const lexicon = Lexicon.shared();
  for (const r of readings) {
    const before = r.before === null ? undefined : byId.get(r.before);
    if (!before) continue;
    const title = new Set(words(titleOf(r.unit)).map(stem));
    for (const clause of r.clauses) {
      const noun = DEFINITE_OPENING.exec(clause.text)?.[1]?.toLowerCase();
      const term = noun && stem(noun);
      if (!term || title.has(term) || !lexicon.partsOfSpeech(noun).includes('n')) continue;
      if (!clause.terms.has(term) || !before.terms.has(term)) continue;
      for (const told of before.clauses.filter((c) => c.terms.has(term))) join(clause, told, r.terms);
    }
  }
}

/** The antecedent's terms that the clause lacks, as they stand there. */
function join(clause: Clause, antecedent: Clause, all: Set<string>): void {
  for (const [t, term] of antecedent.terms) {
    if (clause.terms.has(t)) continue;
    clause.terms.set(t, { ...term, borrowed: true } satisfies Term);
    all.add(t);
  }
}

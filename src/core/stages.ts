/**
 * How far along a clause says a thing is: done or under way ("inked a deal", "Russia is
 * constructing the pipeline") or still pending ("close to finalizing a deal", "talks … in
 * their final stages", "the project faced delays"). Two sources that give one subject
 * different stages disagree on whether it happened, as the curated "cost and status" topics
 * do. English grammar and the verbs of agreements and works, the same in any pack.
 *
 *   stageOf('They are close to finalizing a pipeline deal');   // { stage: 'pending', word: 'close to finalizing' }
 *   stageOf('Moscow inked a deal to construct the pipeline');  // { stage: 'done', word: 'inked' }
 */

export type Stage = 'done' | 'pending';

export interface StageReading {
  stage: Stage;
  /** The words that say it, as written. */
  word: string;
}

/** Still to happen: near completion, talked about, planned, held up. */
const PENDING =
  /\b(?:(?:close|closer|near|nearing) to \w+ing|(?:talks|negotiations|discussions) (?:on|about|over|for)|in (?:the|their|its) (?:final|last|early|initial) (?:stages?|phases?)|(?:plans|planned|planning|intends|intended|expected) to|under (?:discussion|consideration|negotiation)|(?:faced|faces|facing|suffered) (?:\w+ )?delays|(?:was|were|been|is|are) (?:delayed|stalled|postponed|shelved))\b/i;
/** Done or under way: an agreement made, a work built or being built. */
const DONE =
  /\b(?:inked|signed|sealed|clinched|concluded|finali[sz]ed|completed|inaugurated|commissioned|(?:is|are|was|were|has been|have been) (?:\w+ly )?(?:constructing|building|laying|constructed|built|laid)|under construction)\b/i;
/** Words that make a clause a wish, a guess or a condition: it tells no stage ("should sign", "would be built"). */
const UNSURE = /\b(?:should|could|might|may|would|must|if|whether|unless)\b/i;

/** The stage a clause gives, if it gives one and only one, and no guess comes before it. */
export function stageOf(text: string): StageReading | null {
  const pending = PENDING.exec(text);
  const done = DONE.exec(text);
  if (!!pending === !!done) return null;
  const m = (pending ?? done)!;
  // "should sign" tells no stage; "close to finalizing a deal that would carry gas" does: the guess comes after.
  const unsure = UNSURE.exec(text);
  if (unsure && unsure.index < m.index) return null;
  return { stage: pending ? 'pending' : 'done', word: m[0] };
}

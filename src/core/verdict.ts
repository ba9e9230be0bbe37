/**
 * Decides a claim's verdict from the facts that match it. The order of the rules is the
 * point: where the best evidence sits on one side of a known disagreement, the claim is
 * disputed; otherwise a like figure settles it before wording does; and a fact that says
 * the event did not happen, or happened to someone else, contradicts a claim that it did.
 */
import type { DisputeIndex } from './citations.js';
import type { Comparison } from './claims.js';
import type { Hit } from './fact-index.js';
import type { VerdictLabel } from './model.js';

export interface Judged {
  hit: Hit;
  comparison: Comparison;
  /** The fact covers enough of the claim to state or deny it. */
  strong: boolean;
}

export interface Ruling {
  verdict: VerdictLabel;
  /** The facts the ruling rests on, most telling first. */
  basis: Judged[];
  /** Why, in a few plain words (without citation markers). */
  why: string;
}

/** The first disagreement any of these facts is a position of. */
function disputeOf(judged: Judged[], disputes: DisputeIndex): { summary: string; facts: Judged[] } | undefined {
  for (const j of judged) {
    for (const t of disputes.of(j.hit.fact.id)) {
      if (t.disagreement!.positions.some((p) => p.facts.includes(j.hit.fact.id))) {
        return { summary: t.disagreement!.summary, facts: judged.filter((x) => disputes.of(x.hit.fact.id).includes(t)) };
      }
    }
  }
  return undefined;
}

export function rule(judged: Judged[], disputes: DisputeIndex): Ruling {
  const strong = judged.filter((j) => j.strong);
  const best = strong[0]?.hit.coverage ?? 0;
  const top = strong.filter((j) => j.hit.coverage >= best - 0.1);
  // A like figure is telling even in a fact that shares fewer of the claim's words, unless
  // the fact is about another party's deed.
  const figured = judged.filter((j) => j.comparison.figures !== 'none' && !j.comparison.actorConflict);
  const strongFigured = figured.filter((j) => j.strong);

  // 1. The evidence that speaks to the claim is itself one side of a known disagreement:
  //    a like figure that some side gives, or (without figures) the best-matching facts.
  const sided = strongFigured.length ? strongFigured.filter((j) => j.comparison.figures === 'agree') : figured.length ? [] : top;
  const disputed = disputeOf(sided, disputes);
  if (disputed) return { verdict: 'disputed', basis: disputed.facts, why: disputed.summary };

  // 2. Figures: a fact that says it did not happen at that time contradicts; an exact like
  //    figure supports; like figures that all differ contradict.
  if (figured.length) {
    const denied = figured.filter((j) => j.comparison.figures === 'agree' && j.comparison.polarityConflict && j.hit.fact.kind === 'report');
    if (denied.length) return { verdict: 'contradicted', basis: denied, why: 'sources say it did not happen then' };
    const agree = figured.filter((j) => j.comparison.figures === 'agree' && !j.comparison.polarityConflict);
    const exact = agree.filter((j) => !j.comparison.vague);
    if (exact.length) return { verdict: 'supported', basis: exact, why: exact[0]!.comparison.detail };
    const conflict = figured.filter((j) => j.comparison.figures === 'conflict' && j.hit.coverage >= 0.5);
    if (conflict.length) {
      // The reason names one figure; it cites the facts that give that figure.
      const why = conflict[0]!.comparison.detail;
      return { verdict: 'contradicted', basis: conflict.filter((j) => j.comparison.detail === why), why };
    }
    if (agree.length) return { verdict: 'supported', basis: agree, why: agree[0]!.comparison.detail };
  }

  // 3. Wording: the best facts say it did not happen, or give it to another party.
  const denies = top.filter((j) => j.comparison.polarityConflict || j.comparison.actorConflict);
  if (denies.length) return { verdict: 'contradicted', basis: denies, why: denies[0]!.comparison.detail };
  if (top.length && !figured.length) return { verdict: 'supported', basis: top, why: 'a source states it' };

  return { verdict: 'unverified', basis: judged, why: 'the sources touch on this subject but do not state the claim' };
}

/**
 * A question that offers figures to choose from ("was the top end 84,961 or 86,961?", "did
 * it cost $2 billion or $2.5 billion?") asks which of two accounts holds. Sources that each
 * give one of them are the sides of a disagreement, to be shown with every side cited, though
 * their ranges need not exclude each other and no detector set them side by side beforehand.
 *
 *   offeredFigures('84,961 or 86,961?');            // the two counts
 *   heldFigure('estimated at 46,190 to 84,961', offered[0]);   // the figure "84,961"
 *   withoutFigure('death estimate 84 961 or 86 961', offered[1]);   // 'death estimate 84 961 or '
 */
import { type Figure, figures } from './figures.js';

/** The words between two offered figures: "or", maybe "only", "just", "in", then the second's currency mark. */
const OFFERED_JOIN =
  /^\s*,?\s*or\s+(?:(?:only|just|even|maybe|perhaps|rather|really|in|at|about|around|is it|was it)\s+)*[$£€₹]?$/;

/**
 * The figures a question offers as alternatives, joined by "or", of one kind and all
 * different; else none. Not years: "did Moscow back Delhi in 1965 or 1971" names two wars,
 * and the sources dating each are about different events, not at odds.
 */
export function offeredFigures(question: string): Figure[] {
  const text = question.toLowerCase();
  const all = figures(text).filter((f) => f.kind !== 'rank' && f.kind !== 'year');
  for (let i = 0; i + 1 < all.length; i++) {
    const chain = [all[i]!];
    for (let j = i + 1; j < all.length; j++) {
      const last = chain.at(-1)!;
      const next = all[j]!;
      if (next.kind !== last.kind || !OFFERED_JOIN.test(text.slice(last.at + last.text.length, next.at))) break;
      chain.push(next);
    }
    const values = new Set(chain.map((f) => `${f.low}-${f.high}-${f.currency ?? ''}`));
    if (chain.length >= 2 && values.size === chain.length) return chain;
  }
  return [];
}

/** The figure of `quote` that is the offered one (the same value, or a range with that end), as the source writes it. */
export function heldFigure(quote: string, offered: Figure): Figure | undefined {
  return figures(quote.toLowerCase()).find(
    (g) =>
      g.kind === offered.kind &&
      (g.currency ?? '') === (offered.currency ?? '') &&
      ((g.low === offered.low && g.high === offered.high) ||
        (offered.low === offered.high && (g.low === offered.low || g.high === offered.low))),
  );
}

/** `text` without the offered figure's number, however its digits are grouped ("86,961", "86 961"). */
export function withoutFigure(text: string, offered: Figure): string {
  const groups = offered.text.match(/\d+/g);
  if (!groups) return text;
  return text.replace(new RegExp(`(?<![\\d.])${groups.join('[\\s,.]*')}(?![\\d])`, 'g'), ' ');
}

/**
 * Platform limits are met by dropping the lowest-ranked citations whole, with their
 * sentences; never by cutting a citation or a disagreement in half. Citations that a
 * disagreement points at are kept, so a disputed point never loses a side.
 */
import type { Answer, Citation, Verdict } from '../../src/core/model.js';

type WithCitations = Answer | Verdict;

function protectedMarkers(item: WithCitations): Set<number> {
  return new Set(item.disagreements.flatMap((d) => d.positions.flatMap((p) => p.citations)));
}

/** The item without citation `n` (and, for answers, without the sentence citing it). */
function drop<T extends WithCitations>(item: T, n: number): T {
  const citations: Citation[] = item.citations.filter((c) => c.n !== n);
  if ('sentences' in item) {
    const sentences = item.sentences.filter((s) => s.citation !== n);
    return { ...item, citations, sentences, text: sentences.map((s) => `${s.text} [${s.citation}]`).join(' ') };
  }
  return { ...item, citations };
}

/**
 * Renders `item`, dropping its lowest-ranked droppable citations until `fits` accepts the
 * payload. Returns the last rendering even if nothing more can be dropped.
 */
export function fitToLimits<T extends WithCitations, P>(
  item: T,
  render: (item: T) => P,
  fits: (payload: P) => boolean,
): P {
  const keep = protectedMarkers(item);
  let current = item;
  let payload = render(current);
  while (!fits(payload)) {
    const droppable = [...current.citations]
      .reverse()
      .find(
        (c) =>
          !keep.has(c.n) &&
          (!('sentences' in current) ||
            current.sentences.length > 1 ||
            !current.sentences.some((s) => s.citation === c.n)),
      );
    if (!droppable) break;
    current = drop(current, droppable.n);
    payload = render(current);
  }
  return payload;
}

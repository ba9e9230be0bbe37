import { describe, expect, it } from 'vitest';
import { Postings } from '../../src/core/postings.js';
import { Shortlist } from '../../src/core/shortlist.js';

/** Ten facts of one field: the first six say "alpha" once, in words of the same length; the rest do not. */
function postings(): Postings {
  const p = new Postings([1]);
  for (let doc = 0; doc < 10; doc++) p.add(doc, [doc < 6 ? ['alpha', `w${doc}`] : ['beta', `w${doc}`]]);
  p.settle();
  return p;
}
const alpha = (p: Postings) => [p.expand('alpha', 0, false)];

describe('the shortlist', () => {
  it('keeps the best facts a query reaches, an equal score going to the earlier fact', () => {
    const p = postings();
    const best = new Shortlist(p).best(alpha(p), 3);
    expect(best.map((s) => s.doc)).toEqual([0, 1, 2]);
    expect(new Set(best.map((s) => s.score)).size).toBe(1);
  });

  it('never fills its room with facts the query does not reach', () => {
    const p = postings();
    expect(
      new Shortlist(p)
        .best(alpha(p), 20)
        .map((s) => s.doc)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

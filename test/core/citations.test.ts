import { describe, expect, it } from 'vitest';
import { CitationBuilder, DisputeIndex } from '../../src/core/citations.js';
import type { Pack } from '../../src/knowledge/load.js';
import type { Topic } from '../../src/knowledge/schema.js';
import { reportedFact } from '../helpers/fact.js';

const fact = reportedFact;
const facts = [
  fact('opened-1999', 'The bridge opened in 1999.'),
  fact('opened-2001', 'The bridge opened in 2001.'),
  fact('passage:d:0', 'After years of delay, the bridge opened in 1999.'),
  fact('unrelated', 'The river floods in spring.'),
];
const byId = new Map(facts.map((f) => [f.id, f]));
const topic: Topic = {
  id: 'opening',
  name: 'The opening',
  area: 'a',
  disagreement: {
    summary: 'Sources give different years for the opening.',
    positions: [
      { label: '1999', facts: ['opened-1999'] },
      { label: '2001', facts: ['opened-2001'] },
    ],
  },
};
const pack = { documents: new Map() } as unknown as Pack;
// The passage holds the quote of the curated fact "opened-1999".
const disputes = new DisputeIndex([topic], (id) => (id === 'passage:d:0' ? ['opened-1999'] : []));
const builder = () => new CitationBuilder(pack, new Map(), disputes);

describe('disagreement blocks', () => {
  it('show an attached disagreement with every side cited, though no cited fact takes a side', () => {
    const b = builder();
    b.cite(byId.get('unrelated')!);
    b.attach(topic);
    const [d] = b.disagreements(
      (id) => byId.get(id),
      () => 0,
    );
    expect(d!.positions.map((p) => p.citations)).toEqual([[2], [3]]);
  });

  it('show every side of a disagreement one cited fact is a side of', () => {
    const b = builder();
    b.cite(byId.get('opened-2001')!);
    const [d] = b.disagreements(
      (id) => byId.get(id),
      () => 0,
    );
    expect(d!.positions.map((p) => p.citations)).toEqual([[2], [1]]);
    expect(b.list.map((c) => c.fact)).toEqual(['opened-2001', 'opened-1999']);
  });

  it('show the disagreement of a curated fact whose quote a cited passage holds, with the passage standing for it', () => {
    const b = builder();
    b.cite(byId.get('passage:d:0')!);
    const [d] = b.disagreements(
      (id) => byId.get(id),
      () => 0,
    );
    expect(d!.summary).toBe('Sources give different years for the opening.');
    // The passage is the 1999 side; the curated fact with the same quote is not cited again.
    expect(d!.positions.map((p) => p.citations)).toEqual([[1], [2]]);
    expect(b.list.map((c) => c.fact)).toEqual(['passage:d:0', 'opened-2001']);
  });

  it('show nothing beside a fact that is no side of any', () => {
    const b = builder();
    b.cite(byId.get('unrelated')!);
    expect(
      b.disagreements(
        (id) => byId.get(id),
        () => 0,
      ),
    ).toEqual([]);
  });
});

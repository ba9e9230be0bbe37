import { describe, expect, it } from 'vitest';
import { CitationBuilder, DisputeIndex, rankForAsked } from '../../src/core/citations.js';
import { terms } from '../../src/core/tokens.js';
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

describe("a position's facts, ranked for what was asked", () => {
  const sides = [
    fact('bridge-late', 'The bridge opened late.'),
    fact('bridge-cost', 'The bridge cost far more than planned.'),
    fact('bridge-toll', 'The bridge toll was never charged.'),
    fact('bridge-early', 'The bridge opened early.'),
  ];
  const known = new Map(sides.map((f) => [f.id, f]));
  const judged: Topic = {
    id: 'judged',
    name: 'The bridge',
    area: 'a',
    disagreement: {
      summary: 'Sources judge the bridge differently.',
      positions: [
        { label: 'A failure', facts: ['bridge-late', 'bridge-cost', 'bridge-toll'] },
        { label: 'A success', facts: ['bridge-early'] },
      ],
    },
  };
  const termsOf = (id: string) => {
    const f = known.get(id);
    return f && new Set(terms(f.statement));
  };
  const asked = (q: string) => terms(q).map((t) => [t]);
  const cited = (rankOf: (id: string) => number) => {
    const b = new CitationBuilder(pack, new Map(), new DisputeIndex([judged]));
    b.attach(judged);
    const [d] = b.disagreements((id) => known.get(id), rankOf);
    return d!.positions[0]!.citations.map((n) => b.list[n - 1]!.fact);
  };

  it('cites first a side the search left out that holds more of the question, not the first its topic lists', () => {
    expect(cited(rankForAsked(new Map(), asked('was the toll ever charged'), termsOf))).toEqual([
      'bridge-toll',
      'bridge-late',
    ]);
  });

  it("works out each fact's rank once, however often the sort compares it", () => {
    const rankOf = rankForAsked(new Map(), asked('was the toll ever charged'), termsOf);
    const asks = new Map<string, number>();
    const counted = (id: string) => {
      asks.set(id, (asks.get(id) ?? 0) + 1);
      return rankOf(id);
    };
    expect(cited(counted)).toEqual(['bridge-toll', 'bridge-late']);
    expect([...asks.values()].every((n) => n === 1)).toBe(true);
    expect(asks.size).toBe(4);
  });

  it('ranks every fact the search found above those it left out', () => {
    const rankOf = rankForAsked(new Map([['bridge-cost', 0]]), asked('was the toll ever charged'), termsOf);
    expect(rankOf('bridge-cost')).toBeGreaterThan(rankOf('bridge-toll'));
    expect(rankOf('bridge-toll')).toBeGreaterThan(rankOf('bridge-late'));
    expect(rankOf('unknown')).toBe(-1);
  });
});

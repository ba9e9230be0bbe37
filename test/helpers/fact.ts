/** A reported fact whose statement is its quote, for tests of the engine's parts. */
import type { Fact } from '../../src/knowledge/schema.js';
import type { Hit } from '../../src/core/fact-index.js';

export const reportedFact = (id: string, quote: string): Fact => ({
  id,
  statement: quote,
  quote,
  source: { document: 'd' },
  kind: 'report',
  topic: 't',
  tags: [],
});

/** A search hit that found the fact in full, first: how a verdict sees its best evidence. */
export const fullHit = (fact: Fact): Hit => ({ fact, score: 1, coverage: 1, rank: 1, named: true });

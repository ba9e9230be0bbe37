/** A reported fact whose statement is its quote, for tests of the engine's parts. */
import type { Fact } from '../../src/knowledge/schema.js';

export const reportedFact = (id: string, quote: string): Fact => ({
  id,
  statement: quote,
  quote,
  source: { document: 'd' },
  kind: 'report',
  topic: 't',
  tags: [],
});

/** Mechanisms that keep a fact from supporting a claim it does not establish (a false "supported"). */
import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { opensWithCommand } from '../../src/core/commands.js';
import type { Hit } from '../../src/core/fact-index.js';
import { weigh } from '../../src/core/verdict.js';
import type { Fact } from '../../src/knowledge/schema.js';

const reader = new ClaimReader(
  {
    russia: ['russia', 'russian', 'moscow'],
    pakistan: ['pakistan', 'pakistani', 'islamabad'],
    india: ['india'],
  },
  [],
);
let n = 0;
const fact = (statement: string, kind: Fact['kind'] = 'report'): Fact => ({
  id: `f${n++}`,
  statement,
  quote: statement,
  source: { document: 'd' },
  kind,
  topic: 't',
  tags: [],
});
const hit = (f: Fact): Hit => ({ fact: f, score: 1, coverage: 1, rank: 1, named: true });
const bearing = (claim: string, statement: string) => {
  const f = fact(statement);
  return weigh(reader.read(claim), reader.readFact(f), hit(f), false, (p) => p).bearing;
};

describe('a command is a recommendation, not a report', () => {
  it('knows a sentence opened by a bare verb', () => {
    expect(opensWithCommand('Continue to advance a political solution by including the rebels.')).toBe(true);
    expect(opensWithCommand('“Build trust to the point where both feel comfortable.')).toBe(true);
  });

  it('does not take a noun or a preposition for one', () => {
    expect(opensWithCommand('Work on the dam began in 1987.')).toBe(false);
    expect(opensWithCommand('Change of policy priorities came with the sanctions.')).toBe(false);
    expect(opensWithCommand('Inter-parliamentary dialogue deepened.')).toBe(false);
    expect(opensWithCommand('Russia expanded cooperation with Pakistan.')).toBe(false);
    expect(opensWithCommand('Talks resumed in May.')).toBe(false);
  });

  it('never states that the thing was done', () => {
    expect(
      bearing(
        'Russia has expanded naval cooperation with Pakistan.',
        'Expand naval cooperation between Russia and Pakistan to include joint patrols.',
      ),
    ).toBe('proposes');
  });
});

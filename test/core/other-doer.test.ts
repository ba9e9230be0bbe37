import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { sameDeed } from '../../src/core/other-doer.js';
import { weigh } from '../../src/core/verdict.js';
import type { Fact } from '../../src/knowledge/schema.js';
import { fullHit, reportedFact } from '../helpers/fact.js';

const reader = new ClaimReader(
  { russia: ['russia', 'soviets'], 'united states': ['united states', 'americans'], china: ['china'] },
  [],
);
const fact = (statement: string): Fact => reportedFact(statement, statement);
const hit = fullHit;
const bearing = (claim: string, statement: string) =>
  weigh(reader.read(claim), reader.readFact(fact(statement)), hit(fact(statement)), false, (p) => p);

describe('the same deed by another doer', () => {
  it('is the same deed when told with another verb of it', () => {
    expect(
      sameDeed(
        reader.read('The Americans built the steel mills.'),
        reader.read('The Soviets constructed the steel mills.'),
      ),
    ).toBe(true);
    expect(
      sameDeed(
        reader.read('The Americans built the steel mills.'),
        reader.read('The Soviets visited the steel mills.'),
      ),
    ).toBe(false);
  });

  it('excludes the claim when another party does it and the claim’s doer is nowhere', () => {
    const e = bearing('The Americans built the steel mills.', 'The Soviets constructed the steel mills.');
    expect(e.bearing).toBe('excludes');
    expect(e.detail).toBe('sources name russia, not united states');
  });

  it('does not put the other in its place where the claim’s doer is there too, or the other did not do it', () => {
    expect(
      bearing('The Americans built the steel mills.', 'The Soviets and the Americans constructed the steel mills.')
        .bearing,
    ).toBe('states');
    // Excluded by the negation, not by another doer.
    expect(
      bearing('The Americans built the steel mills.', 'The Soviets never constructed the steel mills.').detail,
    ).not.toMatch(/sources name/);
  });
});

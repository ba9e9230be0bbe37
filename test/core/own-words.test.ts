import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { ownWords } from '../../src/core/own-words.js';
import { weigh } from '../../src/core/verdict.js';
import { fullHit, reportedFact } from '../helpers/fact.js';

const reader = new ClaimReader({ 'united states': ['united states'] }, []);
const claim = 'Governor Rick Scott disagreed with the President about the toll.';
const quoting =
  'Gov. Rick Scott tweeted in response, "I disagree with the President. The loss of any life is tragic and the toll is real."';

describe("a person's own words about their stance", () => {
  it('are the words of the person the claim is about, quoted in the first person', () => {
    expect(ownWords(reader.read(claim), quoting)).toBe(true);
    // Someone else speaking, or the person not speaking for themselves.
    expect(ownWords(reader.read(claim), quoting.replace('Gov. Rick Scott', 'The senator'))).toBe(false);
    expect(ownWords(reader.read(claim), 'Gov. Rick Scott tweeted, "The President is wrong about the toll."')).toBe(
      false,
    );
  });

  it("state the claim about the speaker's stance, where another's quoted words only report what was said", () => {
    const fact = reportedFact('f1', quoting);
    const bearing = (c: string) => weigh(reader.read(c), reader.readFact(fact), fullHit(fact), false, (p) => p).bearing;
    expect(bearing(claim)).toBe('states');
    expect(bearing('Governor Jeb Bush disagreed with the President about the toll.')).not.toBe('states');
  });
});

describe('what a claim says someone said', () => {
  it('is not stated by a source that names someone else saying it', () => {
    const fact = reportedFact(
      'f2',
      'The state government maintains in its petition that 93% of the survivors were fine.',
    );
    const weighed = (c: string) => weigh(reader.read(c), reader.readFact(fact), fullHit(fact), true, (p) => p);
    expect(weighed('The survivor groups say 93% of the survivors were fine.')).toMatchObject({
      bearing: 'lacks',
      detail: 'the sources do not say that “group…” said it',
    });
    expect(weighed('The state government says 93% of the survivors were fine.').detail).not.toMatch(/said it/);
  });
});

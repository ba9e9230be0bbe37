import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { anotherDoer, askedDoers } from '../../src/core/question-roles.js';

const reader = new ClaimReader(
  {
    borduria: ['borduria', 'bordurian'],
    syldavia: ['syldavia', 'syldavian'],
    atlantis: ['atlantis', 'atlantean'],
  },
  [],
);
/** Does the fact tell the question's deed as another party's? */
const other = (question: string, fact: string) =>
  anotherDoer(reader.read(question), reader.readFact({ statement: fact, quote: fact }));

describe('who does what in a question, against a fact', () => {
  it('finds the doer a question names, and none in "who …"', () => {
    expect(askedDoers(reader.read('what does borduria export to syldavia'))).toEqual(['borduria']);
    expect(askedDoers(reader.read('who exports grain to syldavia'))).toEqual([]);
  });

  it('takes a fact telling the deed the other way round, or by a party the question does not name, for another deed', () => {
    expect(other('what does borduria export to syldavia', 'Syldavia exports textiles to Borduria.')).toBe(true);
    expect(other('what did borduria send to the bay', 'Atlantis sent vessels to the bay.')).toBe(true);
    expect(other('what does borduria export to syldavia', 'Borduria exports grain to Syldavia.')).toBe(false);
  });

  it('does not where the question names the doer beside another, or the doer does something else in the fact', () => {
    expect(other('are borduria and syldavia becoming friends', 'Syldavia and Borduria are becoming friends.')).toBe(
      false,
    );
    expect(other('did borduria visit syldavia', 'Syldavia visited Borduria, and Borduria returned the favour.')).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ClaimReader } from '../../src/core/claims.js';
import { Lexicon } from '../../src/core/lexicon.js';
import { asClaimNames, namesParty } from '../../src/core/party-match.js';
import { weigh } from '../../src/core/verdict.js';
import type { Fact } from '../../src/knowledge/schema.js';
import { fullHit, reportedFact } from '../helpers/fact.js';

// Actors as a pack without a list of parties reads them from its sources: each name its own.
const reader = new ClaimReader(
  {
    'puerto rico': ['puerto rico'],
    'puerto rican': ['puerto rican'],
    rico: ['rico'],
    'state university': ['state university'],
    harvard: ['harvard'],
  },
  [],
);

const fact = (statement: string): Fact => reportedFact(statement, statement);
const hit = fullHit;
const bearing = (claim: string, statement: string) =>
  weigh(reader.read(claim), reader.readFact(fact(statement)), hit(fact(statement)), false, (p) => p).bearing;

describe('a party named in other words', () => {
  it('knows a people and an adjective of place by their place, from WordNet', () => {
    expect(Lexicon.shared().placesOf('puerto rican')).toContain('puerto rico');
    expect(Lexicon.shared().placesOf('pakistani')).toContain('pakistan');
    expect(Lexicon.shared().placesOf('harvard')).toEqual([]);
  });

  it('matches a party by its adjective, either way, and inside a longer name, but not a longer name inside it', () => {
    expect(namesParty('puerto rican', 'puerto rico')).toBe(true);
    expect(namesParty('puerto rico', 'puerto rican')).toBe(true);
    expect(namesParty('harvard university', 'harvard')).toBe(true);
    expect(namesParty('harvard', 'harvard university')).toBe(false);
    // A thing named without the common noun the claim adds ("the Sardar Sarovar dam"), not a body of people.
    expect(namesParty('sardar sarovar', 'sardar sarovar dam')).toBe(true);
    expect(namesParty('pakistan', 'pakistan army')).toBe(false);
    expect(namesParty('pakistan', 'pakistan steel mills')).toBe(false);
    expect(namesParty('pakistani', 'puerto rico')).toBe(false);
  });

  it('reads a name inside a longer one as part of it, not as a party of its own', () => {
    expect([...reader.read('Puerto Rico raised the toll.').parties]).toEqual(['puerto rico']);
  });

  it("reads the fact's adjective as the claim's party", () => {
    const claim = reader.read("The study was commissioned by Puerto Rico's government.");
    const aligned = asClaimNames(claim, reader.read('The study was commissioned by the Puerto Rican government.'));
    expect([...aligned.parties]).toEqual(['puerto rico']);
    expect(aligned.frames.get('commission')?.[0]?.agent).toBe('puerto rico');
  });

  it('so the adjective states the claim, while another doer still does not', () => {
    expect(
      bearing(
        "The study was commissioned by Puerto Rico's government.",
        'The study was commissioned by the Puerto Rican government.',
      ),
    ).toBe('states');
    expect(
      bearing("The study was commissioned by Puerto Rico's government.", 'The study was commissioned by Harvard.'),
    ).not.toBe('states');
  });
});

describe("a claim's name inside a party's name in the fact", () => {
  const schools = new ClaimReader({ 'harvard chan school': ['harvard chan school'] }, []);
  it('is named by the source', () => {
    const claim = 'Harvard researchers estimated the toll of the storm.';
    const statement = 'Researchers at the Harvard Chan School estimated the toll of the storm.';
    expect(
      weigh(schools.read(claim), schools.readFact(fact(statement)), hit(fact(statement)), false, (p) => p).bearing,
    ).toBe('states');
    const other = 'Researchers at the school estimated the toll of the storm.';
    expect(weigh(schools.read(claim), schools.readFact(fact(other)), hit(fact(other)), false, (p) => p).bearing).toBe(
      'silent',
    );
  });
});

describe('a party named by the common noun in its name', () => {
  const storms = new ClaimReader(
    { 'hurricane maria': ['hurricane maria'], 'hurricane irma': ['hurricane irma'], 'puerto rico': ['puerto rico'] },
    [],
  );
  const weighs = (claim: string, statement: string) =>
    weigh(storms.read(claim), storms.readFact(fact(statement)), hit(fact(statement)), false, (p) => p).bearing;
  it('is the party, unless another party the fact names has that noun too', () => {
    const claim = 'Hurricane Maria killed thousands of people in Puerto Rico.';
    expect(weighs(claim, 'The hurricane killed thousands of people in Puerto Rico.')).toBe('states');
    expect(weighs(claim, 'Hurricane Irma killed thousands of people in Puerto Rico.')).not.toBe('states');
    expect(weighs(claim, 'After Hurricane Irma, the hurricane killed thousands of people in Puerto Rico.')).not.toBe(
      'states',
    );
  });
});

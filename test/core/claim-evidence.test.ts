import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { copyPack } from '../helpers/pack-fixture.js';

/** The sentences of doc1 that the minimal pack's facts quote. */
const QUOTED =
  'The bridge over the river was opened in 1999 at a cost of $5 million.\nCritics called it a “vanity project” — too costly.\n';

/** An engine on the minimal pack with two towns as parties, whose doc1 goes on with `more`. */
function engineWith(more: string) {
  const pack = copyPack();
  pack.write('sources/doc1.txt', QUOTED + more);
  pack.edit('pack.yaml', /^name:/m, 'parties:\n  northam: [northam]\n  southby: [southby]\nname:');
  return { engine: Engine.fromDir(pack.dir), remove: () => pack.remove() };
}

describe('the facts a claim is weighed against', () => {
  let engine: Engine;
  let remove = () => {};

  beforeAll(() => {
    // Many sentences tell the ferry agreement in the claim's words; the one with the shares in few of them.
    ({ engine, remove } = engineWith(
      [
        'Under the ferry agreement, Northam and Southby hold regular talks on the ferry.',
        'The ferry agreement between Northam and Southby holds under strain.',
        'Northam says the ferry agreement with Southby still holds.',
        'Southby says the ferry agreement with Northam holds for now.',
        'The ferry agreement of Northam and Southby holds despite the storms.',
        'Under the ferry agreement, the ferry runs daily between Northam and Southby.',
        'Under the ferry agreement, Northam and Southby share the ferry crews.',
        'Under the ferry agreement, Northam and Southby hold joint ferry inspections.',
        'Under the ferry agreement, Northam and Southby hold ferry fares low.',
        'The deal gives 26% to Northam and 74% to Southby.',
      ].join('\n'),
    ));
  });
  afterAll(() => remove());

  it("finds the fact that gives a claim's shares, though it says the rest in few of the claim's words", () => {
    const verdict = engine.check('Under the ferry agreement Northam holds 74% and Southby 26%.');
    expect(verdict.verdict).toBe('contradicted');
    expect(verdict.citations[0]?.quote).toMatch(/26% to Northam/);
  });
});

describe('a passage under a heading', () => {
  let engine: Engine;
  let remove = () => {};

  beforeAll(() => {
    ({ engine, remove } = engineWith(
      'The Zarnak Link\nThe tunnel under the bay opened to traffic in 2004 after six years of work.\n',
    ));
  });
  afterAll(() => remove());

  it('names what its heading names, for a claim that names it', () => {
    expect(engine.check('The Zarnak tunnel under the bay opened to traffic in 2004.').verdict).toBe('supported');
    expect(engine.check('The Zarnak tunnel under the bay opened to traffic in 2009.').verdict).toBe('contradicted');
    expect(engine.check('The Borvik tunnel under the bay opened to traffic in 2004.').verdict).toBe('unverified');
  });
});

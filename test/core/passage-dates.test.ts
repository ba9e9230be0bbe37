import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';

describe('a passage that holds a curated quote', () => {
  let pack: PackCopy;
  let engine: Engine;

  beforeAll(() => {
    pack = copyPack();
    // The sentence gives no year; the curator dated the fact that quotes part of it.
    pack.write(
      'sources/doc1.txt',
      'The bridge over the river was opened in 1999 at a cost of $5 million.\nCritics called it a “vanity project” — too costly.\nLast week the mayor formally dedicated the new bridge to the people of the town.\n',
    );
    pack.write(
      'facts/dedication.yaml',
      `facts:
  - id: bridge-dedicated
    statement: According to Ann Author, the mayor formally dedicated the new bridge.
    quote: the mayor formally dedicated the new bridge
    source: { document: doc1 }
    date: 2001
    kind: report
    topic: bridge
`,
    );
    engine = Engine.fromDir(pack.dir);
  });
  afterAll(() => pack.remove());

  it("carries the curator's date when the passage is weighed for a claim", () => {
    expect(engine.check('In 2001 the mayor dedicated the new bridge to the people of the town.').verdict).toBe(
      'supported',
    );
    expect(engine.check('In 1995 the mayor dedicated the new bridge to the people of the town.').verdict).not.toBe(
      'supported',
    );
  });
});

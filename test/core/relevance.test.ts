import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { copyPack, MIN_PACK } from '../helpers/pack-fixture.js';

const engine = Engine.fromDir(MIN_PACK);

describe('what a question is about', () => {
  it('answers a question on what the sources tell', () => {
    expect(engine.ask('how much did the bridge cost').status).toBe('answered');
  });

  it('declines a question on a thing no source mentions in any words, beside words they do use', () => {
    // Most of its words are the bridge's; the toaster is in no source.
    expect(engine.ask('how much did the river bridge toaster cost when it opened').status).toBe('no_answer');
    expect(engine.ask('how much did the river bridge cost when it opened').status).toBe('answered');
    expect(engine.ask('what is the weather like on the bridge').status).toBe('no_answer');
  });
});

describe('a passage under a section heading', () => {
  let headed: Engine;
  let remove = () => {};

  beforeAll(() => {
    const pack = copyPack();
    pack.write(
      'sources/doc1.txt',
      [
        'The bridge over the river was opened in 1999 at a cost of $5 million.',
        'Critics called it a “vanity project” — too costly.',
        'Ferry tolls',
        'The town council keeps 30% of the takings and the operator 70%.',
        'A new quay was built beside the market hall in the spring.',
      ].join('\n'),
    );
    headed = Engine.fromDir(pack.dir);
    remove = () => pack.remove();
  });
  afterAll(() => remove());

  it("answers with the words its heading gives: the section's sentences are about them", () => {
    // "ferry" and "tolls" are only the heading's; the sentence gives the shares.
    const answer = headed.ask('what share of the ferry tolls does the council keep');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]?.quote).toMatch(/30% of the takings/);
    // The heading is not the bishop's: what the section's sentences leave out is still missing.
    expect(headed.ask('what share of the ferry tolls does the bishop keep').status).toBe('no_answer');
  });
});

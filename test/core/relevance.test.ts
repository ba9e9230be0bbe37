import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { MIN_PACK } from '../helpers/pack-fixture.js';

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

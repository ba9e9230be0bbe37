/**
 * The examples the quality issue gives, on the real pack: rewording, letter swaps, a
 * question's focus, verdicts that read who did what to whom, details the sources never
 * give, and chat words. (Two of its rewordings, "unwilling to work with" and "ties … sour",
 * still get no right answer; see the closing note of that issue.)
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';

const engine = Engine.fromDir('knowledge');
const first = (q: string) => {
  const a = engine.ask(q);
  return { status: a.status, quote: a.citations[0]?.quote ?? '', statement: a.sentences[0]?.text ?? '' };
};

describe("the quality issue's examples", () => {
  it('finds the motto in other words', () => {
    expect(first('what motto sums up the friendship').quote).toMatch(/Yaar Yaar/);
  });

  it('forgives swapped letters', () => {
    expect(first('when did russia lift the arms embrago').quote).toMatch(/2014/);
    expect(first('who bulit the steel mills').statement).toMatch(/Soviets constructed/);
  });

  it('says who someone is before what they proposed', () => {
    expect(first('who is korybko').quote).toMatch(/Korybko is an American Moscow-based political analyst/);
  });

  it('says plainly when the sources mention a thing but not the detail asked', () => {
    const a = engine.ask('how many soldiers took part in the first druzhba drills');
    expect(a.status).toBe('no_answer');
    expect(a.text).toMatch(/none of them says how many/);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('reads who backed whom in a war', () => {
    expect(engine.check('Russia supported Pakistan in the 1971 war against India').verdict).toBe('contradicted');
    expect(engine.check('The Soviet Union backed India in the 1971 war').verdict).toBe('supported');
  });

  it.each(['help', 'hi', 'thanks', 'ok but who is right'])('answers "%s" with a pointer, never with facts', (text) => {
    const a = engine.ask(text);
    expect(a.status).toBe('chat');
    expect(a.citations).toEqual([]);
    expect(a.text).toMatch(/\/ask/);
  });

  it('says it has no sourced answer to a request for instructions, though the pack has facts on its words', () => {
    const a = engine.ask('how do i build a gas pipeline');
    expect(a.status).toBe('no_answer');
    expect(a.citations).toEqual([]);
    expect(engine.ask('how did russia help build the gas pipeline').status).not.toBe('no_answer');
  });
});

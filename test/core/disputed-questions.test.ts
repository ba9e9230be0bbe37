/**
 * A question on a disputed point shows the disagreement, every side cited, even when the fact
 * that answers first takes no side; a question beside the point does not bring it.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';

const engine = Engine.fromDir('knowledge');

describe('a question on a disputed point', () => {
  it('shows the disagreement whose words are most of the question, with every position cited', () => {
    const answer = engine.ask('is the old russia-india brotherhood over');
    const topic = [...engine.pack.topics.values()].find((t) => /India/.test(t.disagreement?.summary ?? ''))!;
    const shown = answer.disagreements.find((d) => d.topic === topic.id);
    expect(shown).toBeDefined();
    expect(shown!.positions).toHaveLength(topic.disagreement!.positions.length);
    for (const p of shown!.positions) expect(p.citations.length).toBeGreaterThan(0);
  });

  it('does not bring it to a question on something else that its facts also match', () => {
    const answer = engine.ask('when did russia lift its arms embargo on pakistan');
    expect(answer.disagreements.map((d) => d.summary).join(' ')).not.toMatch(/ties with India/);
  });
});

import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { evalSet, evaluate, FLOORS } from './evaluate.js';

describe('evaluation floors', () => {
  const report = evaluate(Engine.fromDir('knowledge'));

  it('has a labelled set of the required size', () => {
    const set = evalSet();
    expect(set.questions.length).toBeGreaterThanOrEqual(80);
    expect(set.claims.length).toBeGreaterThanOrEqual(30);
    expect(set.offtopic.length).toBeGreaterThanOrEqual(15);
  });

  it('finds a correct citation in the top 3 for at least 95% of questions', () => {
    expect(report.successAt3, report.misses.filter((m) => m.startsWith('question')).join('\n')).toBeGreaterThanOrEqual(FLOORS.successAt3);
  });

  it('shows every side of every disputed point', () => {
    expect(report.disagreementRecall, report.misses.filter((m) => m.startsWith('disagreement')).join('\n')).toBe(FLOORS.disagreementRecall);
  });

  it('gives the right verdict for at least 90% of claims', () => {
    expect(report.verdictAccuracy, report.misses.filter((m) => m.startsWith('verdict')).join('\n')).toBeGreaterThanOrEqual(FLOORS.verdictAccuracy);
  });

  it('refuses every off-topic question', () => {
    expect(report.noAnswerAccuracy, report.misses.filter((m) => m.startsWith('off-topic')).join('\n')).toBe(FLOORS.noAnswerAccuracy);
  });
});

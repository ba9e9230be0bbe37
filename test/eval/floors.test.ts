/** `npm test` holds the built-in pack to its floors on the locked test set. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { BUILT_IN, evaluate, FLOORS, loadEvalSet } from './evaluate.js';

describe('evaluation floors on the locked test set', () => {
  const report = evaluate(Engine.fromDir('knowledge'), loadEvalSet(BUILT_IN.test));
  // The locked set's items are not printed: a failure says which figure fell, not which item.
  const atLeast: (keyof typeof FLOORS)[] = [
    'successAt1',
    'successAt3',
    'firstSentenceAnswers',
    'disagreementRecall',
    'verdictAccuracy',
    'noAnswerAccuracy',
    'offtopicAccuracy',
  ];

  it.each(atLeast)('%s stays at or above its floor', (key) => {
    expect(report[key]).toBeGreaterThanOrEqual(FLOORS[key]);
  });

  it('says "supported" falsely no more often than its floor allows', () => {
    expect(report.falseSupported).toBeLessThanOrEqual(FLOORS.falseSupported);
  });
});

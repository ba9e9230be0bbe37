import { Engine } from './src/core/engine.js';
import { evaluate, loadEvalSet } from './test/eval/evaluate.js';
const e = Engine.fromDir('knowledge');
for (const f of ['legacy', 'fresh', 'fresh2', 'fresh3']) {
  const r = evaluate(e, loadEvalSet(`test/eval/dev/${f}.yaml`));
  console.log(f.padEnd(7), 's@1', r.successAt1.toFixed(3), 's@3', r.successAt3.toFixed(3), 'refused', String(r.refused).padStart(3), 'recall', r.disagreementRecall.toFixed(2), 'verdict', r.verdictAccuracy.toFixed(3), 'FS', r.falseSupported, 'noans', r.noAnswerAccuracy.toFixed(3), 'off', r.offtopicAccuracy.toFixed(3), 'first', r.firstSentenceAnswers.toFixed(2));
}

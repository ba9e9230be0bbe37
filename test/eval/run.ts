/** `npm run eval`: prints the evaluation figures and every miss. */
import { Engine } from '../../src/core/engine.js';
import { evaluate, FLOORS } from './evaluate.js';

const r = evaluate(Engine.fromDir('knowledge'));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rows: [string, string, string][] = [
  ['success@1', pct(r.successAt1), ''],
  ['success@3', pct(r.successAt3), `floor ${pct(FLOORS.successAt3)}`],
  ['MRR', r.mrr.toFixed(3), ''],
  ['disagreement recall', pct(r.disagreementRecall), `floor ${pct(FLOORS.disagreementRecall)} (${r.disputedQuestions} disputed questions)`],
  ['verdict accuracy', pct(r.verdictAccuracy), `floor ${pct(FLOORS.verdictAccuracy)} (${r.claims} claims)`],
  ['no-answer accuracy', pct(r.noAnswerAccuracy), `floor ${pct(FLOORS.noAnswerAccuracy)} (${r.offtopic} off-topic)`],
];
console.log(`evaluation over ${r.questions} questions, ${r.claims} claims, ${r.offtopic} off-topic questions`);
for (const [name, value, note] of rows) console.log(`  ${name.padEnd(20)} ${value.padStart(7)}  ${note}`);
console.log(r.misses.length ? `\nmisses (${r.misses.length}):\n${r.misses.map((m) => `  - ${m}`).join('\n')}` : '\nno misses');

/**
 * `npm run eval`: scores the engine and prints the figures.
 *
 *   npm run eval                                   # the built-in pack on both built-in sets
 *   npm run eval -- --pack DIR --questions FILE    # any pack on any set (a file or a folder)
 *
 * Misses are listed for every set except the locked `test` set, whose misses are only
 * counted by kind: reading its items would be tuning to it.
 */
import { parseArgs } from 'node:util';
import { Engine } from '../../src/core/engine.js';
import { BUILT_IN, evaluate, FLOORS, loadEvalSet, type Report } from './evaluate.js';

const USAGE = `usage: npm run eval [-- --pack DIR] [--questions FILE|DIR] [--json]
  --pack DIR         the knowledge pack (default: knowledge)
  --questions PATH   an evaluation set, one YAML file or a folder of them
                     (default: the built-in dev and locked test sets)
  --json             one JSON object per set instead of the table`;

const { values } = parseArgs({
  options: {
    pack: { type: 'string', default: 'knowledge' },
    questions: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const engine = Engine.fromDir(values.pack);
const sets: [string, string][] = values.questions ? [[values.questions, values.questions]] : Object.entries(BUILT_IN);
for (const [name, path] of sets) {
  const report = evaluate(engine, loadEvalSet(path));
  const locked = path === BUILT_IN.test;
  if (values.json) console.log(JSON.stringify({ set: name, ...report, misses: locked ? undefined : report.misses }));
  else print(name, report, locked);
}

function print(name: string, r: Report, locked: boolean): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const floor = (key: keyof typeof FLOORS, shown = pct(FLOORS[key])) => (locked ? `floor ${shown}` : '');
  const rows: [string, string, string][] = [
    ['success@1', pct(r.successAt1), floor('successAt1')],
    ['success@3', pct(r.successAt3), floor('successAt3')],
    ['MRR', r.mrr.toFixed(3), ''],
    ['first sentence answers', pct(r.firstSentenceAnswers), floor('firstSentenceAnswers')],
    ['off-answer sentences', pct(r.offAnswerSentences), 'share of all answer sentences'],
    ['disagreements on point', pct(r.disagreementsOnPoint), `${r.disagreementBlocks} blocks shown`],
    ['rendered length', `${r.medianLength}`, `median characters; largest ${r.maxLength}`],
    [
      'disagreement recall',
      pct(r.disagreementRecall),
      `${floor('disagreementRecall')} (${r.disputedQuestions} disputed questions)`.trim(),
    ],
    ['verdict accuracy', pct(r.verdictAccuracy), `${floor('verdictAccuracy')} (${r.claims} claims)`.trim()],
    ['false "supported"', `${r.falseSupported}`, floor('falseSupported', String(FLOORS.falseSupported))],
    ['no-answer accuracy', pct(r.noAnswerAccuracy), `${floor('noAnswerAccuracy')} (${r.noAnswer} questions)`.trim()],
    ['off-topic refused', pct(r.offtopicAccuracy), `${floor('offtopicAccuracy')} (${r.offtopic} off-topic)`.trim()],
  ];
  console.log(
    `\n${name}: ${r.questions} questions, ${r.claims} claims, ${r.noAnswer} no-answer questions${locked ? ' (locked)' : ''}`,
  );
  for (const [label, value, note] of rows) console.log(`  ${label.padEnd(24)} ${value.padStart(7)}  ${note}`);
  const byKey = (counts: Record<string, { right: number; all: number }>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, { right, all }]) => `${t} ${right}/${all}`)
      .join(', ');
  console.log(`  first citation right, by question type: ${byKey(r.types)}; ${r.refused} answerable questions refused`);
  console.log(`  verdicts by trap: ${byKey(r.traps)}`);
  if (locked) {
    const kinds = new Map<string, number>();
    for (const m of r.misses) kinds.set(m.split(':')[0]!, (kinds.get(m.split(':')[0]!) ?? 0) + 1);
    console.log(
      `  misses by kind (items not listed: the set is locked): ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    );
  } else if (r.misses.length) {
    console.log(`\n  misses (${r.misses.length}):\n${r.misses.map((m) => `  - ${m}`).join('\n')}`);
  }
}

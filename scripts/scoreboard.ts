/**
 * `npm run scoreboard`: one line of figures per evaluation set, for every pack under test,
 * and for the built-in pack read from its passages alone (facts/ and topics.yaml set aside).
 * A quick way to see that a change helps everywhere and raises no false "supported".
 *
 *   npm run scoreboard              # every set
 *   npm run scoreboard -- --misses  # also list the misses of every set but the locked ones
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../src/core/engine.js';
import { BUILT_IN, evaluate, loadEvalSet, type Report } from '../test/eval/evaluate.js';

const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false } } });
const PACKS = join(import.meta.dirname, '..', 'test', 'packs');
// Sets whose items nobody reads: their misses are never listed.
const LOCKED = new Set(['test', 'p:test', 'chernobyl-death-toll', 'deepwater-horizon-spill']);

const devSets = readdirSync(BUILT_IN.dev).map((f) => [f.replace(/\.yaml$/, ''), join(BUILT_IN.dev, f)] as const);
const builtIn: (readonly [string, string])[] = [...devSets, ['test', BUILT_IN.test]];

const passagesOnly = mkdtempSync(join(tmpdir(), 'crosscheck-passages-'));
cpSync('knowledge', passagesOnly, { recursive: true });
rmSync(join(passagesOnly, 'facts'), { recursive: true, force: true });
rmSync(join(passagesOnly, 'topics.yaml'), { force: true });

const runs: [string, Engine, string][] = [];
const full = Engine.fromDir('knowledge');
for (const [name, path] of builtIn) runs.push([name, full, path]);
const bare = Engine.fromDir(passagesOnly);
for (const [name, path] of builtIn) runs.push([`p:${name}`, bare, path]);
for (const pack of readdirSync(PACKS)) {
  runs.push([pack, Engine.fromDir(join(PACKS, pack)), join(PACKS, pack, 'eval.yaml')]);
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
console.log(`${'set'.padEnd(24)}   s@1   s@3 first   off   dOn   rec  verd  FS   noa  offt  ref  med`);
let falseSupported = 0;
for (const [name, engine, path] of runs) {
  const r: Report = evaluate(engine, loadEvalSet(path));
  falseSupported += r.falseSupported;
  console.log(
    `${name.padEnd(24)} ${pct(r.successAt1)} ${pct(r.successAt3)} ${pct(r.firstSentenceAnswers)} ${pct(r.offAnswerSentences)} ${pct(r.disagreementsOnPoint)} ${pct(r.disagreementRecall)} ${pct(r.verdictAccuracy)} ${String(r.falseSupported).padStart(3)} ${pct(r.noAnswerAccuracy)} ${pct(r.offtopicAccuracy)} ${String(r.refused).padStart(4)} ${String(r.medianLength).padStart(4)}`,
  );
  if (values.misses && !LOCKED.has(name)) for (const m of r.misses) console.log(`    - ${m}`);
}
console.log(`false "supported" in all: ${falseSupported}`);
rmSync(passagesOnly, { recursive: true, force: true });

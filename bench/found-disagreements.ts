/**
 * `npm run bench:disagreements [-- --pack DIR]`: how long finding disagreements takes for a
 * pack (the real one by default), with facts and passages as the engine cites them.
 *
 * - in a fresh process with the cache of found disagreements: what a start-up pays when
 *   the pack has not changed;
 * - in a fresh process without it (the lexicon's own cache kept): what the first start after
 *   a change pays;
 * - in one warm process, again and again: the finding itself.
 *
 * Each fresh-process figure is the median of 5 runs and counts only the call, not loading the
 * pack or Node. Figures are reported, not gated.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cachedDisagreements, foundCachePath } from '../src/core/found-disagreements-cache.js';
import { findDisagreements } from '../src/core/found-disagreements.js';
import { passageFact } from '../src/core/passage-facts.js';
import { loadPack } from '../src/knowledge/load.js';

const RUNS = 5;
const { values } = parseArgs({ options: { pack: { type: 'string' }, child: { type: 'boolean' } } });
const dir = resolve(values.pack ?? 'knowledge');
const pack = loadPack(dir);
const units = [...pack.facts, ...pack.passages.map((p) => passageFact(p, pack.documents.get(p.document)!))];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (values.child) {
  // One timed call in a fresh process, for the parent.
  const t = performance.now();
  const found = cachedDisagreements(units, pack);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t, found: found.length }));
} else {
  const fresh = (dropCache: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cache = foundCachePath(dir);
      if (dropCache && cache) rmSync(cache, { force: true });
      const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', '--pack', dir], {
        encoding: 'utf8',
      });
      times.push((JSON.parse(child.stdout) as { ms: number }).ms);
    }
    return median(times);
  };
  const uncached = fresh(true);
  const cached = fresh(false);
  const warm: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    found = findDisagreements(units, pack).length;
    if (i > 0) warm.push(performance.now() - t);
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(
    `found disagreements in ${dir}: ${found} among ${units.length} units (${pack.facts.length} facts, ${pack.passages.length} passages)`,
  );
  console.log(`  fresh process, cached:      ${ms(cached)}`);
  console.log(`  fresh process, not cached:  ${ms(uncached)}`);
  console.log(`  warm process, not cached:   ${ms(median(warm))} (median of ${RUNS})`);
}

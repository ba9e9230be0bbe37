/**
 * `npm run bench`: answer latency, index build, heap and start-up, on the real pack and on
 * synthetic packs of 1,000, 10,000 and 100,000 facts, against raw MiniSearch in the same run.
 *
 *   npm run bench                 # real pack, 1k, 10k, 100k; start-up; render; a table
 *   npm run bench -- --quick      # real pack and 10k only
 *   npm run bench -- --sizes=10000,100000   # real pack and these sizes only
 *   npm run bench -- --json       # … and one JSON object as the last line of stdout
 *
 * Other flags: --seed=N (synthetic packs and queries), --no-startup, --write (also write the
 * synthetic packs up to 10k as YAML under bench/packs/, which git ignores).
 * Figures are reported, not gated: `npm test` never fails on them. See bench/README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { readArgs } from '../src/entry-point.js';
import { Analyzer } from '../src/core/analyzer.js';
import { Engine } from '../src/core/engine.js';
import { indexedFact, miniSearchOptions, searchText } from '../src/core/fact-index.js';
import { passageFact } from '../src/core/passage-facts.js';
import { loadPack, type Pack } from '../src/knowledge/load.js';
import { benchQueries, type QuerySet } from './queries.js';
import { packStats, rng, syntheticPack, writePack } from './synthetic.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = `usage: npm run bench [-- options]
  --quick       the real pack and 10k only
  --sizes=N,…   the real pack and these synthetic sizes only (e.g. --sizes=10000,100000)
  --json        also one JSON object as the last line of stdout
  --seed=N      seed of the synthetic packs and queries (default 42)
  --no-startup  skip the start-up measurement
  --write       also write the synthetic packs up to 10k as YAML under bench/packs/
  --million     also the pack of 1,000,000 passages, in a process of its own (minutes; see bench/million.ts)
  --help        this text`;

const args = readArgs('bench', USAGE, {
  quick: { type: 'boolean', default: false },
  sizes: { type: 'string', default: '' },
  json: { type: 'boolean', default: false },
  seed: { type: 'string', default: '42' },
  'no-startup': { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  million: { type: 'boolean', default: false },
}).values;
const QUICK = args.quick;
const JSON_OUT = args.json;
const SEED = Number(args.seed);
if (!Number.isInteger(SEED)) {
  process.stderr.write(`bench: --seed takes a whole number\n${USAGE}\n`);
  process.exit(2);
}
const SIZES = args.sizes ? args.sizes.split(',').map(Number) : QUICK ? [10_000] : [1_000, 10_000, 100_000];
if (!SIZES.every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write(`bench: --sizes takes whole numbers, comma-separated\n${USAGE}\n`);
  process.exit(2);
}

let loadAtStart = '';
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const median = (xs: number[]) => percentile(xs, 50);

export interface SizeResult {
  facts: number;
  passages: number;
  build_ms: number;
  load_ms: number | null;
  heap_mb: number;
  ask_p50_ms: number;
  ask_p99_ms: number;
  check_p99_ms: number;
  search_p99_ms: number;
}

interface SizeRow extends SizeResult {
  label: string;
  topics: number;
  disputed: number;
  heap_delta_mb: number;
  raw_build_ms: number;
  /** How many asks, checks and raw searches were timed (raw searches are time-boxed). */
  samples: number;
  checkSamples: number;
  searchSamples: number;
}

/**
 * How many rounds each size runs and how long it may take. The engine's asks and checks
 * always go once through every query; raw MiniSearch is time-boxed (the box shrinks if the
 * run is late) so the whole run stays under three minutes on two cores, and the table says
 * how many raw searches were timed.
 */
function plan(facts: number): { rounds: number; warmup: number; budgetMs: number } {
  if (facts >= 50_000) return { rounds: 3, warmup: 40, budgetMs: 15_000 };
  if (facts >= 5_000) return { rounds: 5, warmup: 40, budgetMs: 8_000 };
  return { rounds: 10, warmup: Infinity, budgetMs: 6_000 };
}

/** A fixed shuffle (seeded), so a time-boxed prefix mixes every kind of query. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The whole run aims to end by then: big packs shrink their time boxes to fit (see plan). */
const RUN_BUDGET_MS = 165_000;
const runStarted = performance.now();

/**
 * Times `run` on each item, round after round, until the rounds are done or the time box is
 * used up, but never fewer than `atLeast` items (the engine: one full pass; raw MiniSearch,
 * which takes over a second a search on big packs: one).
 */
function timeEach<T>(
  items: readonly T[],
  rounds: number,
  budgetMs: number,
  run: (item: T) => unknown,
  atLeast = items.length,
): number[] {
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let k = 0; k < rounds; k++) {
    for (const item of items) {
      if (times.length >= atLeast && performance.now() > deadline) return times;
      const t = performance.now();
      run(item);
      times.push(performance.now() - t);
    }
  }
  return times;
}

/**
 * Builds the engine over a pack and times it, then raw MiniSearch on the same queries. The
 * two are timed apart, each after a full collection and its own warm-up: MiniSearch makes a
 * result object for nearly every fact per search, and its garbage would otherwise be
 * collected in the engine's time.
 */
function measure(label: string, pack: Pack, queries: QuerySet): SizeRow {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  // Found disagreements are timed on their own (npm run bench:disagreements): finding them in
  // a synthetic pack of 10,000 facts and its passages takes minutes (see README).
  const engine = new Engine(pack, { findDisagreements: label === 'real' });
  const build_ms = performance.now() - t;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;

  const questions = shuffled(queries.questions, SEED);
  const claims = shuffled(queries.claims, SEED + 1);
  const { rounds, warmup, budgetMs: planned } = plan(pack.facts.length);
  // Whatever is left of the run's budget, but never under 3 s.
  const budgetMs = () =>
    Math.max(3_000, Math.min(planned, ((RUN_BUDGET_MS - (performance.now() - runStarted)) * 2) / 3));

  // A full collection, then the warm-up (twice through everything on small packs), so the
  // JIT has settled: a forced collection right before timing makes V8 throw away compiled
  // code, and the first queries after it would be timed recompiling.
  gc();
  for (let w = 0; w < (warmup === Infinity ? 2 : 1); w++) {
    for (const q of questions.slice(0, warmup)) engine.ask(q);
    for (const c of claims.slice(0, warmup)) engine.check(c);
  }
  const ask = timeEach(questions, rounds, budgetMs() / 2, (q) => engine.ask(q));
  const check = timeEach(claims, rounds, budgetMs() / 2, (c) => engine.check(c));

  // The raw floor: the same documents, options and analysed terms, MiniSearch alone.
  const topicNames = new Map([...pack.topics.values()].map((x) => [x.id, x.name]));
  const analyzer = new Analyzer(pack.aliases);
  t = performance.now();
  const raw = new MiniSearch(miniSearchOptions(analyzer));
  const passageFacts = pack.passages.map((p) => passageFact(p, pack.documents.get(p.document)!));
  raw.addAll([...pack.facts, ...passageFacts].map((f) => indexedFact(f, topicNames)));
  const raw_build_ms = performance.now() - t;
  const texts = questions.map((q) => searchText(analyzer.concepts(q.slice(0, 2000))));
  gc();
  for (const text of texts.slice(0, Math.min(warmup, 20))) raw.search(text);
  const search = timeEach(texts, rounds, budgetMs(), (text) => raw.search(text), 1);
  const stats = packStats(pack);
  return {
    label,
    facts: pack.facts.length,
    passages: pack.passages.length,
    topics: stats.topics,
    disputed: stats.disputed,
    build_ms: round(build_ms, 1),
    load_ms: null,
    heap_mb: round(heapAfter / 2 ** 20, 1),
    heap_delta_mb: round((heapAfter - heapBefore) / 2 ** 20, 1),
    ask_p50_ms: round(percentile(ask, 50)),
    ask_p99_ms: round(percentile(ask, 99)),
    check_p99_ms: round(percentile(check, 99)),
    search_p99_ms: round(percentile(search, 99)),
    raw_build_ms: round(raw_build_ms, 1),
    samples: ask.length,
    checkSamples: check.length,
    searchSamples: search.length,
  };
}

// ---------------------------------------------------------------------------------------
// Start-up: the compiled process with the real pack, to its "ready in" line.

interface Startup {
  startup_ms: number | null;
  ready_wall_ms: number | null;
  node_ms: number | null;
  logged_ms: number | null;
  note: string;
}

/** Builds dist/ if the sources changed since the last build (scripts/build.mjs, as npm start does). */
function ensureBuild(): string {
  const main = join(ROOT, 'dist', 'adapters', 'main.js');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status === 0) return '';
  const first = `${build.stdout}${build.stderr}`.split('\n').find(Boolean) ?? '';
  return existsSync(main)
    ? `build failed (${first.slice(0, 120)}); timed the existing dist/`
    : `build failed: ${first.slice(0, 160)}`;
}

function timeProcess(
  argv: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp | null,
): Promise<{ ms: number; logged: number | null } | null> {
  return new Promise((done) => {
    const t = performance.now();
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let settled = false;
    const finish = (value: { ms: number; logged: number | null } | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(value);
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(null);
    }, 20_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      err += chunk;
      const m = ready?.exec(err);
      if (m) finish({ ms: performance.now() - t, logged: Number(m[1]) });
    });
    child.on('exit', () => finish(ready ? null : { ms: performance.now() - t, logged: null }));
  });
}

async function measureStartup(): Promise<Startup> {
  const note = ensureBuild();
  const main = join(ROOT, 'dist', 'adapters', 'main.js');
  if (!existsSync(main))
    return {
      startup_ms: null,
      ready_wall_ms: null,
      node_ms: null,
      logged_ms: null,
      note: note || 'no dist/adapters/main.js',
    };
  // Console mode: no tokens (blank values also stop .env from supplying any), empty stdin.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'info',
    KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
    HTTP_PORT: '',
    NO_COLOR: '1',
  };
  for (const key of Object.keys(env)) if (key.startsWith('DISCORD_') || key.startsWith('SLACK_')) delete env[key];
  for (const key of [
    'DISCORD_TOKEN',
    'DISCORD_APPLICATION_ID',
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
  ])
    env[key] = '';
  const runs = 7;
  const nodeMs: number[] = [];
  const readyMs: number[] = [];
  const logged: number[] = [];
  for (let i = 0; i < runs; i++) {
    const n = await timeProcess(['-e', ''], env, null);
    if (n) nodeMs.push(n.ms);
    const r = await timeProcess([main], env, /ready in (\d+) ms/);
    if (r) {
      readyMs.push(r.ms);
      if (r.logged !== null) logged.push(r.logged);
    }
  }
  if (readyMs.length === 0 || nodeMs.length === 0)
    return {
      startup_ms: null,
      ready_wall_ms: null,
      node_ms: null,
      logged_ms: null,
      note: `${note} the process never logged "ready in"`.trim(),
    };
  const wall = median(readyMs);
  const node = median(nodeMs);
  return {
    startup_ms: Math.round(wall - node),
    ready_wall_ms: Math.round(wall),
    node_ms: Math.round(node),
    logged_ms: logged.length ? median(logged) : null,
    note,
  };
}

// ---------------------------------------------------------------------------------------
// The million-passage pack: bench/million.ts in a process of its own, its JSON line read back.

interface Million {
  passages: number;
  build_ms: number;
  heap_mb: number;
  ask_p50_ms: number;
  ask_p99_ms: number;
  check_p99_ms: number;
}

function measureMillion(): { result: Million | null; lines: string[] } {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'bench', 'million.ts'), '--json', `--seed=${SEED}`],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  const lines = (run.stdout ?? '').trim().split('\n');
  const last = lines.at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{'))
    return { result: null, lines: [...lines, `exit status ${run.status ?? run.signal}`] };
  return { result: JSON.parse(last) as Million, lines: lines.slice(0, -1) };
}

// ---------------------------------------------------------------------------------------
// Render: the Discord and Slack payloads for the real pack's answers and verdicts.

interface RenderTime {
  name: string;
  p50_ms: number | null;
  p99_ms: number | null;
  note: string;
}

async function measureRender(engine: Engine, queries: QuerySet): Promise<RenderTime[]> {
  const replies = [
    ...queries.questions.map((q) => ({ kind: 'answer' as const, answer: engine.ask(q) })),
    ...queries.claims.map((c) => ({ kind: 'verdict' as const, verdict: engine.check(c) })),
  ];
  const out: RenderTime[] = [];
  for (const [name, file, fn] of [
    ['discord', 'adapters/discord/render.ts', 'renderDiscord'],
    ['slack', 'adapters/slack/render.ts', 'renderSlack'],
  ] as const) {
    const path = join(ROOT, file);
    if (!existsSync(path)) {
      out.push({ name, p50_ms: null, p99_ms: null, note: `${file} is not there yet` });
      continue;
    }
    try {
      const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      const render = mod[fn];
      if (typeof render !== 'function') throw new Error(`${file} exports no ${fn}`);
      for (const reply of replies) render(reply); // warm-up
      const samples: number[] = [];
      for (let k = 0; k < 5; k++) {
        for (const reply of replies) {
          const t = performance.now();
          render(reply);
          samples.push(performance.now() - t);
        }
      }
      out.push({
        name,
        p50_ms: round(percentile(samples, 50)),
        p99_ms: round(percentile(samples, 99)),
        note: `${samples.length} renders`,
      });
    } catch (e) {
      out.push({
        name,
        p50_ms: null,
        p99_ms: null,
        note: `could not render: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------

function table(rows: SizeRow[]): string {
  const head = [
    'pack',
    'facts',
    'passages',
    'topics (disputed)',
    'build ms',
    'load ms',
    'heap MB (engine)',
    'ask p50',
    'ask p99',
    'check p99',
    'search p99',
    'ask/search',
    'raw build ms',
    'timed asks / checks / searches',
  ];
  const body = rows.map((r) => [
    r.label,
    r.facts.toLocaleString('en-US'),
    r.passages.toLocaleString('en-US'),
    `${r.topics} (${r.disputed})`,
    r.build_ms.toFixed(0),
    r.load_ms === null ? '—' : r.load_ms.toFixed(0),
    `${r.heap_mb.toFixed(1)} (${r.heap_delta_mb.toFixed(1)})`,
    r.ask_p50_ms.toFixed(3),
    r.ask_p99_ms.toFixed(3),
    r.check_p99_ms.toFixed(3),
    r.search_p99_ms.toFixed(3),
    (r.ask_p99_ms / r.search_p99_ms).toFixed(2),
    r.raw_build_ms.toFixed(0),
    `${r.samples} / ${r.checkSamples} / ${r.searchSamples}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

function targets(rows: SizeRow[], startup: Startup): string[] {
  const mark = (ok: boolean | null) => (ok === null ? '?' : ok ? 'met' : 'MISSED');
  const at = (n: number) => rows.find((r) => r.facts === n);
  const big = at(100_000);
  const mid = at(10_000);
  const out: string[] = [];
  if (big) {
    out.push(`100,000 facts: ask p99 ${big.ask_p99_ms} ms ≤ 10: ${mark(big.ask_p99_ms <= 10)}`);
    out.push(
      `100,000 facts: ask p99 / search p99 ${(big.ask_p99_ms / big.search_p99_ms).toFixed(2)} ≤ 2: ${mark(big.ask_p99_ms / big.search_p99_ms <= 2)}`,
    );
    out.push(`100,000 facts: heap ${big.heap_mb} MB ≤ 300: ${mark(big.heap_mb <= 300)}`);
  }
  if (mid) out.push(`10,000 facts: ask p99 ${mid.ask_p99_ms} ms ≤ 2: ${mark(mid.ask_p99_ms <= 2)}`);
  out.push(
    `start-up ${startup.startup_ms ?? '?'} ms (not counting Node) ≤ 500: ${mark(startup.startup_ms === null ? null : startup.startup_ms <= 500)}`,
  );
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  loadAtStart = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const real = loadPack(join(ROOT, 'knowledge'));
  const queries = benchQueries(real, SEED);
  progress(`${queries.questions.length} questions and ${queries.claims.length} claims; seed ${SEED}`);

  const startup: Startup = args['no-startup']
    ? { startup_ms: null, ready_wall_ms: null, node_ms: null, logged_ms: null, note: 'skipped (--no-startup)' }
    : (progress('start-up of the compiled process'), await measureStartup());

  const rows: SizeRow[] = [];
  progress(`real pack (${real.facts.length} facts)`);
  rows.push(measure('real', real, queries));
  const render = await measureRender(new Engine(real), queries);
  for (const size of SIZES) {
    const t = performance.now();
    let pack: Pack | null = syntheticPack(real, size, SEED);
    progress(`synthetic ${size.toLocaleString('en-US')} facts (generated in ${Math.round(performance.now() - t)} ms)`);
    if (args.write && size <= 10_000) {
      const dir = join(ROOT, 'bench', 'packs', `p${size}`);
      rmSync(dir, { recursive: true, force: true });
      writePack(pack, dir);
    }
    rows.push(measure('synthetic', pack, queries));
    pack = null;
  }

  const million = args.million ? (progress('million-passage pack, in a process of its own'), measureMillion()) : null;

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(
    `crosscheck bench — node ${process.version}, ${cpus().length} × ${cpu}, load average at start ${loadAtStart}, at end ${load}; seed ${SEED}`,
  );
  console.log(
    `${queries.questions.length} questions (ask, raw search) and ${queries.claims.length} claims (check); times in ms; heap after a forced GC, with the engine's own share in brackets\n`,
  );
  console.log(table(rows));
  console.log('');
  console.log(
    startup.startup_ms === null
      ? `start-up: not measured (${startup.note})`
      : `start-up to ready (real pack, console mode): ${startup.startup_ms} ms without Node's own start = ${startup.ready_wall_ms} ms to the ready line − ${startup.node_ms} ms for \`node -e ''\` (median of 7; the process itself logs ${startup.logged_ms} ms)${startup.note ? `; ${startup.note}` : ''}`,
  );
  for (const r of render)
    console.log(
      `render ${r.name}: ${r.p50_ms === null ? 'null' : `p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms`} (${r.note})`,
    );
  console.log('');
  if (million) for (const line of million.lines) console.log(line);
  for (const line of targets(rows, startup)) console.log(`target: ${line}`);
  console.log(`\nwhole run: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (JSON_OUT) {
    const sizes: SizeResult[] = rows.map(
      ({ facts, passages, build_ms, load_ms, heap_mb, ask_p50_ms, ask_p99_ms, check_p99_ms, search_p99_ms }) => ({
        facts,
        passages,
        build_ms,
        load_ms,
        heap_mb,
        ask_p50_ms,
        ask_p99_ms,
        check_p99_ms,
        search_p99_ms,
      }),
    );
    console.log(
      JSON.stringify({
        node: process.version,
        startup_ms: startup.startup_ms,
        sizes,
        million: million?.result ?? null,
      }),
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

/**
 * `npm run load`: the bot under load, loopback only, reported and not gated.
 *
 *   npm run load              # Slack HTTP mode and Discord: 2,000 requests each over ~20 s,
 *                             # 100 at a time; then 20,000 each, as fast as the bot takes them,
 *                             # for heap growth
 *   npm run load -- --quick   # 200 requests each, 2,000 for heap growth
 *   npm run load -- --json    # … and one JSON object as the last line of stdout
 *   npm run load -- --database postgres://…   # also the public bot's shape on that server:
 *                             # two Slack instances installed by OAuth in two workspaces, and
 *                             # two Discord shard processes (a database is made and dropped),
 *                             # with the shared limits in PostgreSQL (a 1 s cooldown, replay
 *                             # protection, Slack's retries of events sent to the other instance)
 *
 * Counts sent, acked (and acked within 3 s), answered (exactly once), duplicated and lost;
 * p50/p99/max ack time; the bot process's heap before and after. The bot runs in its own
 * process (bench/load-bot.ts) against the stand-ins of test/adapters. The latest figures
 * are in bench/README.md, section "Load".
 */
import { cpus, loadavg } from 'node:os';
import { readArgs } from '../src/entry-point.js';
import {
  ACK_DEADLINE_MS,
  discordLoad,
  heapGrowth,
  slackLoad,
  type HeapResult,
  type LoadResult,
} from './load-driver.js';

const USAGE = `usage: npm run load [-- --quick] [--json] [--database URL]
  --quick     200 requests each, 2,000 for heap growth (default 2,000 and 20,000)
  --json      also one JSON object as the last line of stdout
  --database  a PostgreSQL server: also two Slack instances by OAuth and two Discord shard processes on it
  --help      this text`;

const args = readArgs('load', USAGE, {
  quick: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  database: { type: 'string' },
}).values;
const QUICK = args.quick;
const JSON_OUT = args.json;
const REQUESTS = QUICK ? 200 : 2000;
const HEAP_REQUESTS = QUICK ? 2000 : 20_000;
const WAVES = QUICK ? 2 : 20;
const WAVE_MS = 1000;

const progress = (text: string) => process.stderr.write(`load: ${text}\n`);
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');
const mb = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} MB`);

function loadTable(rows: LoadResult[]): string {
  const head =
    '| platform | sent | acked | acked ≤ 3 s | answered once | duplicated | lost | ack p50 | ack p99 | ack max | errors logged | heap before → after |';
  const rule = '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--|';
  const line = (r: LoadResult) =>
    `| ${r.platform} | ${r.sent} | ${r.acked} | ${r.ackedInTime} | ${r.answered} | ${r.duplicated} | ${r.lost} | ${ms(r.ackP50Ms)} | ${ms(r.ackP99Ms)} | ${ms(r.ackMaxMs)} | ${r.errorsLogged} | ${mb(r.heapBeforeMb)} → ${mb(r.heapAfterMb)} |`;
  return [head, rule, ...rows.map(line)].join('\n');
}

function heapTable(rows: HeapResult[]): string {
  const head = '| platform | requests | lost | heap before | heap after | growth | took |';
  const rule = '|---|--:|--:|--:|--:|--:|--:|';
  const line = (r: HeapResult) =>
    `| ${r.platform} | ${r.requests} | ${r.lost} | ${mb(r.heapBeforeMb)} | ${mb(r.heapAfterMb)} | ${r.growthMb >= 0 ? '+' : ''}${r.growthMb.toFixed(2)} MB | ${(r.elapsedMs / 1000).toFixed(0)} s |`;
  return [head, rule, ...rows.map(line)].join('\n');
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the start`;
progress(`${machine}`);

const timed: LoadResult[] = [];
progress(`slack: ${REQUESTS} signed slash commands in ${WAVES} waves, ${WAVE_MS} ms apart`);
timed.push(await slackLoad({ requests: REQUESTS, waves: WAVES, waveMs: WAVE_MS, warmUp: 50 }));
progress(`discord: ${REQUESTS} interactions in ${WAVES} waves, ${WAVE_MS} ms apart`);
timed.push(await discordLoad({ requests: REQUESTS, waves: WAVES, waveMs: WAVE_MS, warmUp: 50 }));
if (args.database) {
  const databaseUrl = args.database;
  progress(`slack, two instances by OAuth on PostgreSQL: ${REQUESTS} signed slash commands from two workspaces`);
  timed.push(await slackLoad({ requests: REQUESTS, waves: WAVES, waveMs: WAVE_MS, warmUp: 50, databaseUrl }));
  progress(`discord, two shard processes on PostgreSQL: ${REQUESTS} interactions in two guilds`);
  timed.push(await discordLoad({ requests: REQUESTS, waves: WAVES, waveMs: WAVE_MS, warmUp: 50, databaseUrl }));
}

const heap: HeapResult[] = [];
for (const platform of ['slack', 'discord'] as const) {
  progress(`${platform}: heap growth over ${HEAP_REQUESTS} requests, 100 at a time`);
  heap.push(await heapGrowth(platform, HEAP_REQUESTS));
}

/** What the database rows left in PostgreSQL's limit_marks, and how Slack's retried events fared. */
function sharedLimits(rows: LoadResult[]): string[] {
  const lines: string[] = [];
  for (const r of rows.filter((x) => x.limitRows)) {
    const kinds = Object.entries(r.limitRows!).map(([kind, n]) => `${kind} ${n}`);
    lines.push(`- ${r.platform}: limit rows in PostgreSQL after the run: ${kinds.join(', ') || 'none'}.`);
    if (r.storeCallsFailed !== undefined)
      lines.push(
        `- ${r.platform}: store calls that failed or ran out of time (a limit then fell back to the instance's memory): ${r.storeCallsFailed}.`,
      );
    if (r.retries)
      lines.push(
        `- ${r.platform}: ${r.retries.events} events each delivered twice (the retry to the other instance): answered once ${r.retries.answeredOnce}, twice ${r.retries.duplicated}, never ${r.retries.lost}.`,
      );
  }
  return lines.length ? ['', 'Shared limits (cooldown 1 s, many distinct users):', '', ...lines] : [];
}

const lost = timed.reduce((n, r) => n + r.lost + (r.retries?.lost ?? 0), 0) + heap.reduce((n, r) => n + r.lost, 0);
const late = timed.reduce((n, r) => n + (r.acked - r.ackedInTime), 0);
const report = [
  `Machine: ${machine}.`,
  '',
  `Timed: ${REQUESTS} requests per platform in ${WAVES} waves ${WAVE_MS} ms apart (${REQUESTS / WAVES} at once), after 50 warm-up requests; the cooldown is off, except on PostgreSQL (1 s, each request from its own user).`,
  '',
  loadTable(timed),
  ...sharedLimits(timed),
  '',
  `Heap growth: a 2,000-request warm-up, then ${HEAP_REQUESTS} requests 100 at a time, heap of the bot process after a full collection.`,
  '',
  heapTable(heap),
  '',
  `Lost: ${lost}. Acked later than ${ACK_DEADLINE_MS / 1000} s: ${late}.`,
].join('\n');
process.stdout.write(`${report}\n`);
if (JSON_OUT) process.stdout.write(`${JSON.stringify({ machine, timed, heap })}\n`);

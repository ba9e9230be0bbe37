/**
 * Load against the real adapters, loopback only: signed slash commands into the Slack app in
 * HTTP mode (real Bolt, answers through the response_url stand-in), and interactions over
 * the gateway into the Discord bot (real discord.js, answers as interaction callbacks to the
 * REST stand-in). The bot runs in a process of its own (bench/load-bot.ts), so the times
 * measured here are not inflated by the bot's work sharing this process's event loop.
 * Used by `npm run load` (bench/load.ts) in full and by test/hardening/load.test.ts in short.
 *
 *   const r = await slackLoad({ requests: 2000, waves: 20, waveMs: 1000 });
 *   r.lost === 0 && r.ackP99Ms < 3000;
 *
 * Requests go out in waves: `requests / waves` at once, one wave every `waveMs`. With 2,000
 * requests in 20 waves a second apart, that is 2,000 over 20 s, 100 at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../src/store/index.js';
import { Installations } from '../src/store/installations.js';
import { SecretBox } from '../src/store/secret-box.js';
import {
  chatInput,
  guildFixture,
  guildIdOnShard,
  MEMBER_PERMISSIONS,
  snowflake,
  stringOption,
  user,
} from '../test/adapters/discord/payloads.js';
import { DiscordStandIn, type RecordedRequest } from '../test/adapters/discord/stand-in.js';
import {
  appMentionBody,
  FORM,
  JSON_TYPE,
  postSigned,
  SIGNING_SECRET,
  slashCommandBody,
} from '../test/adapters/slack/signed.js';
import { BOT_USER_ID, SlackStandIn } from '../test/adapters/slack/stand-ins.js';

/** Discord's and Slack's window for acknowledging an interaction or a command. */
export const ACK_DEADLINE_MS = 3000;

const QUESTIONS = [
  'when did russia lift the arms embargo on pakistan',
  'who built pakistan steel mills',
  'did russia and pakistan discuss selling su-35 jets',
  'what are the druzhba drills',
  'what is the karachi lahore gas pipeline',
  'what is the capital of france',
];
const CLAIMS = [
  'Russia lifted its arms embargo on Pakistan in 2010.',
  'Russia built Pakistan Steel Mills in Karachi.',
  'Pakistan bought Su-35 fighter jets from Russia in 2016.',
  'Russia and Pakistan held the Druzhba joint military drills in 2016.',
];

export interface LoadOptions {
  requests: number;
  /**
   * The public bot's shape, on this PostgreSQL (a database is made for the run and dropped
   * after): Slack as two instances installed by OAuth in two workspaces, requests taking
   * turns between them; Discord as two shard processes under the ShardingManager, each
   * guild's interactions on its own.
   */
  databaseUrl?: string;
  waves: number;
  /** Time between the starts of two waves; 0 sends each wave as soon as the last is acked. */
  waveMs: number;
  /** How long to wait for the last answers after the last request went out. */
  drainMs?: number;
  /** Requests sent first, 10 at a time, and not counted: the bot's code is warm when the count starts. */
  warmUp?: number;
}

export interface LoadResult {
  /** slack or discord, and the shape when it is the public bot's. */
  platform: string;
  sent: number;
  /** Acknowledged at all (Slack: HTTP 200 to the command; Discord: a successful interaction callback). */
  acked: number;
  /** Acknowledged within ACK_DEADLINE_MS. */
  ackedInTime: number;
  /** Got exactly one answer (Slack: one post to its response_url; Discord: one callback carrying the reply). */
  answered: number;
  /** Got more than one answer. */
  duplicated: number;
  /** Never acked or never answered. */
  lost: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  elapsedMs: number;
  /** Error-level lines the bot logged during the run. */
  errorsLogged: number;
  /** Heap in use (after a full collection) with the bot started, and after the run, in MB. */
  heapBeforeMb?: number;
  heapAfterMb?: number;
  /** On PostgreSQL: the shared limits' rows in the database after the run, by kind (limitRows). */
  limitRows?: Record<string, number>;
  /** On PostgreSQL, Slack: events each delivered twice, the retry to the other instance (slackRetries). */
  retries?: RetryResult;
  /**
   * On PostgreSQL, Slack: store calls that failed or ran out of time during the run and the
   * retries; a limit's check then fell back to the instance's own memory.
   */
  storeCallsFailed?: number;
}

export interface RetryResult {
  events: number;
  answeredOnce: number;
  duplicated: number;
  lost: number;
}

export interface HeapResult {
  platform: 'slack' | 'discord';
  requests: number;
  lost: number;
  /** Heap after a warm-up, and after `requests` more, both after a full collection, in MB. */
  heapBeforeMb: number;
  heapAfterMb: number;
  growthMb: number;
  elapsedMs: number;
}

export function percentile(samples: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The bot, running in its own process (bench/load-bot.ts). */
interface BotProcess {
  port: number | undefined;
  stats(): Promise<BotStats>;
  stop(): Promise<void>;
}

/** Heap in use after a full collection (MB), error lines logged, and store calls that failed or timed out, so far. */
interface BotStats {
  heapMb: number;
  errors: number;
  storeFailed: number;
}

const BOT_ENTRY = join(import.meta.dirname, 'load-bot.ts');
const KEEP_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG'];

async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const base = Object.fromEntries(KEEP_ENV.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
  // The cooldown is off unless `env` sets it: every request is a real answer, not a "please wait".
  const child: ChildProcess = fork(BOT_ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...base, LOG_LEVEL: 'warn', COOLDOWN_SECONDS: '0', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`the load bot exited (code ${code}) before answering "${key}"`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await next<{ port?: number }>('ready');
  return {
    port,
    stats() {
      const answer = next<BotStats>('heapMb');
      child.send('heap');
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      const timer = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DRAIN_MS = 10_000;

/**
 * Runs `send(i)` for every i in waves. Timed (waveMs > 0): a wave starts every waveMs,
 * whatever the last one is doing. Untimed: the next wave starts once `settled` says the
 * last one has been answered, so the bot sets the pace.
 */
async function inWaves(
  options: LoadOptions,
  send: (i: number) => Promise<void> | void,
  settled: (sentSoFar: number) => Promise<void>,
): Promise<void> {
  const perWave = Math.ceil(options.requests / options.waves);
  const started = performance.now();
  const all: Promise<void>[] = [];
  for (let w = 0; w * perWave < options.requests; w++) {
    const end = Math.min(options.requests, (w + 1) * perWave);
    const wave: Promise<void>[] = [];
    for (let i = w * perWave; i < end; i++) wave.push(Promise.resolve(send(i)));
    all.push(...wave);
    if (options.waveMs > 0) await sleep(Math.max(0, started + (w + 1) * options.waveMs - performance.now()));
    else {
      await Promise.all(wave);
      await settled(end);
    }
  }
  await Promise.all(all);
}

/** Polls until `done()` or the timeout. */
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await sleep(10);
}

// ---------------------------------------------------------------- Slack

interface SlackRig {
  api: SlackStandIn;
  /** Each instance's /slack/events; requests take turns. */
  urls: string[];
  /** The workspaces requests come from, taking turns; T1 alone with a bot token. */
  teams: string[];
  /** Heap (MB) of the first instance, and error lines of all of them. */
  stats(): Promise<BotStats>;
  /** The instances' own database, in the public bot's shape. */
  databaseUrl?: string;
  stop(): Promise<void>;
}

const combined = async (bots: BotProcess[]) => {
  const all = await Promise.all(bots.map((b) => b.stats()));
  const sum = (k: 'errors' | 'storeFailed') => all.reduce((n, s) => n + s[k], 0);
  return { heapMb: all[0]!.heapMb, errors: sum('errors'), storeFailed: sum('storeFailed') };
};

const LOAD_TEAMS = ['TLOAD1', 'TLOAD2'];

/** A database of its own for one run, on the server at `url`; dropped by the returned function. */
async function scratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `crosscheck_load_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The database's setting for the public bot's shape: the limits live in it. A cooldown of one
 * second, which the run's many distinct users never reach, so every request still gets a real
 * answer while each one takes its cooldown in PostgreSQL.
 */
const SHARED_LIMITS = { COOLDOWN_SECONDS: '1' };

/**
 * The shared limits' rows the run left in PostgreSQL (limit_marks, kept until pruned hourly), by
 * kind: the proof that the cooldown, replay protection and event de-duplication lived there.
 */
async function limitRows(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; n: number }>(
      `SELECT CASE WHEN key LIKE 'cooldown:%' THEN 'cooldown'
                   WHEN key LIKE 'seen:slack:signature:%' THEN 'signature'
                   WHEN key LIKE 'seen:slack:event:%' THEN 'event'
                   ELSE 'other' END AS kind, count(*)::int AS n
         FROM limit_marks GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  } finally {
    await client.end();
  }
}

/** Two workspaces' installations, as Bolt's OAuth flow would have stored them. */
async function installWorkspaces(databaseUrl: string, key: Buffer): Promise<void> {
  const store = await openStore({ databaseUrl, retentionDays: 0 });
  try {
    const installs = new Installations(store, new SecretBox(key));
    for (const team of LOAD_TEAMS) {
      await installs.save(`slack:${team}`, {
        team: { id: team },
        bot: { token: `xoxb-${team}-load`, userId: `UBOT${team}`, id: `B${team}`, scopes: ['commands', 'chat:write'] },
        isEnterpriseInstall: false,
        appId: 'A1',
        tokenType: 'bot',
        authVersion: 'v2',
      });
    }
  } finally {
    await store.close();
  }
}

async function startSlackRig(databaseUrl?: string): Promise<SlackRig> {
  const api = await SlackStandIn.start();
  const bots: BotProcess[] = [];
  const database = databaseUrl ? await scratchDatabase(databaseUrl) : undefined;
  try {
    const env: Record<string, string> = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl };
    if (database) {
      const key = randomBytes(32);
      await installWorkspaces(database.url, key);
      Object.assign(env, {
        DATABASE_URL: database.url,
        SLACK_CLIENT_ID: api.client.id,
        SLACK_CLIENT_SECRET: api.client.secret,
        SLACK_STATE_SECRET: randomBytes(16).toString('hex'),
        TOKEN_ENCRYPTION_KEY: key.toString('hex'),
        ...SHARED_LIMITS,
      });
    } else env.SLACK_BOT_TOKEN = 'xoxb-load-bot-token';
    for (let n = database ? 2 : 1; n > 0; n--) bots.push(await startBotProcess(env));
    return {
      api,
      urls: bots.map((b) => `http://127.0.0.1:${b.port}/slack/events`),
      teams: database ? LOAD_TEAMS : ['T1'],
      stats: () => combined(bots),
      databaseUrl: database?.url,
      async stop() {
        await Promise.all(bots.map((b) => b.stop()));
        await api.close();
        await database?.drop();
      },
    };
  } catch (e) {
    await Promise.all(bots.map((b) => b.stop()));
    await api.close();
    await database?.drop();
    throw e;
  }
}

/**
 * Counts response_url posts per request as they arrive, then lets the stand-in forget them,
 * so a long run does not keep every answer in memory.
 */
function responseCounter(api: SlackStandIn, tag: string) {
  const counts = new Map<number, number>();
  let total = 0;
  const prefix = `/respond/${tag}-`;
  return {
    drain() {
      for (const r of api.responses.splice(0)) {
        if (!r.path.startsWith(prefix)) continue;
        const i = Number(r.path.slice(prefix.length));
        counts.set(i, (counts.get(i) ?? 0) + 1);
        total++;
      }
      api.calls.length = 0;
      return total;
    },
    of: (i: number) => counts.get(i) ?? 0,
  };
}

/** Sends `options.requests` signed slash commands (/ask and /check alternately) and counts what came back. */
async function slackRun(rig: SlackRig, options: LoadOptions, tag: string): Promise<LoadResult> {
  const { api } = rig;
  const ackMs = new Float64Array(options.requests).fill(NaN);
  const responses = responseCounter(api, tag);
  const errorsBefore = (await rig.stats()).errors;
  const started = performance.now();
  const send = async (i: number) => {
    const [command, text] =
      i % 2 === 0 ? ['/ask', QUESTIONS[i % QUESTIONS.length]!] : ['/check', CLAIMS[i % CLAIMS.length]!];
    // Each instance gets requests from every workspace: instance i % n, workspace ⌊i / n⌋ % teams.
    const n = rig.urls.length;
    const team = rig.teams[Math.floor(i / n) % rig.teams.length]!;
    // A user per request, and another per run: the cooldown (on PostgreSQL) never makes one wait.
    const body = slashCommandBody(command, text, api.responseUrl(`${tag}-${i}`), {
      user: `U${tag.toUpperCase()}${i}`,
      channel: `C${i % 50}`,
      team,
    });
    const t = performance.now();
    try {
      const res = await postSigned(rig.urls[i % n]!, body, FORM);
      if (res.status === 200) ackMs[i] = performance.now() - t;
    } catch {
      // A refused or reset connection: counted as not acked.
    }
  };
  await inWaves(options, send, (sent) => until(() => responses.drain() >= sent, DRAIN_MS));
  await until(() => responses.drain() >= options.requests, options.drainMs ?? DRAIN_MS);
  const elapsedMs = performance.now() - started;

  let answered = 0;
  let duplicated = 0;
  let lost = 0;
  for (let i = 0; i < options.requests; i++) {
    const n = responses.of(i);
    if (n === 1) answered++;
    if (n > 1) duplicated++;
    if (n === 0 || Number.isNaN(ackMs[i]!)) lost++;
  }
  const acked = ackMs.filter((x) => !Number.isNaN(x));
  return {
    platform: rig.urls.length > 1 ? `slack, ${rig.urls.length} instances (OAuth, PostgreSQL)` : 'slack',
    sent: options.requests,
    acked: acked.length,
    ackedInTime: acked.filter((x) => x <= ACK_DEADLINE_MS).length,
    answered,
    duplicated,
    lost,
    ackP50Ms: percentile(acked, 50),
    ackP99Ms: percentile(acked, 99),
    ackMaxMs: percentile(acked, 100),
    elapsedMs,
    errorsLogged: (await rig.stats()).errors - errorsBefore,
  };
}

/** 2,000 signed slash commands (or as many as asked) against the Slack app in HTTP mode. */
export async function slackLoad(options: LoadOptions): Promise<LoadResult> {
  const rig = await startSlackRig(options.databaseUrl);
  try {
    if (options.warmUp)
      await slackRun(rig, { requests: options.warmUp, waves: Math.ceil(options.warmUp / 10), waveMs: 0 }, 'warm');
    const before = await rig.stats();
    const result = await slackRun(rig, options, 'load');
    const heapAfterMb = (await rig.stats()).heapMb;
    if (!rig.databaseUrl) return { ...result, heapBeforeMb: before.heapMb, heapAfterMb };
    const retries = await slackRetries(rig, RETRIED_EVENTS);
    return {
      ...result,
      heapBeforeMb: before.heapMb,
      heapAfterMb,
      retries,
      storeCallsFailed: (await rig.stats()).storeFailed - before.storeFailed,
      limitRows: await limitRows(rig.databaseUrl),
    };
  } finally {
    await rig.stop();
  }
}

/**
 * Slack's retries across instances: each app_mention goes to the first instance and, at the
 * same moment, its retry (the same event_id, signed anew, with X-Slack-Retry-Num) to the
 * second, as when Slack gave up waiting on one instance and the load balancer chose the
 * other. Each event is in a channel of its own; every post there counts.
 */
const RETRIED_EVENTS = 200;

async function slackRetries(rig: SlackRig, events: number): Promise<RetryResult> {
  const { api, urls } = rig;
  api.calls.length = 0;
  const now = Math.floor(Date.now() / 1000);
  await Promise.all(
    Array.from({ length: events }, async (_, k) => {
      const team = rig.teams[k % rig.teams.length]!;
      const { body } = appMentionBody(
        { text: `<@${BOT_USER_ID}${team}> ${QUESTIONS[k % QUESTIONS.length]}` },
        { user: `UEVENT${k}`, channel: `CEVENT${k}`, team },
      );
      await Promise.all([
        postSigned(urls[0]!, body, JSON_TYPE, { timestamp: now - 1 }),
        postSigned(urls[1 % urls.length]!, body, JSON_TYPE, {
          timestamp: now,
          headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
        }),
      ]).catch(() => undefined);
    }),
  );
  const posts = () => api.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral');
  await until(() => posts().length >= events, DRAIN_MS);
  // Whatever a second delivery would have posted, it would have posted by now.
  await sleep(1000);
  const perChannel = new Map<string, number>();
  for (const c of posts())
    perChannel.set(String(c.params.channel), (perChannel.get(String(c.params.channel)) ?? 0) + 1);
  const counts = Array.from({ length: events }, (_, k) => perChannel.get(`CEVENT${k}`) ?? 0);
  return {
    events,
    answeredOnce: counts.filter((n) => n === 1).length,
    duplicated: counts.filter((n) => n > 1).length,
    lost: counts.filter((n) => n === 0).length,
  };
}

// ---------------------------------------------------------------- Discord

interface DiscordRig {
  discord: DiscordStandIn;
  bot: BotProcess;
  /** Shard processes under the ShardingManager, when more than one. */
  processes: number;
  /** Their own database, in the public bot's shape. */
  databaseUrl?: string;
  stop(): Promise<void>;
}

async function startDiscordRig(databaseUrl?: string): Promise<DiscordRig> {
  // With shard processes, one guild on each of two shards; each process answers its own.
  const guilds = databaseUrl
    ? [guildFixture(guildIdOnShard(0, 2)), guildFixture(guildIdOnShard(1, 2))]
    : [guildFixture()];
  const discord = await DiscordStandIn.start({ guilds, heartbeatIntervalMs: 5000 });
  const database = databaseUrl ? await scratchDatabase(databaseUrl) : undefined;
  try {
    const config = discord.config();
    const env: Record<string, string> = {
      DISCORD_TOKEN: config.token,
      DISCORD_APPLICATION_ID: config.applicationId,
      DISCORD_API_URL: config.apiUrl,
    };
    if (database)
      Object.assign(env, {
        DATABASE_URL: database.url,
        DISCORD_SHARDS: '2',
        DISCORD_SHARDS_PER_PROCESS: '1',
        ...SHARED_LIMITS,
      });
    const bot = await startBotProcess(env);
    return {
      discord,
      bot,
      processes: database ? 2 : 1,
      databaseUrl: database?.url,
      async stop() {
        await bot.stop();
        await discord.close();
        await database?.drop();
      },
    };
  } catch (e) {
    await discord.close();
    await database?.drop();
    throw e;
  }
}

const isCallback = (r: RecordedRequest) =>
  r.method === 'POST' && r.route.startsWith('/interactions/') && r.route.endsWith('/callback');

/**
 * Reads the interaction callbacks off the stand-in as they arrive (first successful one per
 * interaction: when, and whether it carried a reply), then lets the stand-in forget them.
 */
function callbackCounter(discord: DiscordStandIn) {
  const first = new Map<string, { at: number; reply: boolean }>();
  const extra = new Set<string>();
  return {
    drain() {
      for (const r of discord.requests.splice(0)) {
        if (!isCallback(r) || r.status >= 300) continue;
        const id = r.route.split('/')[2]!;
        if (first.has(id)) extra.add(id);
        else first.set(id, { at: r.at, reply: (r.body?.data?.embeds?.length ?? 0) > 0 || !!r.body?.data?.content });
      }
      discord.frames.length = 0;
      return first.size;
    },
    first: (id: string) => first.get(id),
    duplicated: (id: string) => extra.has(id),
  };
}

/** Dispatches `options.requests` interactions (/ask and /check alternately) and counts the callbacks. */
async function discordRun(rig: DiscordRig, options: LoadOptions, users: number): Promise<LoadResult> {
  const { discord } = rig;
  discord.forget();
  const people = Array.from({ length: users }, (_, k) => ({
    user: user(snowflake(), `member${k}`),
    permissions: MEMBER_PERMISSIONS,
  }));
  const dispatched: { id: string; at: number }[] = [];
  const callbacks = callbackCounter(discord);
  const errorsBefore = (await rig.bot.stats()).errors;
  const started = performance.now();
  const send = (i: number) => {
    const option =
      i % 2 === 0
        ? stringOption('question', QUESTIONS[i % QUESTIONS.length]!)
        : stringOption('claim', CLAIMS[i % CLAIMS.length]!);
    const guild = discord.guilds[Math.floor(i / 2) % discord.guilds.length]!;
    const payload = chatInput(discord.applicationId, i % 2 === 0 ? 'ask' : 'check', [option], people[i % users]!, {
      guild,
    });
    const sent = discord.dispatchInteraction(payload);
    dispatched.push({ id: sent.id, at: sent.dispatchedAt });
  };
  await inWaves(options, send, (sent) => until(() => callbacks.drain() >= sent, DRAIN_MS));
  await until(() => callbacks.drain() >= options.requests, options.drainMs ?? DRAIN_MS);
  const elapsedMs = performance.now() - started;
  discord.forget();

  const ackMs: number[] = [];
  let answered = 0;
  let duplicated = 0;
  let lost = 0;
  for (const { id, at } of dispatched) {
    const got = callbacks.first(id);
    if (!got) {
      lost++;
      continue;
    }
    ackMs.push(got.at - at);
    if (callbacks.duplicated(id)) duplicated++;
    else if (got.reply) answered++;
  }
  return {
    platform: rig.processes > 1 ? `discord, ${rig.processes} shard processes (PostgreSQL)` : 'discord',
    sent: options.requests,
    acked: ackMs.length,
    ackedInTime: ackMs.filter((x) => x <= ACK_DEADLINE_MS).length,
    answered,
    duplicated,
    lost,
    ackP50Ms: percentile(ackMs, 50),
    ackP99Ms: percentile(ackMs, 99),
    ackMaxMs: percentile(ackMs, 100),
    elapsedMs,
    errorsLogged: (await rig.bot.stats()).errors - errorsBefore,
  };
}

/** 2,000 interactions (or as many as asked) over the stand-in gateway, each from one of `users` members. */
export async function discordLoad(options: LoadOptions & { users?: number }): Promise<LoadResult> {
  const rig = await startDiscordRig(options.databaseUrl);
  try {
    if (options.warmUp)
      await discordRun(
        rig,
        { requests: options.warmUp, waves: Math.ceil(options.warmUp / 10), waveMs: 0 },
        options.users ?? 500,
      );
    const heapBeforeMb = (await rig.bot.stats()).heapMb;
    const result = await discordRun(rig, options, options.users ?? 500);
    const heapAfterMb = (await rig.bot.stats()).heapMb;
    if (!rig.databaseUrl) return { ...result, heapBeforeMb, heapAfterMb };
    return { ...result, heapBeforeMb, heapAfterMb, limitRows: await limitRows(rig.databaseUrl) };
  } finally {
    await rig.stop();
  }
}

// ---------------------------------------------------------------- heap growth

/**
 * Heap growth of the bot process over many requests, as fast as it takes them (100 at a time): a warm-up,
 * a measurement, the run, and a measurement. The stand-ins' records are cleared before each
 * measurement, so the figure is the bot's (and this process's) own.
 */
export async function heapGrowth(
  platform: 'slack' | 'discord',
  requests: number,
  options: { users?: number } = {},
): Promise<HeapResult> {
  const wave = 100;
  const warmUp = { requests: 2000, waves: 2000 / wave, waveMs: 0 };
  const run = { requests, waves: requests / wave, waveMs: 0 };
  if (platform === 'slack') {
    const rig = await startSlackRig();
    try {
      await slackRun(rig, warmUp, 'warm');
      const before = (await rig.stats()).heapMb;
      const r = await slackRun(rig, run, 'heap');
      return growth(platform, requests, r, before, (await rig.stats()).heapMb);
    } finally {
      await rig.stop();
    }
  }
  const rig = await startDiscordRig();
  const users = options.users ?? 500;
  try {
    await discordRun(rig, warmUp, users);
    const before = (await rig.bot.stats()).heapMb;
    const r = await discordRun(rig, run, users);
    return growth(platform, requests, r, before, (await rig.bot.stats()).heapMb);
  } finally {
    await rig.stop();
  }
}

/** One platform's heap row: the run's losses and time, and the heap before and after it. */
function growth(
  platform: HeapResult['platform'],
  requests: number,
  r: { lost: number; elapsedMs: number },
  before: number,
  after: number,
): HeapResult {
  return {
    platform,
    requests,
    lost: r.lost,
    heapBeforeMb: before,
    heapAfterMb: after,
    growthMb: after - before,
    elapsedMs: r.elapsedMs,
  };
}

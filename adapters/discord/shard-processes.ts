/**
 * Discord's shards across processes, under discord.js's ShardingManager: DISCORD_SHARDS
 * (auto, or a number) shards in all, DISCORD_SHARDS_PER_PROCESS of them in each process.
 * The manager's "shards" are our processes, each running a client with its own range of
 * Discord shards (shard-process.ts), so one process can hold several shards; the manager
 * restarts a process that dies. Every process opens the same PostgreSQL store.
 *
 *   const shards = await startShardProcesses({ config: config.discord, logger });
 *   await shards.states();   // [{ process: 0, alive: true, shards: [{ id: 0, status: 'Ready' }] }, …]
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, type Shard, ShardingManager, Status } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';

export type DiscordConfig = NonNullable<Config['discord']>;

/** One shard as the health endpoint shows it: its id and discord.js's status name (Ready, Resuming, …). */
export interface ShardState {
  id: number;
  status: string;
}

export interface ProcessState {
  process: number;
  alive: boolean;
  shards: ShardState[];
}

export interface RunningShardProcesses {
  stop(): Promise<void>;
  isReady(): boolean;
  states(): Promise<ProcessState[]>;
  /** The manager itself, for what only it can do (tests kill a process through it). */
  manager: ShardingManager;
}

export interface ShardProcessOptions {
  config: DiscordConfig;
  logger: Logger;
  /** Time between starting two processes: Discord allows one IDENTIFY per 5 s per bucket. Default 5.5 s. */
  spawnDelayMs?: number;
  /** How long a process may take to load the pack, open the store and connect. Default 60 s. */
  readyTimeoutMs?: number;
}

/** The Discord shards process `index` runs: a contiguous range, the last one maybe shorter. */
export function shardsOfProcess(index: number, total: number, perProcess: number): number[] {
  const first = index * perProcess;
  return Array.from({ length: Math.max(0, Math.min(perProcess, total - first)) }, (_, i) => first + i);
}

/** DISCORD_SHARDS as a count: a number as given, or what Discord recommends for "auto" (GET /gateway/bot). */
export async function shardCount(config: DiscordConfig): Promise<number> {
  if (typeof config.shards === 'number') return config.shards;
  if (config.shards !== 'auto') return 1;
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

/** The child's entry, next to this file: TypeScript under tsx (development, tests), JavaScript in dist/. */
function childEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  return {
    file: here.replace(/shard-processes\.[jt]s$/, `shard-process${ext}`),
    execArgv: ext === '.ts' ? ['--import', 'tsx'] : [],
  };
}

export async function startShardProcesses(options: ShardProcessOptions): Promise<RunningShardProcesses> {
  const { config, logger } = options;
  const perProcess = config.shardsPerProcess ?? 1;
  const total = await shardCount(config);
  const processes = Math.ceil(total / perProcess);
  const { file, execArgv } = childEntry();
  let stopping = false;
  const manager = new ShardingManager(file, {
    totalShards: processes,
    token: config.token,
    mode: 'process',
    respawn: true,
    execArgv,
    shardArgs: ['--shards', String(total), '--per-process', String(perProcess)],
  });
  manager.on('shardCreate', (shard: Shard) => {
    const ids = shardsOfProcess(shard.id, total, perProcess);
    shard.on('spawn', (child) =>
      logger.info(
        { process: shard.id, pid: child && 'pid' in child ? child.pid : undefined, shards: ids },
        'discord: shard process started',
      ),
    );
    shard.on('ready', () => logger.info({ process: shard.id, shards: ids }, 'discord: shard process ready'));
    // kill() on stopping reports a death too.
    shard.on('death', () =>
      stopping
        ? logger.info({ process: shard.id, shards: ids }, 'discord: shard process stopped')
        : logger.error({ process: shard.id, shards: ids }, 'discord: shard process died; restarting it'),
    );
    shard.on('error', (err) => logger.error({ err, process: shard.id }, 'discord: shard process error'));
  });
  await manager.spawn({ delay: options.spawnDelayMs ?? 5500, timeout: options.readyTimeoutMs ?? 60_000 });
  logger.info({ processes, shards: total, perProcess }, 'discord: every shard process is ready');

  const alive = (s: Shard) => s.process !== null && s.process.exitCode === null;
  return {
    manager,
    isReady: () => manager.shards.size === processes && manager.shards.every((s) => s.ready && alive(s)),
    states: () => Promise.all(manager.shards.map((s) => processState(s, total, perProcess, alive(s)))),
    async stop() {
      stopping = true;
      manager.respawn = false;
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}

const EVAL_TIMEOUT_MS = 1000;

/** Asks a process for its shards' statuses; a process that is down or does not answer shows its shards as Down. */
async function processState(shard: Shard, total: number, perProcess: number, alive: boolean): Promise<ProcessState> {
  const ids = shardsOfProcess(shard.id, total, perProcess);
  const down = { process: shard.id, alive: false, shards: ids.map((id) => ({ id, status: 'Down' })) };
  if (!alive || !shard.ready) return { ...down, alive };
  const asked = shard.eval((client) => client.ws.shards.map((s) => ({ id: s.id, status: s.status })));
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), EVAL_TIMEOUT_MS).unref());
  const answer = (await Promise.race([asked, timeout]).catch(() => null)) as { id: number; status: number }[] | null;
  if (!answer) return down;
  return {
    process: shard.id,
    alive: true,
    shards: answer.map((s) => ({ id: s.id, status: Status[s.status] ?? String(s.status) })),
  };
}

/**
 * The process: validate configuration, load the knowledge, start every configured adapter
 * (Discord, Slack, or both; the console when neither is), serve health checks, and shut
 * down gracefully. A bad configuration or knowledge pack stops it here, before anyone
 * sees a wrong answer.
 */
import 'dotenv/config';
import type { Server } from 'node:http';
import { loadEngineOrExit, readArgs } from '../src/entry-point.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import type { Engine } from '../src/core/engine.js';
import { createLogger, type Logger } from '../src/log.js';
import type { Moderation } from '../src/moderation/index.js';
import type { ProcessState } from './discord/shard-processes.js';
import { startHealthServer } from './health.js';
import { type Registry, slackCommandNames } from './pipeline/command.js';
import { loadRegistry } from './pipeline/registry.js';

const started = performance.now();
const SHUTDOWN_LIMIT_MS = 10_000;

interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
  isReady(): boolean;
  /** Discord's shards and their states, by process. */
  states?(): Promise<ProcessState[]>;
}

function exitWith(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

async function startAdapters(
  config: Config,
  engine: Engine,
  logger: Logger,
  moderation: Moderation,
  registry: Registry,
): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  const shared = { cooldownSeconds: config.cooldownSeconds, engine, moderation, registry };
  if (config.discord?.shardsPerProcess) {
    // The shards run in processes of their own, each with the store; this one manages them.
    const { startShardProcesses } = await import('./discord/shard-processes.js');
    const d = await startShardProcesses({ config: config.discord, logger: logger.child({ platform: 'discord' }) });
    running.push({ name: 'discord', ...d });
  } else if (config.discord) {
    const { startDiscord } = await import('./discord/index.js');
    const d = await startDiscord({ ...shared, config: config.discord, logger: logger.child({ platform: 'discord' }) });
    running.push({ name: 'discord', ...d });
  }
  if (config.slack) {
    const { startSlack } = await import('./slack/index.js');
    const s = await startSlack({ ...shared, config: config.slack, logger: logger.child({ platform: 'slack' }) });
    running.push({ name: 'slack', ...s });
  }
  return running;
}

const USAGE = `usage: npm start   (npm run start:prod runs the build as it is)
  Starts the bot: on Discord and Slack where their tokens are set, else the local console,
  which reads one command per line (/help lists them). Settings come from the environment
  or .env: see .env.example and README's Configuration.`;

async function main(): Promise<void> {
  readArgs('crosscheck', USAGE, {});
  // The commands come first: the configuration may rename their Slack names.
  const registry = await loadRegistry();
  let config: Config;
  try {
    config = loadConfig(process.env, { slackCommands: slackCommandNames(registry) });
  } catch (e) {
    if (e instanceof ConfigError) exitWith(e.problems);
    throw e;
  }
  const consoleMode = !config.discord && !config.slack;
  const logger = createLogger({
    level: config.logLevel,
    // The console adapter owns stdout, so its logs go to stderr.
    fd: consoleMode ? 2 : 1,
    secrets: [
      config.discord?.token,
      config.slack?.botToken,
      config.slack?.appToken,
      config.slack?.signingSecret,
      config.slack?.oauth?.clientSecret,
      config.slack?.oauth?.stateSecret,
      config.env.TOKEN_ENCRYPTION_KEY,
      config.store.userHashSecret,
    ],
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection; still serving'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception; still serving'));

  const engine = loadEngineOrExit(config.knowledgeDir);

  let adapters: RunningAdapter[] = [];
  let stopStore: () => Promise<void> = async () => {};
  let health: Server | undefined;
  if (config.httpPort)
    health = await startHealthServer(
      config.httpPort,
      () => adapters.length > 0 && adapters.every((a) => a.isReady()),
      async () => (await Promise.all(adapters.map((a) => a.states?.() ?? []))).flat(),
    );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const stopAll = Promise.allSettled(adapters.map((a) => a.stop()));
    await Promise.race([stopAll.then(() => stopStore()), new Promise((r) => setTimeout(r, SHUTDOWN_LIMIT_MS).unref())]);
    health?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (consoleMode) {
    const { startConsole } = await import('./console/index.js');
    process.stderr.write(
      'No Discord or Slack credentials found, so this is the local console. Set DISCORD_TOKEN or SLACK_BOT_TOKEN in .env to connect to chat (see .env.example).\n',
    );
    const c = await startConsole({ engine, logger, registry });
    adapters = [{ name: 'console', stop: c.stop, isReady: () => true }];
    logger.info(`ready in ${Math.round(performance.now() - started)} ms: ${engine.factCount} facts, adapters: console`);
    await c.done;
    health?.close();
    return;
  }
  // Moderators' records, votes, proposals and channel settings: PostgreSQL when
  // DATABASE_URL is set, else an embedded database in DATA_DIR. Approved facts join the engine.
  // Answering never needs the store: without it the bot starts all the same, tells moderators
  // that moderation is unavailable, and connects when it can (1 s, doubling to 60 s).
  const { openModeration } = await import('./moderation-store.js');
  const moderation = await openModeration(config, engine, logger);
  stopStore = () => moderation.stop();
  adapters = await startAdapters(config, engine, logger, moderation, registry);
  logger.info(
    `ready in ${Math.round(performance.now() - started)} ms: ${engine.factCount} facts, adapters: ${adapters.map((a) => a.name).join(', ')}`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`crosscheck: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

/**
 * One shard process under the ShardingManager (shard-processes.ts): the Discord adapter for
 * this process's range of shards, with its own knowledge index and cooldowns, and the
 * store every process shares (DATABASE_URL). The manager numbers its processes in SHARDS
 * and passes the total and the range size as arguments.
 */
import 'dotenv/config';
import { loadEngineOrExit, readArgs } from '../../src/entry-point.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openModeration } from '../moderation-store.js';
import { startDiscord } from './index.js';
import { shardsOfProcess } from './shard-processes.js';

const USAGE = `usage: (started by the bot's ShardingManager) shard-process --shards N --per-process P
  Runs this process's range of Discord shards; SHARDS is the process's number.`;

async function main(): Promise<void> {
  const { values } = readArgs('shard-process', USAGE, {
    shards: { type: 'string' },
    'per-process': { type: 'string' },
  });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.problems.join('\n')}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (!config.discord) throw new Error('a shard process needs DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  const index = Number(process.env.SHARDS);
  const count = Number(values.shards);
  const ids = shardsOfProcess(index, count, Number(values['per-process']));
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.discord.token, config.store.userHashSecret],
  }).child({ platform: 'discord', process: index });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection; still serving'));

  const engine = loadEngineOrExit(config.knowledgeDir);
  const moderation = await openModeration(config, engine, logger);
  const discord = await startDiscord({
    config: config.discord,
    cooldownSeconds: config.cooldownSeconds,
    engine,
    logger,
    moderation,
    only: { ids, count },
  });
  const stop = async () => {
    await discord.stop();
    await moderation.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`shard-process: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

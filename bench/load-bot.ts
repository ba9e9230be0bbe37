/**
 * The bot under load, in a process of its own (as in production), started by
 * bench/load-driver.ts with IPC. Configured from the environment through the real
 * loadConfig (the driver points DISCORD_API_URL / SLACK_API_URL at its stand-ins); starts
 * the adapters as adapters/main.ts does, without the health server, and with the
 * moderators' store only when DATABASE_URL is set (several instances, Slack by OAuth, shard
 * processes). With DISCORD_SHARDS_PER_PROCESS the Discord shards run in processes of their own.
 *
 * Messages from the parent: "heap" (answers the heap in use after a full collection, MB),
 * "stop". To the parent: { ready, port }, { heapMb, errors, storeFailed } (error-level log
 * lines; store calls that failed or timed out, after which the shared limits fell back to memory).
 */
import { Writable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadConfig } from '../src/config.js';
import { Engine } from '../src/core/engine.js';
import { createLogger } from '../src/log.js';
import { openModeration } from '../adapters/moderation-store.js';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const send = (message: object) => process.send?.(message);

let errors = 0;
let storeFailed = 0;
const stream = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n')) {
      if (line.includes('"msg":"moderation: store call failed"')) storeFailed++;
      if (!line.includes('"level":50') && !line.includes('"level":60')) continue;
      errors++;
      // The first few go to stderr, so a failing run says why.
      if (errors <= 5) process.stderr.write(`${line}\n`);
    }
    done();
  },
});

const config = loadConfig();
const logger = createLogger({
  level: 'warn',
  stream,
  secrets: [
    config.discord?.token,
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.oauth?.clientSecret,
  ],
});
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
const engine = Engine.fromDir(config.knowledgeDir);

const stops: (() => Promise<void>)[] = [];
let port: number | undefined;
const moderation = config.store.databaseUrl ? await openModeration(config, engine, logger) : undefined;
if (config.discord?.shardsPerProcess) {
  const { startShardProcesses } = await import('../adapters/discord/shard-processes.js');
  const d = await startShardProcesses({ config: config.discord, logger, spawnDelayMs: 0 });
  stops.push(d.stop);
} else if (config.discord) {
  const { startDiscord } = await import('../adapters/discord/index.js');
  const d = await startDiscord({
    config: config.discord,
    cooldownSeconds: config.cooldownSeconds,
    engine,
    logger,
    moderation,
  });
  stops.push(d.stop);
}
if (config.slack) {
  const { startSlack } = await import('../adapters/slack/index.js');
  // Port 0: any free port, reported to the driver.
  const s = await startSlack({
    config: { ...config.slack, port: 0 },
    cooldownSeconds: config.cooldownSeconds,
    engine,
    logger,
    moderation,
  });
  port = s.port;
  stops.push(s.stop);
}
if (moderation) stops.push(() => moderation.stop());

process.on('message', (message: string) => {
  if (message === 'heap') {
    collectGarbage();
    collectGarbage();
    send({ heapMb: process.memoryUsage().heapUsed / 2 ** 20, errors, storeFailed });
  } else if (message === 'stop') {
    // The store closes last, once the adapters stopped using it.
    void (async () => {
      for (const stop of stops) await stop().catch(() => undefined);
      process.exit(0);
    })();
  }
});
send({ ready: true, port });

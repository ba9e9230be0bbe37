/**
 * The Discord adapter: a discord.js gateway client that turns interactions into core
 * requests (commands/), and the core's replies into messages (render.ts).
 *
 *   const discord = await startDiscord({ config: config.discord, cooldownSeconds: 5, engine, logger, moderation });
 *   discord.isReady();   // connected to the gateway, every shard ready
 *   await discord.stop();
 */
import { Client, Events, GatewayIntentBits, RESTEvents, Status, type ClientOptions } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { Moderation } from '../../src/moderation/index.js';
import { Limits } from '../shared/limits.js';
import { ModerationDesk } from '../shared/moderation/desk.js';
import { interactionRouter } from './interactions.js';
import type { Registry } from '../pipeline/command.js';
import { loadRegistry } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/serve.js';
import type { ProcessState } from './shard-processes.js';

export interface DiscordOptions {
  config: NonNullable<Config['discord']>;
  cooldownSeconds: number;
  engine: Engine;
  logger: Logger;
  /** Records, feedback, /crosscheck and channel settings; without it the bot answers with no buttons. */
  moderation?: Moderation;
  /** The commands (adapters/commands), if already loaded. */
  registry?: Registry;
  /** In a shard process: the Discord shards this process runs, of how many (see shard-processes.ts). */
  only?: { ids: number[]; count: number };
}

export interface RunningDiscord {
  stop(): Promise<void>;
  isReady(): boolean;
  /** Each shard of this client and its status, for the health endpoint. */
  states(): Promise<ProcessState[]>;
}

/** Logs in, registers the handlers, and resolves once every shard is ready. */
export async function startDiscord(options: DiscordOptions): Promise<RunningDiscord> {
  const { config, cooldownSeconds, engine, logger, moderation } = options;
  const registry = options.registry ?? (await loadRegistry());
  const client = new Client({
    // Interactions arrive without any intent; Guilds keeps guilds and channels cached for them.
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiUrl },
    // A second guard behind every payload's own allowed_mentions.
    allowedMentions: { parse: [] },
    ...shardOptions(config.shards, options.only),
  });
  let stopping = false;
  watchConnection(client, logger, () => stopping);
  const desk = new ModerationDesk(moderation, { platform: 'discord', defaults: { mode: 'public', cooldownSeconds } });
  const pipeline = createPipeline({
    engine,
    registry,
    platform: 'discord',
    desk,
    cooldown: new Limits(moderation, cooldownSeconds),
  });
  const route = interactionRouter({ pipeline, desk, logger });
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));

  try {
    await new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      client.login(config.token).catch(reject);
    });
  } catch (err) {
    await client.destroy();
    throw err;
  }
  logger.info(
    { user: client.user?.tag, shards: client.ws.shards.size, commands: registry.on('discord').map((c) => c.name) },
    'discord: connected',
  );

  return {
    async stop() {
      stopping = true;
      await client.destroy();
    },
    isReady: () => client.isReady() && client.ws.shards.every((s) => s.status === Status.Ready),
    states: async () => [
      {
        process: 0,
        alive: true,
        shards: client.ws.shards.map((s) => ({ id: s.id, status: Status[s.status] ?? String(s.status) })),
      },
    ],
  };
}

/**
 * DISCORD_SHARDS alone uses the client's own sharding: every shard runs in this one
 * process. With DISCORD_SHARDS_PER_PROCESS the ShardingManager runs them in several
 * processes (shard-processes.ts), each given `only` its own range.
 */
export function shardOptions(
  shards: 'auto' | number | undefined,
  only?: { ids: number[]; count: number },
): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (only) return { shards: only.ids, shardCount: only.count };
  if (shards === 'auto') return { shards: 'auto' };
  if (typeof shards === 'number') return { shardCount: shards };
  return {};
}

/** Connection events for the logs: what drops, reconnects and resumes, and what the library warns about. */
function watchConnection(client: Client, logger: Logger, stopping: () => boolean): void {
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, 'discord: shard ready'));
  // discord.js reports its own shutdown as a reconnect too.
  client.on(
    Events.ShardReconnecting,
    (shard) => stopping() || logger.warn({ shard }, 'discord: gateway connection lost; reconnecting'),
  );
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord: session resumed'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error({ shard, code: event.code }, 'discord: shard disconnected and will not reconnect'),
  );
  client.on(Events.ShardError, (err, shard) => logger.error({ err, shard }, 'discord: shard error'));
  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (err) => logger.error({ err }, 'discord: client error'));
  client.on(Events.Warn, (message) => logger.warn(`discord: ${message}`));
  client.on(Events.Debug, (message) => logger.trace(`discord: ${message}`));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, retryAfter: info.retryAfter }, 'discord: rate limited'),
  );
}

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

export interface DiscordOptions {
  config: NonNullable<Config['discord']>;
  cooldownSeconds: number;
  engine: Engine;
  logger: Logger;
  /** Records, feedback, /crosscheck and channel settings; without it the bot answers with no buttons. */
  moderation?: Moderation;
  /** The commands (adapters/commands), if already loaded. */
  registry?: Registry;
}

export interface RunningDiscord {
  stop(): Promise<void>;
  isReady(): boolean;
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
    ...shardOptions(config.shards),
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
  };
}

/**
 * DISCORD_SHARDS uses the client's own sharding: every shard runs in this one process.
 * The ShardingManager would need a second entry file and one process per shard, each
 * with its own copy of the knowledge index and its own cooldowns; one process holds
 * thousands of guilds, and only past that does a process per shard pay for itself.
 */
export function shardOptions(shards: 'auto' | number | undefined): Pick<ClientOptions, 'shards' | 'shardCount'> {
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

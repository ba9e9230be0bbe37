/**
 * The Slack adapter: a Bolt app with `/ask`, `/check`, `/sources`, @-mentions answered in
 * threads, the "Check claims" message shortcut, and the moderators' `/crosscheck` with its
 * buttons and modals. It turns Slack payloads into core requests and renders the replies;
 * it decides nothing about what an answer says.
 *
 *   const slack = await startSlack({ config: config.slack, cooldownSeconds: 5, engine, logger, moderation });
 *   slack.isReady(); // true once Slack can reach the bot
 *   await slack.stop();
 */
import { App, webApi } from '@slack/bolt';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { Moderation } from '../../src/moderation/index.js';
import type { Registry } from '../pipeline/command.js';
import { loadRegistry } from '../pipeline/registry.js';
import { createPipeline } from '../pipeline/serve.js';
import { Limits } from '../shared/limits.js';
import { ModerationDesk } from '../shared/moderation/desk.js';
import { boltLogger } from './bolt-logger.js';
import { type SlackConfig, type SlackDeps, slackCommandName } from './deps.js';
import { slackReason } from './failures.js';
import { registerListeners } from './listeners/index.js';
import { dropRepeats } from './repeats.js';
import { createConnection, type OAuthOptions } from './receiver.js';
import { SCOPES } from './manifest.js';
import { oneTimeStateStore, slackInstallationStore } from './installations.js';
import { Installations, OneTimeStates } from '../../src/store/installations.js';
import { SecretBox } from '../../src/store/secret-box.js';

export interface SlackOptions {
  config: SlackConfig;
  cooldownSeconds: number;
  engine: Engine;
  logger: Logger;
  /** Records, feedback, /crosscheck and channel settings; without it the bot answers with no buttons. */
  moderation?: Moderation;
  /** The commands (adapters/commands), if already loaded. */
  registry?: Registry;
  /** How long one Web API call or response_url post may take before it is abandoned (and retried or reported). Default 10 s. */
  httpTimeoutMs?: number;
}

export interface RunningSlack {
  stop(): Promise<void>;
  isReady(): boolean;
  /** The port HTTP mode listens on; undefined in Socket Mode. */
  port: number | undefined;
}

/**
 * A failing Web API call (network, HTTP 5xx) is retried a little and a rate-limited one not at
 * all, then reported: an answer half an hour late (the client's default policy) is worse
 * than an apology.
 */
const RETRY = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 };
const HTTP_TIMEOUT_MS = 10_000;

/**
 * fetch with a deadline. Bolt's respond() posts to the response_url with no timeout of its
 * own, so a response_url that never answers would hold its listener for minutes (undici's
 * 300 s, twice: once for the answer, once for the apology).
 */
function fetchWithin(ms: number): webApi.FetchFunction {
  return (url, init) => fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}

export async function startSlack(options: SlackOptions): Promise<RunningSlack> {
  const { config, engine, logger } = options;
  const bolt = boltLogger(logger);
  const httpTimeoutMs = options.httpTimeoutMs ?? HTTP_TIMEOUT_MS;
  // Both the Web API client and respond() use this fetch; each attempt gets the deadline.
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    logger: bolt,
    retryConfig: RETRY,
    rejectRateLimitedCalls: true,
    fetch: fetchWithin(httpTimeoutMs),
  };

  const installationStore = config.oauth ? installationsFor(config, options.moderation) : undefined;
  // One workspace: checking the token up front fails fast with Slack's reason, and gives the bot's own ids.
  // Many (OAuth): Bolt authorizes each request with its workspace's installation.
  const auth = config.oauth
    ? undefined
    : await new webApi.WebClient(config.botToken, clientOptions).auth.test().catch((error: unknown) => {
        throw new Error(`Slack refused SLACK_BOT_TOKEN (${slackReason(error)}).`, { cause: error });
      });

  const oauth: OAuthOptions | undefined =
    config.oauth && installationStore
      ? {
          clientId: config.oauth.clientId,
          clientSecret: config.oauth.clientSecret,
          installationStore: installationStore.bolt,
          scopes: Object.keys(SCOPES),
          installerOptions: {
            stateStore: installationStore.states,
            // oauth.v2.access and the new token's auth.test go where every other call goes.
            clientOptions: { slackApiUrl: config.apiUrl, fetch: fetchWithin(httpTimeoutMs) },
          },
        }
      : undefined;
  const connection = createConnection(config, bolt, oauth);
  const app = new App({
    receiver: connection.receiver,
    ...(auth ? { token: config.botToken, botId: auth.bot_id, botUserId: auth.user_id } : {}),
    tokenVerificationEnabled: false,
    clientOptions,
    logger: bolt,
    logLevel: bolt.getLevel(),
    extendedErrorHandler: true,
  });
  const desk = new ModerationDesk(options.moderation, {
    platform: 'slack',
    defaults: { mode: config.privateByDefault ? 'ephemeral' : 'public', cooldownSeconds: options.cooldownSeconds },
  });
  // Shared by every instance on PostgreSQL: the cooldown, and which requests were handled.
  const limits = new Limits(options.moderation, options.cooldownSeconds);
  app.use(dropRepeats(limits, logger));
  const pipeline = createPipeline({
    engine,
    registry: options.registry ?? (await loadRegistry()),
    platform: 'slack',
    commandName: slackCommandName(config),
    // /help is Slack's own; the bot's help is a mention with nothing after it.
    typedHelp: 'mention me with nothing else to see what I can do',
    desk,
    cooldown: limits,
  });
  const deps: SlackDeps = { config, pipeline, desk, logger, installations: installationStore?.bolt };
  registerListeners(app, deps);
  // Listeners handle their own failures; this catches what happens around them (e.g. a failed ack).
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    const b = body as { trigger_id?: string; event_id?: string } | undefined;
    logger.error({ err: error, requestId: b?.trigger_id ?? b?.event_id }, 'slack request failed');
  });

  await connection.start(app);
  logger.info(
    {
      mode: config.appToken ? 'socket' : 'http',
      port: connection.port(),
      ...(auth ? { bot: auth.user_id, team: auth.team } : { install: '/slack/install' }),
    },
    'slack connected',
  );
  return {
    stop: () => connection.stop(),
    isReady: () => connection.isConnected(),
    port: connection.port(),
  };
}

/**
 * The installations and OAuth states, in the store every instance shares; tokens sealed with
 * TOKEN_ENCRYPTION_KEY. Each query asks for the store when it runs: while the store is away, a
 * workspace this instance has not read yet cannot be authorized, and Bolt acks its request
 * without an answer (one it has read is answered with what it read last).
 */
function installationsFor(config: SlackConfig, moderation: Moderation | undefined) {
  if (!moderation || !config.oauth)
    throw new Error('Slack installation by OAuth needs the store (DATABASE_URL or DATA_DIR).');
  const db = { query: <T>(sql: string, params?: unknown[]) => moderation.store.query<T>(sql, params) };
  return {
    bolt: slackInstallationStore(new Installations(db, new SecretBox(config.oauth.encryptionKey))),
    states: oneTimeStateStore(config.oauth.stateSecret, new OneTimeStates(db)),
  };
}

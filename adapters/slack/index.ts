/**
 * The Slack adapter: a Bolt app with `/ask`, `/check`, `/sources`, @-mentions answered in
 * threads, and the "Check claims" message shortcut. It turns Slack payloads into core
 * requests and renders the replies; it decides nothing about what an answer says.
 *
 *   const slack = await startSlack({ config: config.slack, cooldownSeconds: 5, engine, logger });
 *   slack.isReady(); // true once Slack can reach the bot
 *   await slack.stop();
 */
import { App, webApi } from '@slack/bolt';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import { Cooldown } from '../shared/cooldown.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackConfig, SlackDeps } from './deps.js';
import { slackReason } from './failures.js';
import { registerListeners } from './listeners/index.js';
import { createConnection } from './receiver.js';

export interface SlackOptions {
  config: SlackConfig;
  cooldownSeconds: number;
  engine: Engine;
  logger: Logger;
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

export async function startSlack(options: SlackOptions): Promise<RunningSlack> {
  const { config, engine, logger } = options;
  const bolt = boltLogger(logger);
  const clientOptions = { slackApiUrl: config.apiUrl, logger: bolt, retryConfig: RETRY, rejectRateLimitedCalls: true };

  // Checking the token up front fails fast with Slack's reason, and gives the bot's own ids.
  const auth = await new webApi.WebClient(config.botToken, clientOptions).auth.test().catch((error: unknown) => {
    throw new Error(`Slack refused SLACK_BOT_TOKEN (${slackReason(error)}).`, { cause: error });
  });

  const connection = createConnection(config, bolt);
  const app = new App({
    receiver: connection.receiver,
    token: config.botToken,
    botId: auth.bot_id,
    botUserId: auth.user_id,
    tokenVerificationEnabled: false,
    clientOptions,
    logger: bolt,
    logLevel: bolt.getLevel(),
    extendedErrorHandler: true,
  });
  const deps: SlackDeps = { config, engine, cooldown: new Cooldown(options.cooldownSeconds), logger };
  registerListeners(app, deps);
  // Listeners handle their own failures; this catches what happens around them (e.g. a failed ack).
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    const b = body as { trigger_id?: string; event_id?: string } | undefined;
    logger.error({ err: error, requestId: b?.trigger_id ?? b?.event_id }, 'slack request failed');
  });

  await connection.start(app);
  logger.info({ mode: config.appToken ? 'socket' : 'http', port: connection.port(), bot: auth.user_id, team: auth.team }, 'slack connected');
  return {
    stop: () => connection.stop(),
    isReady: () => connection.isConnected(),
    port: connection.port(),
  };
}

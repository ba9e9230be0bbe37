/**
 * How Slack reaches the bot. Socket Mode (SLACK_APP_TOKEN) needs no public URL: the bot
 * opens a WebSocket to Slack. HTTP mode (SLACK_SIGNING_SECRET) serves Bolt's default path
 * /slack/events on SLACK_PORT and checks every request's signature, for deployments where
 * several stateless instances sit behind a load balancer.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HTTPReceiver,
  SocketModeReceiver,
  type App,
  type Logger as BoltLogger,
  type HTTPReceiverOptions,
} from '@slack/bolt';
import type { SlackConfig } from './deps.js';
import { slackReason } from './failures.js';

export interface SlackConnection {
  receiver: HTTPReceiver | SocketModeReceiver;
  /** Starts receiving; resolves once Slack can reach the bot. */
  start(app: App): Promise<void>;
  stop(): Promise<void>;
  isConnected(): boolean;
  /** The port HTTP mode listens on (the real one when configured as 0); undefined in Socket Mode. */
  port(): number | undefined;
}

/** Bolt's OAuth options for HTTP mode: it then serves /slack/install and /slack/oauth_redirect too. */
export type OAuthOptions = Pick<
  HTTPReceiverOptions,
  'clientId' | 'clientSecret' | 'installationStore' | 'scopes' | 'installerOptions'
>;

export function createConnection(config: SlackConfig, logger: BoltLogger, oauth?: OAuthOptions): SlackConnection {
  if (config.appToken) return socketMode(config.appToken, config.apiUrl, logger);
  if (config.signingSecret) return httpMode(config.signingSecret, config.port, logger, oauth);
  throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).');
}

function socketMode(appToken: string, apiUrl: string | undefined, logger: BoltLogger): SlackConnection {
  const receiver = new SocketModeReceiver({
    appToken,
    logger,
    logLevel: logger.getLevel(),
    // apps.connections.open goes to the same Web API base as every other call.
    installerOptions: { clientOptions: { slackApiUrl: apiUrl } },
  });
  let connected = false;
  let stopped: Promise<void> | undefined;
  receiver.client.on('connected', () => (connected = true));
  receiver.client.on('reconnecting', () => (connected = false));
  receiver.client.on('disconnected', () => (connected = false));
  return {
    receiver,
    start: async (app) => {
      await app.start().catch((error: unknown) => {
        throw new Error(`Slack refused the Socket Mode connection with SLACK_APP_TOKEN (${slackReason(error)}).`, {
          cause: error,
        });
      });
    },
    // disconnect() resolves once the socket is closed, so nothing is left running; only once.
    stop: () => (stopped ??= receiver.client.disconnect()),
    isConnected: () => connected,
    port: () => undefined,
  };
}

/** Bolt refuses a signature older than five minutes; one from further in the future is refused here. */
const MAX_AHEAD_S = 300;

function httpMode(signingSecret: string, port: number, logger: BoltLogger, oauth?: OAuthOptions): SlackConnection {
  const receiver = new HTTPReceiver({
    signingSecret,
    port,
    logger,
    logLevel: logger.getLevel(),
    // The signature goes with the request, so a replay of it can be told (repeats.ts).
    customPropertiesExtractor: (req) => ({ requestSignature: String(req.headers['x-slack-signature'] ?? '') }),
    // With OAuth it also serves /slack/install and /slack/oauth_redirect.
    ...oauth,
  });
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const sent = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(sent) && sent - Date.now() / 1000 > MAX_AHEAD_S) {
      res.writeHead(401).end();
      return;
    }
    boltListener(req, res);
  };
  let server: Server | undefined;
  return {
    receiver,
    start: async (app) => {
      server = (await app.start()) as Server;
    },
    stop: async () => {
      if (!server) return;
      server = undefined;
      await receiver.stop();
    },
    isConnected: () => server?.listening === true,
    port: () => (server?.address() as AddressInfo | null)?.port,
  };
}

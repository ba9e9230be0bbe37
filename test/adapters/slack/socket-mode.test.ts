/**
 * Socket Mode through the real Bolt SocketModeReceiver: apps.connections.open (called with
 * the app-level token) returns a local WebSocket, which says hello and then delivers
 * envelopes; each envelope must be acked with its envelope_id.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBot, citationBlocks, expectNoLiveMentions, type TestBot } from './bot.js';
import { slashCommandBody, appMentionBody } from './signed.js';
import { BOT_USER_ID, SlackStandIn, SocketStandIn } from './stand-ins.js';

const APP_TOKEN = 'xapp-1-A1-stand-in-app-token';

let api: SlackStandIn;
let socket: SocketStandIn;
let bot: TestBot;

beforeEach(async () => {
  api = await SlackStandIn.start();
  socket = await SocketStandIn.start();
  api.socketUrl = socket.url;
  bot = await startBot(api, { config: { appToken: APP_TOKEN, signingSecret: undefined } });
});

afterEach(async () => {
  await bot.slack.stop();
  await socket.close();
  await api.close();
});

const ackFor = (envelopeId: string) =>
  vi.waitFor(() => {
    const ack = socket.received.find((m) => m.envelope_id === envelopeId);
    if (!ack) throw new Error(`envelope ${envelopeId} not acked`);
    return ack;
  });

describe('Socket Mode', () => {
  it('opens the connection with the app-level token and is ready after hello', () => {
    const [open] = api.callsTo('apps.connections.open');
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(socket.connected).toBe(true);
    expect(bot.slack.isReady()).toBe(true);
    expect(bot.slack.port).toBeUndefined();
  });

  it('acks a slash_commands envelope, then answers through the response_url', async () => {
    const body = Object.fromEntries(
      new URLSearchParams(
        slashCommandBody('/ask', '<!channel> when did russia lift the arms embargo', api.responseUrl('sock')),
      ),
    );
    socket.send({ envelope_id: 'env-cmd-1', type: 'slash_commands', accepts_response_payload: true, payload: body });
    expect(await ackFor('env-cmd-1')).toEqual({ envelope_id: 'env-cmd-1', payload: {} });
    const response = await vi.waitFor(() => {
      const [r] = api.responsesTo('sock');
      if (!r) throw new Error('no answer yet');
      return r.body;
    });
    expect(response.response_type).toBe('in_channel');
    expect(citationBlocks(response).length).toBeGreaterThan(0);
    expectNoLiveMentions(response);
  });

  it('acks an events_api envelope and answers the mention in its thread', async () => {
    const mention = appMentionBody({ text: `<@${BOT_USER_ID}> su-35 talks` });
    socket.send({
      envelope_id: 'env-evt-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: JSON.parse(mention.body),
    });
    await ackFor('env-evt-1');
    const post = await vi.waitFor(() => {
      const [p] = api.callsTo('chat.postMessage');
      if (!p) throw new Error('no post yet');
      return p.params;
    });
    expect(post.thread_ts).toBe(mention.ts);
    expect(post.channel).toBe('C1');
  });

  it('refuses to start when Slack rejects the app-level token', async () => {
    const other = await SlackStandIn.start();
    try {
      await expect(startBot(other, { config: { appToken: 'xapp-1-revoked' } })).rejects.toThrow(
        /SLACK_APP_TOKEN \(invalid_auth\)/,
      );
    } finally {
      await other.close();
    }
  });

  it('is no longer ready once stopped, and closes the socket', async () => {
    await bot.slack.stop();
    expect(bot.slack.isReady()).toBe(false);
    await vi.waitFor(() => expect(socket.connected).toBe(false));
  });
});

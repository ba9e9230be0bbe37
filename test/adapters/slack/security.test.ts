/**
 * Request signing in HTTP mode: only requests signed with the signing secret within the
 * last five minutes reach a handler. Everything else gets a bare 401 and runs nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shortcutCallbackId } from '../../../adapters/slack/deps.js';
import { startBot, type TestBot } from './bot.js';
import {
  appMentionBody,
  FORM,
  JSON_TYPE,
  messageShortcutBody,
  postSigned,
  slackSignature,
  slashCommandBody,
  SIGNING_SECRET,
} from './signed.js';
import { BOT_USER_ID, SlackStandIn } from './stand-ins.js';

const CHECK_CLAIMS_CALLBACK_ID = shortcutCallbackId({ name: 'Check claims' });

let api: SlackStandIn;
let bot: TestBot;

beforeEach(async () => {
  api = await SlackStandIn.start();
  bot = await startBot(api);
});

afterEach(async () => {
  await bot.slack.stop();
  await api.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** Nothing a handler would do happened: no Web API call after start-up, no response_url post. */
async function expectNothingRan(): Promise<void> {
  // A handler that ran would have answered within milliseconds; give it ample time to show up.
  await sleep(300);
  expect(api.calls.map((c) => c.method)).toEqual(['auth.test']);
  expect(api.responses).toEqual([]);
}

const command = () => slashCommandBody('/ask', 'when did russia lift the arms embargo', api.responseUrl('sec'));

describe('a correctly signed request', () => {
  it('is answered (the control for the refusals below)', async () => {
    const res = await postSigned(bot.url, command(), FORM);
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(api.responsesTo('sec')).toHaveLength(1));
  });
});

describe('refused with 401, and no handler runs', () => {
  it('a wrong signature', async () => {
    const res = await postSigned(bot.url, command(), FORM, { secret: 'not-the-signing-secret' });
    expect(res).toEqual({ status: 401, body: '' });
    await expectNothingRan();
  });

  it('a signature of a different body (tampered request)', async () => {
    const t = now();
    const signedFor = slashCommandBody('/ask', 'harmless', api.responseUrl('sec'));
    const res = await postSigned(bot.url, command(), FORM, {
      timestamp: t,
      signature: slackSignature(SIGNING_SECRET, t, signedFor),
    });
    expect(res.status).toBe(401);
    await expectNothingRan();
  });

  it('a missing signature', async () => {
    const res = await postSigned(bot.url, command(), FORM, { unsigned: true });
    expect(res.status).toBe(401);
    await expectNothingRan();
  });

  it('a malformed signature header', async () => {
    const res = await postSigned(bot.url, command(), FORM, { signature: 'sha256=deadbeef' });
    expect(res.status).toBe(401);
    await expectNothingRan();
  });

  it('a correct signature older than five minutes (replay)', async () => {
    const res = await postSigned(bot.url, command(), FORM, { timestamp: now() - 5 * 60 - 1 });
    expect(res.status).toBe(401);
    await expectNothingRan();
  });

  it('an unsigned message shortcut and an unsigned app_mention event', async () => {
    const shortcut = messageShortcutBody(
      CHECK_CLAIMS_CALLBACK_ID,
      { text: 'Russia lifted its arms embargo in 2014.' },
      api.responseUrl('sec'),
      { user: 'UMOD' },
    );
    expect((await postSigned(bot.url, shortcut, FORM, { unsigned: true })).status).toBe(401);
    const event = appMentionBody({ text: `<@${BOT_USER_ID}> su-35 talks` }).body;
    expect((await postSigned(bot.url, event, JSON_TYPE, { secret: 'wrong' })).status).toBe(401);
    await expectNothingRan();
  });

  it('logs each refusal as a warning through our logger', async () => {
    await postSigned(bot.url, command(), FORM, { unsigned: true });
    await vi.waitFor(() => expect(bot.logs.atLeast(40).some((e) => /verify/i.test(String(e.msg)))).toBe(true));
  });
});

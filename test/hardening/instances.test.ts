/**
 * Limits that hold whatever reaches the bot twice, and across instances: a Slack event
 * retried (same event_id, X-Slack-Retry-Num) is answered once, a signed request replayed is
 * handled once, a signature from more than five minutes ahead is refused. With PostgreSQL,
 * two bot instances (each its own Bolt app and its own connections to one database) share the
 * cooldown and the de-duplication, as instances behind a load balancer do.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cooldownNotice } from '../../adapters/pipeline/texts.js';
import { escapeSlack } from '../../adapters/slack/render.js';
import { Engine } from '../../src/core/engine.js';
import { Moderation } from '../../src/moderation/index.js';
import { startBot, strings, type TestBot } from '../adapters/slack/bot.js';
import { appMentionBody, FORM, JSON_TYPE, postSigned, slashCommandBody } from '../adapters/slack/signed.js';
import { BOT_USER_ID, SlackStandIn } from '../adapters/slack/stand-ins.js';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';
import { dropSchema, TEST_DATABASE_URL } from '../store/backends.js';

const QUESTION = 'when did the bridge open';
const now = () => Math.floor(Date.now() / 1000);

let pack: PackCopy;
let engine: Engine;
let api: SlackStandIn;
beforeAll(async () => {
  pack = copyPack();
  engine = Engine.fromDir(pack.dir);
  api = await SlackStandIn.start();
});
afterAll(async () => {
  await api?.close();
  pack?.remove();
});

const posts = () => api.callsTo('chat.postMessage').length;

/** Sends an event, then its retry as Slack does: the same body, signed anew, with X-Slack-Retry-Num. */
async function eventAndRetry(first: TestBot, second: TestBot) {
  const { body } = appMentionBody({ text: `<@${BOT_USER_ID}> ${QUESTION}` });
  const before = posts();
  expect((await postSigned(first.url, body, JSON_TYPE, { timestamp: now() - 2 })).status).toBe(200);
  await vi.waitFor(() => expect(posts()).toBe(before + 1));
  const retry = await postSigned(second.url, body, JSON_TYPE, {
    timestamp: now(),
    headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
  });
  expect(retry.status).toBe(200);
  // Whatever the retry would have done, it would have done by now.
  await new Promise((r) => setTimeout(r, 300));
  expect(posts()).toBe(before + 1);
}

describe('one instance, limits in memory', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot(api, { engine });
  });
  afterAll(() => bot?.slack.stop());

  it("answers Slack's retry of an event once", () => eventAndRetry(bot, bot));

  it('handles a replayed signed request once', async () => {
    const body = slashCommandBody('/ask', QUESTION, api.responseUrl('replayed'));
    const timestamp = now();
    expect((await postSigned(bot.url, body, FORM, { timestamp })).status).toBe(200);
    expect((await postSigned(bot.url, body, FORM, { timestamp })).status).toBe(200);
    await vi.waitFor(() => expect(api.responsesTo('replayed')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(api.responsesTo('replayed')).toHaveLength(1);
  });

  it('refuses a signature dated more than five minutes ahead with 401', async () => {
    const body = slashCommandBody('/ask', QUESTION, api.responseUrl('ahead'));
    expect(await postSigned(bot.url, body, FORM, { timestamp: now() + 6 * 60 })).toEqual({ status: 401, body: '' });
    expect((await postSigned(bot.url, body, FORM, { timestamp: now() + 60 })).status).toBe(200);
    await vi.waitFor(() => expect(api.responsesTo('ahead')).toHaveLength(1));
  });
});

describe.runIf(TEST_DATABASE_URL)('two instances sharing PostgreSQL', () => {
  const schema = `t_instances_${process.pid}_${Date.now().toString(36)}`;
  const mods: Moderation[] = [];
  const bots: TestBot[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const mod = await Moderation.open({ databaseUrl: TEST_DATABASE_URL, schema, retentionDays: 0 }, engine, {
        pollMs: 0,
      });
      mods.push(mod);
      bots.push(await startBot(api, { engine, moderation: mod, cooldownSeconds: 30 }));
    }
  });
  afterAll(async () => {
    for (const b of bots) await b.slack.stop();
    for (const m of mods) await m.stop();
    await dropSchema(schema);
  });

  it('keep one cooldown: a second request to the other instance waits', async () => {
    const ask = async (bot: TestBot, id: string) => {
      await postSigned(bot.url, slashCommandBody('/ask', QUESTION, api.responseUrl(id), { user: 'UCOOL' }), FORM);
      return vi.waitFor(() => {
        const [post] = api.responsesTo(id);
        if (!post) throw new Error('no answer yet');
        return strings(post.body).join('\n');
      });
    };
    expect(await ask(bots[0]!, 'first')).toMatch(/1999/);
    expect(await ask(bots[1]!, 'second')).toContain(escapeSlack(cooldownNotice(30)).slice(0, 20));
  });

  it("answer Slack's retry of an event once, though it reaches the other instance", () =>
    eventAndRetry(bots[0]!, bots[1]!));
});

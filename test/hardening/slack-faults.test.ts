/**
 * Slack failing in the middle of a reply, with the real Bolt app in HTTP mode against the
 * stand-ins. Already covered in test/adapters/slack/http-mode.test.ts ("failures"), and not
 * repeated here: chat.postMessage answering ok:false internal_error (logged, user told, next
 * answered) and HTTP 429 ratelimited (user told, next answered); a handler that throws.
 * Signatures: test/adapters/slack/security.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SOMETHING_WENT_WRONG } from '../../adapters/pipeline/texts.js';
import { RATE_LIMITED } from '../../adapters/slack/failures.js';
import type { Engine } from '../../src/core/engine.js';
import { citationBlocks, knowledge, startBot, strings, type BotOptions, type TestBot } from '../adapters/slack/bot.js';
import { appMentionBody, FORM, JSON_TYPE, postSigned, slashCommandBody } from '../adapters/slack/signed.js';
import { BOT_USER_ID, SlackStandIn } from '../adapters/slack/stand-ins.js';
import { denylistMatcher, expectNoDenylisted } from './safety.js';

const ANSWERABLE = 'when did russia lift the arms embargo';
const BOT_TOKEN = 'xoxb-stand-in-bot-token';

let api: SlackStandIn;
let bot: TestBot | undefined;
let ids = 0;

beforeEach(async () => {
  api = await SlackStandIn.start();
});
afterEach(async () => {
  await bot?.slack.stop();
  bot = undefined;
  await api.close();
});

async function start(options: BotOptions = {}): Promise<TestBot> {
  bot = await startBot(api, options);
  return bot;
}

async function mention(text: string) {
  const m = appMentionBody({ text: `<@${BOT_USER_ID}> ${text}` });
  const ack = await postSigned(bot!.url, m.body, JSON_TYPE);
  return { ack, ...m };
}

/** A slash command whose answer goes to the response_url `id`. */
async function slash(text: string, id = `r${++ids}`) {
  const body = slashCommandBody('/ask', text, api.responseUrl(id));
  const started = Date.now();
  const ack = await postSigned(bot!.url, body, FORM);
  return { ack, id, ackMs: Date.now() - started, trigger: new URLSearchParams(body).get('trigger_id')! };
}

const firstResponse = (id: string) =>
  vi.waitFor(() => {
    const [r] = api.responsesTo(id);
    if (!r) throw new Error(`nothing posted to ${id} yet`);
    return r.body;
  });

const postsOf = (method: string, count: number) =>
  vi.waitFor(
    () => {
      const calls = api.callsTo(method);
      if (calls.length < count) throw new Error(`only ${calls.length} ${method} calls`);
      return calls;
    },
    { timeout: 8000 },
  );

describe('chat.postMessage failing under a mention', () => {
  it('a transient HTTP 500 is retried and the answer is posted once, with no apology', async () => {
    await start();
    api.failNext('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' } });
    const { ts } = await mention(ANSWERABLE);
    const calls = await postsOf('chat.postMessage', 2);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.params.thread_ts).toBe(ts);
    expect(citationBlocks(calls[1]!.params).length).toBeGreaterThan(0);
    expect(api.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('an HTTP 500 that outlasts the retries is reported to the user and logged, and the next mention is answered', async () => {
    await start();
    api.failNext('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' } }, 3);
    const first = await mention(ANSWERABLE);
    const [told] = await postsOf('chat.postEphemeral', 1);
    expect(told!.params.text).toBe(SOMETHING_WENT_WRONG);
    expect(api.callsTo('chat.postMessage')).toHaveLength(3);
    expect(bot!.logs.atLeast(50).some((e) => e.requestId === first.eventId && e.msg === 'mention failed')).toBe(true);

    const second = await mention(ANSWERABLE);
    const posts = await postsOf('chat.postMessage', 4);
    expect(posts[3]!.params.thread_ts).toBe(second.ts);
  });

  it('ok:false "ratelimited" (HTTP 200) is not retried but reported as a rate limit, and the next mention is answered', async () => {
    await start();
    api.failNext('chat.postMessage', { body: { ok: false, error: 'ratelimited' } });
    await mention(ANSWERABLE);
    const [told] = await postsOf('chat.postEphemeral', 1);
    expect(told!.params.text).toBe(RATE_LIMITED);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    await mention(ANSWERABLE);
    await postsOf('chat.postMessage', 2);
    expect(bot!.slack.isReady()).toBe(true);
  });
});

describe('a response_url that never answers', () => {
  it('is given up on within the deadline and logged; the app keeps acking and answering', async () => {
    const deadline = 400;
    await start({ httpTimeoutMs: deadline });
    api.stalled.add('dead');
    const stuck = await slash(ANSWERABLE, 'dead');
    expect(stuck.ack.status).toBe(200);
    expect(stuck.ackMs).toBeLessThan(3000);

    // The answer times out, the apology to the same dead URL times out too, and the listener ends.
    const gaveUp = await vi.waitFor(
      () => {
        const line = bot!.logs
          .atLeast(50)
          .find((e) => e.requestId === stuck.trigger && e.msg === 'could not tell the user about the failure');
        if (!line) throw new Error('the listener has not given up yet');
        return line;
      },
      { timeout: 10 * deadline },
    );
    expect(JSON.stringify(gaveUp)).toMatch(/timeout|aborted/i);
    expect(bot!.logs.atLeast(50).some((e) => e.requestId === stuck.trigger && e.msg === 'slash command failed')).toBe(
      true,
    );
    expect(api.responsesTo('dead')).toHaveLength(2);

    // Meanwhile and afterwards, other commands are acked and answered as usual.
    const next = await slash(ANSWERABLE);
    expect(next.ack.status).toBe(200);
    expect(citationBlocks(await firstResponse(next.id)).length).toBeGreaterThan(0);
    expect(bot!.slack.isReady()).toBe(true);
  });

  it('does not hold up the commands that arrive while it hangs', async () => {
    await start({ httpTimeoutMs: 5000 });
    api.stalled.add('slow');
    await slash(ANSWERABLE, 'slow');
    const others = await Promise.all([1, 2, 3].map(() => slash(ANSWERABLE)));
    for (const o of others) expect(citationBlocks(await firstResponse(o.id)).length).toBeGreaterThan(0);
    expect(api.responsesTo('slow')).toHaveLength(1);
  });
});

describe('what a failure shows the user', () => {
  it('never includes the bot token, even when the error message carries it', async () => {
    const broken = Object.create(knowledge()) as Engine;
    broken.ask = () => {
      throw new Error(`upstream refused token ${BOT_TOKEN} (Authorization: Bearer ${BOT_TOKEN})`);
    };
    await start({ engine: broken });
    const { id } = await slash(ANSWERABLE);
    const reply = await firstResponse(id);
    expect(reply.text).toBe(SOMETHING_WENT_WRONG);
    expect(JSON.stringify(reply)).not.toContain(BOT_TOKEN);
    // The failure is logged, and the logger scrubs the token there too.
    await vi.waitFor(() => expect(bot!.logs.atLeast(50).some((e) => e.msg === 'slash command failed')).toBe(true));
    expect(JSON.stringify(bot!.logs.entries)).not.toContain(BOT_TOKEN);
  });

  it('an unknown command name is echoed masked and never cut into a denylisted word', async () => {
    await start();
    const denied = denylistMatcher(knowledge());
    // "/www…-pakistan": the echo keeps 40 characters, which for one of these used to end in "-paki".
    const pads = [33, 34, 35, 36, 37];
    for (const pad of pads) await mention(`/${'w'.repeat(pad)}-pakistan now`);
    const told = await postsOf('chat.postEphemeral', pads.length);
    for (const call of told) {
      expect(strings(call.params).join(' ')).toMatch(/\/w+/);
      expectNoDenylisted(call.params, denied);
    }
  });
});

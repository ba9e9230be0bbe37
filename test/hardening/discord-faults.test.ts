/**
 * Discord failing in the middle of a reply: the real discord.js client (startDiscord)
 * against the stand-in. Already covered in test/adapters/discord/bot.test.ts, and not
 * repeated here: a 500 on the interaction callback itself (logged; the user cannot be told,
 * since the callback is the only way to reach them; the next interaction is answered), the
 * gateway closing the socket mid-session (the client resumes and answers afterwards), a
 * handler that throws (the user is told privately), and a 403 on the channel post.
 */
import { InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeDiscord } from '../../adapters/discord/markdown.js';
import { SOMETHING_WENT_WRONG } from '../../adapters/pipeline/texts.js';
import { Engine } from '../../src/core/engine.js';
import { loadPack } from '../../src/knowledge/load.js';
import { KNOWLEDGE, member, moderator, startBot, type RunningBot } from '../adapters/discord/harness.js';
import { chatInput, message, messageCommand, stringOption } from '../adapters/discord/payloads.js';
import { callbackOf, originalEditOf, type RecordedRequest } from '../adapters/discord/stand-in.js';

/** Discord's window for the first response to an interaction. */
const DEADLINE_MS = 3000;
const CLAIMS = 'Russia lifted its arms embargo on Pakistan in 2014. Russia built Pakistan Steel Mills in Karachi.';

/** The real engine, except that asking throws an error whose message carries a secret (the bot token, once known). */
class LeakyEngine extends Engine {
  secret = '';
  override ask(question: string) {
    if (question.startsWith('leak'))
      throw new Error(`REST 401 for token ${this.secret} (Authorization: Bot ${this.secret})`);
    return super.ask(question);
  }
}

let run: RunningBot;
let engine: LeakyEngine;

beforeAll(async () => {
  engine = new LeakyEngine(loadPack(KNOWLEDGE));
  run = await startBot({ engine });
  engine.secret = run.discord.token;
});
afterAll(async () => {
  await run?.stop();
});

const where = (inThread = false) => ({ guild: run.discord.guilds[0]!, inThread });
const ask = (question: string) =>
  chatInput(run.discord.applicationId, 'ask', [stringOption('question', question)], member(), where());
const attemptsOn = (prefix: string) => run.discord.requests.filter((r) => r.route.startsWith(prefix));
const channelPostOf = (messageId: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.route.startsWith('/channels/') && r.body?.message_reference?.message_id === messageId;

describe('Discord faults', () => {
  it('a 429 with retry_after on the interaction callback is waited out and retried: the answer still arrives, in time', async () => {
    const payload = ask('when did russia lift the arms embargo');
    const prefix = `/interactions/${payload.id}/`;
    run.discord.fail(
      (r) => r.route.startsWith(prefix),
      429,
      { message: 'You are being rate limited.', retry_after: 1, global: false },
      { times: 1, headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' } },
    );
    const sent = run.discord.dispatchInteraction(payload);
    const callback = await run.discord.waitForRequest(callbackOf(sent.id), 5000);

    const [limited, ...rest] = attemptsOn(prefix);
    expect(limited!.status).toBe(429);
    expect(rest).toEqual([callback]);
    // discord.js waited for retry_after before trying again, and still met Discord's deadline.
    expect(callback.at - limited!.at).toBeGreaterThanOrEqual(900);
    expect(callback.at - sent.dispatchedAt).toBeLessThan(DEADLINE_MS);
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.body.data.embeds[0].fields.length).toBeGreaterThan(0);
  });

  it('a transient 500 on posting the checked claims is retried and the verdicts are posted once', async () => {
    const msg = message(run.discord.guilds[0]!.threadId, member().user, CLAIMS);
    const payload = messageCommand(run.discord.applicationId, 'Check claims', msg, moderator(), where(true));
    run.discord.fail(channelPostOf(msg.id), 500, undefined, { times: 1 });
    run.discord.dispatchInteraction(payload);
    const edit = await run.discord.waitForRequest(originalEditOf(payload.token), 8000);
    const posts = run.discord.requests.filter(channelPostOf(msg.id));
    expect(posts.map((p) => p.status)).toEqual([500, 200]);
    expect(posts[1]!.body.embeds.length).toBeGreaterThan(0);
    expect(edit.body.content).not.toBe(escapeDiscord(SOMETHING_WENT_WRONG));
  });

  it('a 500 that outlasts discord.js’s retries is logged and the moderator is told, privately, through the deferred reply', async () => {
    const msg = message(run.discord.guilds[0]!.threadId, member().user, CLAIMS);
    const payload = messageCommand(run.discord.applicationId, 'Check claims', msg, moderator(), where(true));
    const undo = run.discord.fail(channelPostOf(msg.id), 500);
    try {
      run.discord.dispatchInteraction(payload);
      const edit = await run.discord.waitForRequest(originalEditOf(payload.token), 15_000);
      expect(edit.body.content).toBe(escapeDiscord(SOMETHING_WENT_WRONG));
    } finally {
      undo();
    }
    const posts = run.discord.requests.filter(channelPostOf(msg.id));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts.every((p) => p.status === 500)).toBe(true);
    expect(run.logs.some((l) => l.interaction === payload.id && l.msg === 'interaction failed' && l.level >= 50)).toBe(
      true,
    );

    // And the bot carries on.
    const next = run.discord.dispatchInteraction(ask('su-35 talks'));
    expect((await run.discord.waitForRequest(callbackOf(next.id))).body.data.embeds[0].fields.length).toBeGreaterThan(
      0,
    );
  });

  it('an error reply never shows the bot token, even when the error message carries it', async () => {
    const sent = run.discord.dispatchInteraction(ask('leak please'));
    const callback = await run.discord.waitForRequest(callbackOf(sent.id));
    expect(callback.body.data.content).toBe(escapeDiscord(SOMETHING_WENT_WRONG));
    expect(JSON.stringify(callback.body)).not.toContain(run.discord.token);
    // The error really did carry the token: it reached the log (the test harness's logger is
    // not given the secrets; the process's is, see test/app/log.test.ts).
    expect(run.logs.some((l) => l.interaction === sent.id && l.err?.message.includes(run.discord.token))).toBe(true);
  });
});

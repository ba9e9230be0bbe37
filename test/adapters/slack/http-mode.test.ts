/**
 * The real Bolt app in HTTP mode, driven by signed requests exactly as Slack sends them,
 * answering through local stand-ins of the Web API and the response_url.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VERDICT_LABEL } from '../../../adapters/shared/describe.js';
import { emptyInput, SOMETHING_WENT_WRONG } from '../../../adapters/pipeline/texts.js';
import { RATE_LIMITED } from '../../../adapters/slack/failures.js';
import { shortcutCallbackId } from '../../../adapters/slack/deps.js';
import type { Engine } from '../../../src/core/engine.js';
import {
  blocksOf,
  citationBlocks,
  expectNoLiveMentions,
  expectWithinSlackLimits,
  knowledge,
  startBot,
  type TestBot,
} from './bot.js';
import {
  appMentionBody,
  FORM,
  JSON_TYPE,
  messageShortcutBody,
  postSigned,
  slashCommandBody,
  type Who,
} from './signed.js';
import { BOT_USER_ID, SlackStandIn, type ResponseUrlPost } from './stand-ins.js';

const CHECK_CLAIMS_CALLBACK_ID = shortcutCallbackId({ name: 'Check claims' });

const ANSWERABLE = 'when did russia lift the arms embargo';
const OFF_TOPIC = 'what is the capital of France';
const CLAIMS = [
  'Russia lifted its arms embargo on Pakistan in 2014.',
  'Pakistan and Russia held talks on Su-35 fighter jets.',
  'The Karachi Lahore gas pipeline was to be built with Russian help.',
  'Russia and Pakistan held their first joint military exercise in 2016.',
  'Pakistan bought Mi-35 helicopters from Russia.',
  'Russia and Pakistan signed a defence cooperation agreement.',
  'The pipeline would carry liquefied natural gas from Karachi to Lahore.',
];
const VERDICT_EMOJIS = Object.values(VERDICT_LABEL).map((l) => l.emoji);

let api: SlackStandIn;
let bot: TestBot;
let ids = 0;

beforeEach(async () => {
  api = await SlackStandIn.start();
  bot = await startBot(api);
});

afterEach(async () => {
  await bot.slack.stop();
  await api.close();
});

/** Sends a slash command and returns Bolt's ack and the one message posted to the response_url. */
async function slash(
  command: string,
  text: string,
  who?: Who,
): Promise<{ ack: { status: number; body: string }; response: ResponseUrlPost['body'] }> {
  const id = `r${++ids}`;
  const ack = await postSigned(bot.url, slashCommandBody(command, text, api.responseUrl(id), who), FORM);
  const response = await vi.waitFor(() => {
    const [first] = api.responsesTo(id);
    if (!first) throw new Error(`no response_url post for ${command}`);
    return first.body;
  });
  return { ack, response };
}

async function shortcut(text: string, who?: Who, message: { ts?: string; thread_ts?: string } = {}) {
  const id = `s${++ids}`;
  const ack = await postSigned(
    bot.url,
    messageShortcutBody(CHECK_CLAIMS_CALLBACK_ID, { text, ...message }, api.responseUrl(id), who),
    FORM,
  );
  return { ack, id };
}

async function mention(text: string, extra: { thread_ts?: string; who?: Who } = {}) {
  const m = appMentionBody({ text, thread_ts: extra.thread_ts }, extra.who);
  const ack = await postSigned(bot.url, m.body, JSON_TYPE);
  return { ack, ...m };
}

const waitForPost = (count = 1) =>
  vi.waitFor(() => {
    const posts = api.callsTo('chat.postMessage');
    if (posts.length < count) throw new Error(`only ${posts.length} chat.postMessage calls`);
    return posts[count - 1]!.params;
  });

describe('Events API handshake', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await postSigned(
      bot.url,
      JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }),
      JSON_TYPE,
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'c-123' });
  });

  it('checked the bot token with auth.test at start-up, with the token as a Bearer header', () => {
    const [call] = api.callsTo('auth.test');
    expect(call?.authorization).toBe('Bearer xoxb-stand-in-bot-token');
    expect(bot.slack.isReady()).toBe(true);
  });
});

describe('/ask', () => {
  it('acks at once with an empty 200, then answers in the channel with cited sentences', async () => {
    const { ack, response } = await slash('/ask', ANSWERABLE);
    expect(ack).toEqual({ status: 200, body: '' });
    expect(response.response_type).toBe('in_channel');
    expectWithinSlackLimits(response);
    const [first] = blocksOf(response);
    expect(first?.type).toBe('section');
    expect(first?.text?.text).toMatch(/\[1\]/);
    expect(citationBlocks(response).length).toBeGreaterThan(0);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers only the asker with "/ask private …"', async () => {
    const { response } = await slash('/ask', `private ${ANSWERABLE}`);
    expect(response.response_type).toBe('ephemeral');
    expect(citationBlocks(response).length).toBeGreaterThan(0);
  });

  it('says plainly when the sources have no answer, with no citations', async () => {
    const { response } = await slash('/ask', OFF_TOPIC);
    expect(response.response_type).toBe('in_channel');
    expectWithinSlackLimits(response);
    expect(citationBlocks(response)).toHaveLength(0);
  });

  it('tells only the asker when the question is missing', async () => {
    const { response } = await slash('/ask', '   ');
    expect(response.response_type).toBe('ephemeral');
    const empty = emptyInput('question', '/ask', knowledge().pack.meta.examples?.question);
    expect(response.text).toBe(empty.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('never lets <!channel> or <@U123> in a question become a live mention', async () => {
    const { response } = await slash('/ask', `<!channel> <!here|here> <@U123> <!everyone> ${ANSWERABLE}`);
    expectWithinSlackLimits(response);
    expectNoLiveMentions(response);
    // Addressing is not part of the question, so it is still answered.
    expect(citationBlocks(response).length).toBeGreaterThan(0);
  });

  it('handles a 4000-character question within Slack limits', async () => {
    const long = `${ANSWERABLE} ${'<!channel> su-35 talks & gas pipeline '.repeat(120)}`.slice(0, 4000);
    expect(long).toHaveLength(4000);
    const { ack, response } = await slash('/ask', long);
    expect(ack.status).toBe(200);
    expectWithinSlackLimits(response);
    expectNoLiveMentions(response);
  });
});

describe('/check', () => {
  it('answers with a verdict emoji, the claim and a one-line reason', async () => {
    const { ack, response } = await slash('/check', 'Russia lifted its arms embargo on Pakistan in 2010');
    expect(ack).toEqual({ status: 200, body: '' });
    expect(response.response_type).toBe('in_channel');
    expectWithinSlackLimits(response);
    const head = blocksOf(response)[0]!.text!.text;
    expect(VERDICT_EMOJIS.some((e) => head.startsWith(e))).toBe(true);
    expect(head).toContain('arms embargo');
    expect(head.split('\n')).toHaveLength(2);
  });

  it('echoes a claim full of mentions without any live one', async () => {
    const { response } = await slash(
      '/check',
      '<!channel> <@U123> says Russia lifted its arms embargo in 2010 <!subteam^S1|@mods>',
    );
    expectNoLiveMentions(response);
    expect(blocksOf(response)[0]!.text!.text).toContain('arms embargo in 2010');
  });

  it('echoes mention markup the user typed literally as harmless text', async () => {
    // Typing "<!channel>" in Slack arrives entity-escaped; the echo must show it, not ping.
    const { response } = await slash(
      '/check',
      '&lt;!channel&gt; &lt;@U123&gt; Russia lifted its arms embargo in 2010, see <https://evil.example|this>',
    );
    expectNoLiveMentions(response);
    expect(blocksOf(response)[0]!.text!.text).toContain('&lt;!channel&gt; &lt;@U123&gt;');
  });

  it('handles a 4000-character claim', async () => {
    const long = 'Russia lifted its arms embargo <@U123> & more '.repeat(100).slice(0, 4000);
    const { response } = await slash('/check', long);
    expectWithinSlackLimits(response);
    expectNoLiveMentions(response);
  });
});

describe('/sources', () => {
  it('lists the documents in the channel', async () => {
    const { ack, response } = await slash('/sources', '');
    expect(ack).toEqual({ status: 200, body: '' });
    expect(response.response_type).toBe('in_channel');
    expectWithinSlackLimits(response);
    const listed = blocksOf(response)
      .map((b) => b.text?.text ?? '')
      .join('\n');
    for (const s of knowledge().sources()) expect(listed).toContain(s.document);
  });
});

describe('@mentions', () => {
  it('answers in the thread of the mention, without the mention itself', async () => {
    const { ack, ts } = await mention(`<@${BOT_USER_ID}> ${ANSWERABLE}`);
    expect(ack).toEqual({ status: 200, body: '' });
    const post = await waitForPost();
    expect(post.channel).toBe('C1');
    expect(post.thread_ts).toBe(ts);
    expectWithinSlackLimits(post as { text: unknown; blocks: unknown });
    expect(citationBlocks(post).length).toBeGreaterThan(0);
    expectNoLiveMentions(post);
  });

  it('stays in the existing thread when mentioned inside one', async () => {
    await mention(`<@${BOT_USER_ID}> su-35 talks`, { thread_ts: '1700000001.000001' });
    expect((await waitForPost()).thread_ts).toBe('1700000001.000001');
  });

  it('never pings when the mention carries <!channel> and <@U123>', async () => {
    await mention(`<@${BOT_USER_ID}> /check <!channel> <@U123> says Russia lifted its arms embargo in 2010`);
    const post = await waitForPost();
    expectNoLiveMentions(post);
    expect(blocksOf(post)[0]!.text!.text).toMatch(new RegExp(`^(${VERDICT_EMOJIS.join('|')})`));
  });
});

describe('@mentions that are not questions', () => {
  it('answers a bare mention with the help text in its thread', async () => {
    const { ts } = await mention(`<@${BOT_USER_ID}>`);
    const post = await waitForPost();
    expect(post.thread_ts).toBe(ts);
    expect(String(post.text)).toContain('/ask');
  });

  it('tells only the asker about an unknown command, and posts nothing', async () => {
    await mention(`<@${BOT_USER_ID}> /frobnicate now`);
    const notice = await vi.waitFor(() => {
      const [e] = api.callsTo('chat.postEphemeral');
      if (!e) throw new Error('no notice yet');
      return e.params;
    });
    expect(notice).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(notice.text)).toContain('/frobnicate');
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('"Check claims" message shortcut', () => {
  const message = CLAIMS.join(' ');

  it('posts at most five verdicts in the thread of the message for a moderator', async () => {
    const { ack, id } = await shortcut(message, { user: 'UMOD' }, { ts: '1700000050.000100' });
    expect(ack).toEqual({ status: 200, body: '' });
    const post = await waitForPost();
    expect(post.channel).toBe('C1');
    expect(post.thread_ts).toBe('1700000050.000100');
    expectWithinSlackLimits(post as { text: unknown; blocks: unknown });
    // A verdict's section starts with its emoji; the "⚠️ Sources disagree" section is not a verdict.
    const verdicts = blocksOf(post).filter(
      (b) =>
        b.type === 'section' &&
        VERDICT_EMOJIS.some((e) => b.text!.text.startsWith(e)) &&
        !b.text!.text.includes('Sources disagree'),
    );
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.length).toBeLessThanOrEqual(5);
    expect(api.responsesTo(id)).toHaveLength(0);
  });

  it('posts in the parent thread when the message is itself a reply', async () => {
    await shortcut(message, { user: 'UMOD' }, { ts: '1700000060.000200', thread_ts: '1700000001.000001' });
    expect((await waitForPost()).thread_ts).toBe('1700000001.000001');
  });

  it('lets workspace admins run it (users.info is_admin)', async () => {
    api.admins.add('UADMIN');
    await shortcut(message, { user: 'UADMIN' });
    await waitForPost();
    expect(api.callsTo('users.info')[0]?.params.user).toBe('UADMIN');
  });

  it('lets members of a moderator user group run it', async () => {
    await bot.slack.stop();
    bot = await startBot(api, { config: { moderators: ['S0MODS'] } });
    api.groups.set('S0MODS', ['UGROUPIE']);
    await shortcut(message, { user: 'UGROUPIE' });
    await waitForPost();
  });

  it('refuses everyone else with a private explanation and posts nothing', async () => {
    const { ack, id } = await shortcut(message, { user: 'U1' });
    expect(ack).toEqual({ status: 200, body: '' });
    const [reply] = await vi.waitFor(() => {
      const r = api.responsesTo(id);
      if (!r.length) throw new Error('no explanation yet');
      return r;
    });
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(reply!.body.text).toMatch(/admins|moderators/);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('checks a 4000-character message full of mentions within limits', async () => {
    const long = `<!channel> <@U123> ${message} `.repeat(40).slice(0, 4000);
    await shortcut(long, { user: 'UMOD' });
    const post = await waitForPost();
    expectWithinSlackLimits(post as { text: unknown; blocks: unknown });
    expectNoLiveMentions(post);
  });
});

describe('failures', () => {
  it('logs a chat.postMessage internal_error, tells the user, and keeps answering', async () => {
    api.failNext('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
    const first = await mention(`<@${BOT_USER_ID}> ${ANSWERABLE}`);
    const ephemeral = await vi.waitFor(() => {
      const [e] = api.callsTo('chat.postEphemeral');
      if (!e) throw new Error('user not told yet');
      return e.params;
    });
    expect(ephemeral.text).toBe(SOMETHING_WENT_WRONG);
    expect(ephemeral.user).toBe('U1');
    const logged = bot.logs.atLeast(50).find((e) => e.requestId === first.eventId);
    expect(logged?.msg).toBe('mention failed');
    expect(JSON.stringify(logged)).toContain('internal_error');

    const second = await mention(`<@${BOT_USER_ID}> ${ANSWERABLE}`);
    expect((await waitForPost(2)).thread_ts).toBe(second.ts);
    expect(bot.slack.isReady()).toBe(true);
  });

  it('logs a rate-limited chat.postMessage (HTTP 429), tells the moderator, and keeps answering', async () => {
    api.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: { ok: false, error: 'ratelimited' },
    });
    const first = await shortcut(CLAIMS.join(' '), { user: 'UMOD' });
    const [told] = await vi.waitFor(() => {
      const r = api.responsesTo(first.id);
      if (!r.length) throw new Error('user not told yet');
      return r;
    });
    expect(told!.body.response_type).toBe('ephemeral');
    expect(told!.body.text).toBe(RATE_LIMITED);
    expect(bot.logs.atLeast(50).some((e) => e.msg === 'check claims failed')).toBe(true);

    await shortcut(CLAIMS.join(' '), { user: 'UMOD' });
    await waitForPost(2);
    const { response } = await slash('/ask', ANSWERABLE);
    expect(citationBlocks(response).length).toBeGreaterThan(0);
  });

  it('logs a handler error with the request id and tells the user privately', async () => {
    await bot.slack.stop();
    const broken = Object.create(knowledge()) as Engine;
    broken.ask = () => {
      throw new Error('index exploded');
    };
    bot = await startBot(api, { engine: broken });
    const { ack, response } = await slash('/ask', ANSWERABLE);
    expect(ack.status).toBe(200);
    expect(response).toMatchObject({ response_type: 'ephemeral', text: SOMETHING_WENT_WRONG });
    const logged = bot.logs.atLeast(50).find((e) => e.msg === 'slash command failed');
    expect(logged?.requestId).toMatch(/^trigger-/);
    expect(JSON.stringify(logged)).toContain('index exploded');
  });
});

describe('configuration', () => {
  it('makes every answer private when SLACK_PRIVATE_BY_DEFAULT is set', async () => {
    await bot.slack.stop();
    bot = await startBot(api, { config: { privateByDefault: true } });
    const { response } = await slash('/ask', ANSWERABLE);
    expect(response.response_type).toBe('ephemeral');
  });

  it('listens under configured command names', async () => {
    await bot.slack.stop();
    bot = await startBot(api, {
      config: { commands: { ask: '/cc-ask', check: '/cc-check', sources: '/cc-sources', crosscheck: '/cc-mod' } },
    });
    const { response } = await slash('/cc-ask', ANSWERABLE);
    expect(citationBlocks(response).length).toBeGreaterThan(0);
    const { response: sources } = await slash('/cc-sources', '');
    expectWithinSlackLimits(sources);
  });

  it('refuses to start, saying why, when Slack rejects the bot token', async () => {
    api.failNext('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    await expect(startBot(api)).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (invalid_auth).');
  });

  it('applies the per-user cooldown, privately', async () => {
    await bot.slack.stop();
    bot = await startBot(api, { cooldownSeconds: 60 });
    const first = await slash('/ask', ANSWERABLE, { user: 'UFAST' });
    expect(first.response.response_type).toBe('in_channel');
    const second = await slash('/ask', ANSWERABLE, { user: 'UFAST' });
    expect(second.response.response_type).toBe('ephemeral');
    expect(second.response.text).toMatch(/wait \d+s/);
    const other = await slash('/ask', ANSWERABLE, { user: 'UOTHER' });
    expect(other.response.response_type).toBe('in_channel');
  });
});

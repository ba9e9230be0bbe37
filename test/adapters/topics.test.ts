/**
 * /topics: every topic of the pack once, by area, with the disputed ones marked and what
 * their sources disagree on; rendered within each platform's limits, and answered by the
 * real discord.js client, the real Bolt app and the console.
 */
import { InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderConsole } from '../../adapters/console/render.js';
import type { DiscordReplyPayload } from '../../adapters/discord/payload.js';
import { renderDiscord } from '../../adapters/discord/render.js';
import type { MessageReply } from '../../adapters/pipeline/reply.js';
import { renderSlack } from '../../adapters/slack/render.js';
import { Engine } from '../../src/core/engine.js';
import { commandReplies } from '../helpers/replies.js';
import { cleanEnv, runEntry } from '../helpers/run.js';
import { expectWithinLimits } from './discord/expectations.js';
import { loadEngine, member, type RunningBot, startBot as startDiscordBot } from './discord/harness.js';
import { chatInput } from './discord/payloads.js';
import { callbackOf } from './discord/stand-in.js';
import { expectNoLiveMentions, expectWithinSlackLimits, startBot as startSlackBot, type TestBot } from './slack/bot.js';
import { FORM, postSigned, slashCommandBody } from './slack/signed.js';
import { SlackStandIn } from './slack/stand-ins.js';

const engine = loadEngine();
const reply = await commandReplies(engine);
const topicsOf = (r: MessageReply) => {
  if (r.kind !== 'topics') throw new Error(`not a topics reply: ${r.kind}`);
  return r.areas.flatMap((a) => a.topics.map((t) => ({ ...t, listedUnder: a.area })));
};
const disputed = [...engine.pack.topics.values()].filter((t) => t.disagreement);

describe('/topics', () => {
  it('lists every topic of the pack once, under its area, with the disputed ones marked by what is disputed', () => {
    const listed = topicsOf(reply('topics', ''));
    expect(listed.map((t) => t.id).sort()).toEqual([...engine.pack.topics.keys()].sort());
    for (const t of listed) {
      const topic = engine.pack.topics.get(t.id)!;
      expect(t).toMatchObject({ name: topic.name, area: topic.area, listedUnder: topic.area });
      expect(t.disagreement).toBe(topic.disagreement?.summary ?? null);
    }
    expect(disputed.length).toBeGreaterThan(0);
    // Each fact counts under its topic.
    expect(listed.reduce((n, t) => n + t.facts, 0)).toBe(engine.facts().length);
  });

  it('lists a pack without disagreements with nothing marked', () => {
    const small = new Engine(loadEngine().pack);
    for (const t of small.pack.topics.values()) delete t.disagreement;
    return commandReplies(small).then((r) => {
      const shown = renderConsole(r('topics', ''), { color: false });
      expect(shown).not.toContain('⚠');
      for (const t of small.pack.topics.values()) expect(shown).toContain(t.name);
    });
  });

  it('renders within Discord’s and Slack’s limits, marking each disputed topic and naming the rest', () => {
    const r = reply('topics', '');
    const discord = renderDiscord(r);
    expectWithinLimits(discord);
    const slack = renderSlack(r);
    expectWithinSlackLimits(slack);
    expectNoLiveMentions(slack);
    const shown = renderConsole(r, { color: false });
    for (const t of engine.pack.topics.values()) expect(shown).toContain(t.name);
    for (const text of [
      discord.embeds[0]!.description!,
      slack.blocks.map((b) => ('text' in b ? b.text.text : '')).join('\n'),
      shown,
    ]) {
      expect(text.match(/⚠/g)).toHaveLength(disputed.length);
    }
  });
});

describe('/topics on the platforms', () => {
  let discord: RunningBot;
  let api: SlackStandIn;
  let slack: TestBot;
  beforeAll(async () => {
    discord = await startDiscordBot({ engine });
    api = await SlackStandIn.start();
    slack = await startSlackBot(api, { engine });
  });
  afterAll(async () => {
    await discord?.stop();
    await slack?.slack.stop();
    await api?.close();
  });

  it('answers on Discord in the channel with a Topics embed', async () => {
    const where = { guild: discord.discord.guilds[0]!, inThread: false };
    const sent = discord.discord.dispatchInteraction(
      chatInput(discord.discord.applicationId, 'topics', [], member(), where),
    );
    const callback = await discord.discord.waitForRequest(callbackOf(sent.id));
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = callback.body.data as DiscordReplyPayload;
    expect(data.flags).toBeUndefined();
    expect(data.embeds[0]!.title).toBe('Topics');
    expectWithinLimits(data);
  });

  it('answers the Slack slash command in the channel', async () => {
    const ack = await postSigned(slack.url, slashCommandBody('/topics', '', api.responseUrl('t1')), FORM);
    expect(ack.status).toBe(200);
    const response = await vi.waitFor(() => {
      const [first] = api.responsesTo('t1');
      if (!first) throw new Error('no answer yet');
      return first.body;
    });
    expect(response.response_type).toBe('in_channel');
    expectWithinSlackLimits(response);
  });

  it('answers on the console, and through the CLI as JSON', async () => {
    const shown = await runEntry('adapters/main.ts', [], { stdin: '/topics\n', env: cleanEnv() });
    expect(shown.code).toBe(0);
    for (const t of engine.pack.topics.values()) expect(shown.stdout).toContain(t.name);
    const json = await runEntry('adapters/cli/main.ts', ['topics', '--json'], { env: cleanEnv() });
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { topics: unknown[] }[]).flatMap((a) => a.topics)).toHaveLength(
      engine.pack.topics.size,
    );
  });
});

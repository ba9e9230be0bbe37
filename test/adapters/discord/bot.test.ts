/**
 * The real discord.js client, started by startDiscord, against the stand-in Discord:
 * interactions go in over the gateway, and the tests assert on the REST calls the bot makes.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIApplicationCommandOption, RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { discordDefinitions } from '../../../adapters/discord/definitions.js';
import { escapeDiscord } from '../../../adapters/discord/markdown.js';
import { type DiscordReplyPayload, EPHEMERAL } from '../../../adapters/discord/payload.js';
import { CANNOT_POST } from '../../../adapters/discord/post-under-message.js';
import { NO_ANSWER_COLOR, VERDICT_COLOR } from '../../../adapters/discord/render.js';
import { loadRegistry } from '../../../adapters/pipeline/registry.js';
import { cooldownNotice, SOMETHING_WENT_WRONG } from '../../../adapters/pipeline/texts.js';
import { expectWithinLimits, RAW_MENTION } from './expectations.js';
import { EXPLODE, loadEngine, member, moderator, startBot, type FailingEngine, type RunningBot } from './harness.js';
import {
  autocomplete,
  booleanOption,
  chatInput,
  message,
  messageCommand,
  stringOption,
  type Actor,
  type Option,
  type Where,
} from './payloads.js';
import { callbackOf, originalEditOf, type RecordedRequest } from './stand-in.js';

/** Discord's window for the first response to an interaction. */
const DEADLINE_MS = 3000;
const CLAIMS = [
  'Russia lifted its arms embargo on Pakistan in 2014.',
  'The Karachi Lahore gas pipeline cost 2 billion dollars.',
  'Pakistan bought Su-35 fighter jets from Russia in 2016.',
  'Russia and Pakistan held the Druzhba joint military drills in 2016.',
  'Russia sold Mi-35 helicopters to Pakistan.',
  'Pakistan joined the Shanghai Cooperation Organisation in 2017.',
  'Russia built Pakistan Steel Mills in Karachi.',
].join(' ');

let engine: FailingEngine;
beforeAll(() => {
  engine = loadEngine();
});

/** Helpers bound to one running bot. */
function using(get: () => RunningBot) {
  const where = (inThread = false): Where => ({ guild: get().discord.guilds[0]!, inThread });
  const slash = (name: string, options: Option[], actor: Actor = member()) =>
    chatInput(get().discord.applicationId, name, options, actor, where());

  /** Dispatches an interaction and returns its first response, checking it came within Discord's deadline. */
  async function interact(payload: Parameters<RunningBot['discord']['dispatchInteraction']>[0]) {
    const sent = get().discord.dispatchInteraction(payload);
    const callback = await get().discord.waitForRequest(callbackOf(sent.id));
    expect(callback.at - sent.dispatchedAt).toBeLessThan(DEADLINE_MS);
    return {
      sent,
      callback,
      data: callback.body.data as DiscordReplyPayload & { choices?: { name: string; value: string }[] },
    };
  }
  return { where, slash, interact };
}

const ask = (question: string, extra: Option[] = []): [string, Option[]] => [
  'ask',
  [stringOption('question', question), ...extra],
];
const isEphemeral = (data: { flags?: number }) => ((data.flags ?? 0) & EPHEMERAL) === EPHEMERAL;
type DefinedOption = APIApplicationCommandOption & { choices?: { value: string | number }[] };
/** The options of a slash command's definition. */
function slashOptions(defs: RESTPostAPIApplicationCommandsJSONBody[], name: string): DefinedOption[] {
  const def = defs.find((d) => d.name === name);
  if (!def || def.type !== ApplicationCommandType.ChatInput) throw new Error(`no slash command ${name}`);
  return (def.options ?? []) as DefinedOption[];
}
const citationFields = (data: DiscordReplyPayload) => data.embeds[0]!.fields.filter((f) => /^\[\d+\]/.test(f.name));

describe('the Discord bot against a stand-in Discord', () => {
  let run: RunningBot;
  const { where, slash, interact } = using(() => run);

  beforeAll(async () => {
    run = await startBot({ engine });
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('connects through the configured REST base with the Guilds intent only', async () => {
    const gateway = run.discord.requests.find((r) => r.route === '/gateway/bot')!;
    expect(gateway.headers.authorization).toBe(`Bot ${run.discord.token}`);
    const identify = await run.discord.waitForFrame((f) => f.op === GatewayOpcodes.Identify);
    expect(identify.d.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify.d.shard).toEqual([0, 1]);
    expect(run.bot.isReady()).toBe(true);
  });

  it('answers /ask in the channel with a cited embed', async () => {
    const { data, callback } = await interact(slash(...ask('when did russia lift the arms embargo')));
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(data)).toBe(false);
    expectWithinLimits(data);
    expect(data.embeds).toHaveLength(1);
    expect(data.embeds[0]!.description).toMatch(/\[1\]/);
    expect(citationFields(data).length).toBeGreaterThan(0);
  });

  it('answers /ask private:true so only the asker sees it', async () => {
    const { data } = await interact(slash(...ask('su-35 talks', [booleanOption('private', true)])));
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds).toHaveLength(1);
  });

  it('says plainly when /ask has no sourced answer', async () => {
    const offTopic = 'qwxz blorptang vemmish';
    expect(engine.ask(offTopic).status).toBe('no_answer');
    const { data } = await interact(slash(...ask(offTopic)));
    expect(data.embeds[0]!.color).toBe(NO_ANSWER_COLOR);
    expect(data.embeds[0]!.fields).toEqual([]);
  });

  it('answers /check with a coloured verdict, a one-line reason and evidence', async () => {
    const { data } = await interact(
      slash('check', [stringOption('claim', 'Russia lifted its arms embargo on Pakistan in 2014')]),
    );
    expectWithinLimits(data);
    const [e] = data.embeds;
    expect(Object.values(VERDICT_COLOR)).toContain(e!.color);
    expect(e!.description).not.toContain('\n');
    expect(citationFields(data).length).toBeGreaterThan(0);
  });

  it('lists the documents with /sources, and shows one with its fact count', async () => {
    const sources = engine.sources();
    const list = await interact(slash('sources', []));
    expect(list.data.embeds[0]!.description!.split('\n')).toHaveLength(sources.length);
    for (const s of sources) expect(list.data.embeds[0]!.description).toContain(escapeDiscord(s.title));

    const choices = slashOptions(discordDefinitions(await loadRegistry(), engine), 'sources')[0]!.choices!;
    const chosen = sources.find((s) => s.document === choices[0]!.value)!;
    const one = await interact(slash('sources', [stringOption('document', chosen.document)]));
    expect(one.data.embeds[0]!.title).toBe(escapeDiscord(chosen.title));
    expect(one.data.embeds[0]!.fields.find((f) => /facts/i.test(f.name))!.value).toBe(String(chosen.facts));
  });

  it('suggests at most 25 questions while typing, fast and within Discord’s lengths', async () => {
    for (const typed of ['su', 'pipeline', 'arms '.repeat(800)]) {
      const { callback, data } = await interact(
        autocomplete(run.discord.applicationId, 'ask', 'question', typed, member(), where()),
      );
      expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      expect(data.choices!.length).toBeLessThanOrEqual(25);
      for (const c of data.choices!) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      if (typed === 'su') expect(data.choices!.length).toBeGreaterThan(0);
    }
  });

  it('answers a command it no longer has (stale registration) privately, and autocompletes it with nothing', async () => {
    const { data } = await interact(slash('frobnicate', []));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toMatch(/not available/);
    const suggestions = await interact(
      autocomplete(run.discord.applicationId, 'frobnicate', 'x', 'su', member(), where()),
    );
    expect(suggestions.data.choices).toEqual([]);
  });

  describe('the Check claims message command', () => {
    const target = (content: string) => message(run.discord.guilds[0]!.threadId, member().user, content);
    const run_ = (content: string, actor: Actor) => {
      const msg = target(content);
      return { msg, payload: messageCommand(run.discord.applicationId, 'Check claims', msg, actor, where(true)) };
    };
    const channelPostOf = (messageId: string) => (r: RecordedRequest) =>
      r.method === 'POST' && r.route.startsWith('/channels/') && r.body?.message_reference?.message_id === messageId;

    it('posts a verdict per claim, at most five, publicly under the message in its thread', async () => {
      const { msg, payload } = run_(CLAIMS, moderator());
      const { callback, data } = await interact(payload);
      expect(callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      expect(isEphemeral(data)).toBe(true);

      const post = await run.discord.waitForRequest(channelPostOf(msg.id));
      expect(post.route).toBe(`/channels/${run.discord.guilds[0]!.threadId}/messages`);
      expect(post.headers.authorization).toBe(`Bot ${run.discord.token}`);
      expect(post.body.message_reference).toMatchObject({
        message_id: msg.id,
        channel_id: run.discord.guilds[0]!.threadId,
      });
      expect(isEphemeral(post.body)).toBe(false);
      expectWithinLimits(post.body);
      expect(post.body.embeds).toHaveLength(5);
      for (const e of post.body.embeds) expect(Object.values(VERDICT_COLOR)).toContain(e.color);

      const edit = await run.discord.waitForRequest(originalEditOf(payload.token));
      expect(edit.at).toBeGreaterThanOrEqual(post.at);
      expect(edit.body.content).toMatch(/Posted 5 verdicts/);
    });

    it('refuses a member without Manage Messages, privately, and posts nothing', async () => {
      const { msg, payload } = run_(CLAIMS, member());
      const { callback, data } = await interact(payload);
      expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(isEphemeral(data)).toBe(true);
      expect(data.content).toMatch(/Manage Messages/);
      await new Promise((r) => setTimeout(r, 200));
      expect(run.discord.requests.some(channelPostOf(msg.id))).toBe(false);
    });

    it('tells the moderator privately when the message has no claim to check', async () => {
      const { msg, payload } = run_('lol ok?', moderator());
      await interact(payload);
      const edit = await run.discord.waitForRequest(originalEditOf(payload.token));
      expect(edit.body.content).toMatch(/no claim/);
      expect(run.discord.requests.some(channelPostOf(msg.id))).toBe(false);
    });

    it('explains privately when the bot may not post in the channel', async () => {
      const { msg, payload } = run_(CLAIMS, moderator());
      const undo = run.discord.fail(channelPostOf(msg.id), 403);
      try {
        await interact(payload);
        const edit = await run.discord.waitForRequest(originalEditOf(payload.token));
        expect(edit.body.content).toBe(escapeDiscord(CANNOT_POST));
      } finally {
        undo();
      }
    });
  });

  it('never lets user input mention anyone: @everyone and <@&123> are neither pinged nor shown as mentions', async () => {
    const hostile = '@everyone <@&123> @here <@456> <#789> when did russia lift the arms embargo';
    const payloads: DiscordReplyPayload[] = [];
    payloads.push((await interact(slash(...ask(hostile)))).data);
    payloads.push((await interact(slash('check', [stringOption('claim', `${hostile} in 2014`)]))).data);
    const msg = message(
      run.discord.guilds[0]!.threadId,
      member().user,
      `${hostile}. Russia lifted its arms embargo on Pakistan in 2014 <@&123>.`,
    );
    await interact(messageCommand(run.discord.applicationId, 'Check claims', msg, moderator(), where(true)));
    payloads.push((await run.discord.waitForRequest((r) => r.body?.message_reference?.message_id === msg.id)).body);
    for (const p of payloads) {
      expect(p.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify([p.content, p.embeds])).not.toMatch(RAW_MENTION);
    }
    // The echoed text is still there, only defused.
    expect(payloads[0]!.embeds[0]!.title).toContain('@\u200beveryone');
  });

  it('answers a 4000-character question within the deadline and the limits', async () => {
    const question = 'when did russia lift the arms embargo on pakistan '.repeat(100).slice(0, 4000);
    expect(question).toHaveLength(4000);
    const { data } = await interact(slash(...ask(question)));
    expectWithinLimits(data);
    expect(data.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
  });

  it('tells the user privately when a handler fails, logs it with the interaction id, and keeps serving', async () => {
    const { sent, data } = await interact(slash(...ask(`${EXPLODE} su-35 talks`)));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(escapeDiscord(SOMETHING_WENT_WRONG));
    expect(
      run.logs.some(
        (l) =>
          l.interaction === sent.id && l.msg === 'interaction failed' && l.err?.message === 'engine failed on purpose',
      ),
    ).toBe(true);

    // After deferring, the failure edits the deferred reply instead.
    const msg = message(run.discord.guilds[0]!.threadId, member().user, `${EXPLODE} ${CLAIMS}`);
    const deferred = messageCommand(run.discord.applicationId, 'Check claims', msg, moderator(), where(true));
    await interact(deferred);
    const edit = await run.discord.waitForRequest(originalEditOf(deferred.token));
    expect(edit.body.content).toBe(escapeDiscord(SOMETHING_WENT_WRONG));

    expect(citationFields((await interact(slash(...ask('su-35 talks')))).data).length).toBeGreaterThan(0);
  });

  it('survives a REST 500 on the interaction callback, logs it, and answers the next interaction', async () => {
    const doomed = slash(...ask('su-35 talks'));
    const undo = run.discord.fail((r) => r.route.startsWith(`/interactions/${doomed.id}/`), 500);
    try {
      run.discord.dispatchInteraction(doomed);
      await expect
        .poll(() => run.logs.find((l) => l.interaction === doomed.id && /could not tell the user/.test(l.msg ?? '')), {
          timeout: 5000,
        })
        .toBeTruthy();
    } finally {
      undo();
    }
    const attempts = run.discord.requests.filter((r) => r.route.startsWith(`/interactions/${doomed.id}/`));
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.every((r) => r.status === 500)).toBe(true);
    expect(run.logs.some((l) => l.interaction === doomed.id && l.msg === 'interaction failed')).toBe(true);

    const { data } = await interact(slash(...ask('when did russia lift the arms embargo')));
    expect(citationFields(data).length).toBeGreaterThan(0);
  });

  it('acknowledged heartbeats keep the connection alive', async () => {
    const connected = Date.now();
    await run.discord.waitForFrame((f) => f.op === GatewayOpcodes.Heartbeat && f.at >= connected, 3000);
    expect(run.bot.isReady()).toBe(true);
  });

  it('resumes the session when the gateway closes the socket, and answers afterwards', async () => {
    const identifies = run.discord.identifies.length;
    const closedAt = Date.now();
    run.discord.closeGateway(4000);
    await run.discord.waitForFrame((f) => f.op === GatewayOpcodes.Resume && f.at >= closedAt);
    await run.discord.waitForSessions();
    await expect.poll(() => run.bot.isReady(), { timeout: 3000 }).toBe(true);
    // Resumed, not identified again: the same session carries on.
    expect(run.discord.identifies).toHaveLength(identifies);
    expect(run.logs.some((l) => /reconnecting/.test(l.msg ?? ''))).toBe(true);

    const { data } = await interact(slash(...ask('su-35 talks')));
    expect(citationFields(data).length).toBeGreaterThan(0);
  });
});

describe('the per-user cooldown', () => {
  let run: RunningBot;
  const { where, slash, interact } = using(() => run);

  beforeAll(async () => {
    run = await startBot({ engine, cooldownSeconds: 30 });
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('asks a user who is too fast to wait, privately, while others and cheap commands go ahead', async () => {
    const fast = member();
    expect(isEphemeral((await interact(slash(...ask('su-35 talks'), fast))).data)).toBe(false);

    const tooSoon: [string, Option[]][] = [
      ask('when did russia lift the arms embargo'),
      ['check', [stringOption('claim', 'Russia lifted its arms embargo in 2014')]],
    ];
    for (const [name, options] of tooSoon) {
      const { data } = await interact(slash(name, options, fast));
      expect(isEphemeral(data)).toBe(true);
      const wait = Number(/(\d+)s/.exec(data.content ?? '')?.[1]);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(30);
      expect(data.content).toBe(escapeDiscord(cooldownNotice(wait)));
      expect(data.embeds).toEqual([]);
    }

    // Someone else is not slowed down; listing sources and autocomplete are not rate-limited.
    expect(citationFields((await interact(slash(...ask('su-35 talks')))).data).length).toBeGreaterThan(0);
    expect((await interact(slash('sources', [], fast))).data.embeds).toHaveLength(1);
    const suggestions = await interact(autocomplete(run.discord.applicationId, 'ask', 'question', 'su', fast, where()));
    expect(suggestions.data.choices!.length).toBeGreaterThan(0);
  });

  it('stops: the client disconnects and reports not ready', async () => {
    await run.bot.stop();
    expect(run.bot.isReady()).toBe(false);
  });
});

describe('command definitions the bot loads', () => {
  it('has /ask with autocomplete and private, /check, /sources with the pack’s documents, and the moderators’ message command and /crosscheck', async () => {
    const registry = await loadRegistry();
    const defs = discordDefinitions(registry, engine);
    const byName = new Map(defs.map((d) => [d.name, d]));
    // One definition per command the registry offers on Discord, these among them.
    expect([...byName.keys()]).toEqual(registry.on('discord').map((c) => c.name));
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['Check claims', 'ask', 'check', 'crosscheck', 'sources']),
    );
    for (const d of defs)
      if (d.type === ApplicationCommandType.ChatInput) expect(d.description.length).toBeLessThanOrEqual(100);
    const askOptions = slashOptions(defs, 'ask');
    expect(askOptions.find((o) => o.name === 'question')).toMatchObject({
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
    });
    expect(askOptions.find((o) => o.name === 'private')).toMatchObject({ type: ApplicationCommandOptionType.Boolean });
    expect(slashOptions(defs, 'sources')[0]!.choices!.map((c) => c.value)).toEqual(
      engine
        .sources()
        .slice(0, 25)
        .map((s) => s.document),
    );
    expect(byName.get('Check claims')).toMatchObject({ type: 3, default_member_permissions: String(1 << 13) });
    expect(byName.get('crosscheck')).toMatchObject({ type: 1, default_member_permissions: String(1 << 13) });
    expect(slashOptions(defs, 'crosscheck').map((o) => [o.name, o.type])).toEqual(
      ['report', 'propose', 'review', 'channel'].map((n) => [n, ApplicationCommandOptionType.Subcommand]),
    );
  });
});

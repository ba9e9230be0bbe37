/**
 * One bot process serving many communities from one store: two Discord guilds, a Discord DM
 * and two Slack workspaces, through the real discord.js client and Bolt app against the
 * local stand-ins. Each crossing is tried as an attacker would: a moderator of one
 * community looks at another's reports and review queue, presses buttons carrying another's
 * proposal and record ids, and asks for answers that another community's approved fact
 * would give.
 */
import { ChannelType, InteractionContextType, type APIInteraction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DiscordReplyPayload } from '../../adapters/discord/payload.js';
import { escapeDiscord } from '../../adapters/discord/markdown.js';
import { encodeId } from '../../adapters/shared/moderation/ids.js';
import { NO_PROPOSALS_IN_DM, RECORD_GONE, REVIEW_EMPTY } from '../../adapters/shared/moderation/texts.js';
import { escapeSlack } from '../../adapters/slack/render.js';
import {
  openModerationFixture,
  PAINT_FORM,
  TOLL_FORM,
  TOLL_QUESTION,
  type ModerationFixture,
} from '../helpers/moderation-fixture.js';
import { member, moderator, startBot as startDiscordBot, type RunningBot } from './discord/harness.js';
import {
  buttonClick,
  chatInput,
  guildFixture,
  modalSubmit,
  sentMessage,
  stringOption,
  subcommand,
  type Actor,
  type GuildFixture,
  type Option,
} from './discord/payloads.js';
import { callbackOf } from './discord/stand-in.js';
import { startBot as startSlackBot, strings, type TestBot } from './slack/bot.js';
import { blockActionsBody, FORM, postSigned, slashCommandBody, viewSubmissionBody, type Who } from './slack/signed.js';
import { SlackStandIn } from './slack/stand-ins.js';

/** A question nobody's pack answers, asked in one community only: its report's business alone. */
const GAP = 'who painted the lighthouse on the moon';

let fx: ModerationFixture;
let discord: RunningBot;
let api: SlackStandIn;
let slack: TestBot;
let guildA: GuildFixture;
let guildB: GuildFixture;

beforeAll(async () => {
  fx = await openModerationFixture();
  guildA = guildFixture();
  guildB = guildFixture();
  discord = await startDiscordBot({
    engine: fx.engine,
    moderation: fx.moderation,
    standIn: { guilds: [guildA, guildB] },
  });
  api = await SlackStandIn.start();
  slack = await startSlackBot(api, { engine: fx.engine, moderation: fx.moderation });
});
afterAll(async () => {
  await slack?.slack.stop();
  await api?.close();
  await discord?.stop();
  await fx?.cleanup();
});

type Payload = DiscordReplyPayload & { components?: unknown[] };

// ── Discord ──────────────────────────────────────────────────────────────────

/** Dispatches an interaction and returns its first response's data. */
async function interact(payload: APIInteraction): Promise<Payload> {
  const sent = discord.discord.dispatchInteraction(payload);
  const callback = await discord.discord.waitForRequest(callbackOf(sent.id));
  return (callback.body.data ?? {}) as Payload;
}

const appId = () => discord.discord.applicationId;
const slash = (guild: GuildFixture, name: string, options: Option[], actor: Actor = member()) =>
  interact(chatInput(appId(), name, options, actor, { guild }));
const crosscheck = (guild: GuildFixture, sub: string, options: Option[], actor: Actor) =>
  slash(guild, 'crosscheck', [subcommand(sub, options)], actor);
const clickIn = (guild: GuildFixture, customId: string, actor: Actor) =>
  interact(buttonClick(appId(), customId, sentMessage(guild.channelId, discord.discord.botUser, {}), actor, { guild }));
const proposeIn = (guild: GuildFixture, form: Record<string, string>, actor: Actor = member()) =>
  interact(modalSubmit(appId(), encodeId({ kind: 'propose' }), form, actor, { guild }));

/** The same interaction sent from a direct message with the bot: no guild, no member, the user alone. */
function inDm<T extends APIInteraction>(payload: T, channelId: string, actor: Actor): T {
  const { guild_id: _g, guild: _guild, member: _m, ...rest } = payload as T & Record<string, unknown>;
  const channel = { id: channelId, type: ChannelType.DM, flags: 0 };
  const data = { ...(payload.data as object) } as Record<string, unknown>;
  delete data.guild_id;
  return {
    ...rest,
    user: actor.user,
    channel,
    channel_id: channelId,
    context: InteractionContextType.BotDM,
    authorizing_integration_owners: { '1': actor.user.id },
    data,
  } as unknown as T;
}

/** An answer given in guild A, recorded there: its id is what a forged vote button would carry. */
const answerRecordedInA = () =>
  fx.moderation.record({
    tenant: `discord:${guildA.id}`,
    platform: 'discord',
    guild: guildA.id,
    channel: guildA.channelId,
    userId: 'someone',
    command: 'ask',
    result: fx.engine.ask(TOLL_QUESTION, { tenant: `discord:${guildA.id}` }),
  });

const text = (p: Payload) => [p.content ?? '', ...strings(p.embeds ?? [])].join('\n');
const communityCited = (tenant: string) => fx.engine.ask(TOLL_QUESTION, { tenant }).citations.some((c) => c.community);

// ── Slack ────────────────────────────────────────────────────────────────────

let ids = 0;
const responseTo = (id: string) =>
  vi.waitFor(() => {
    const [post] = api.responsesTo(id);
    if (!post) throw new Error(`no response on ${id} yet`);
    return post.body;
  });
async function slackSlash(command: string, typed: string, who: Who) {
  const id = `t${++ids}`;
  await postSigned(slack.url, slashCommandBody(command, typed, api.responseUrl(id), who), FORM);
  return responseTo(id);
}
async function slackClick(actionId: string, who: Who) {
  const id = `tb${++ids}`;
  await postSigned(slack.url, blockActionsBody(actionId, api.responseUrl(id), who), FORM);
  return responseTo(id);
}
/** Opens the propose form in a workspace and submits it; the saved proposal comes back. */
async function slackPropose(form: Record<string, string>, who: Who) {
  const before = api.callsTo('views.open').length;
  const id = `tp${++ids}`;
  await postSigned(slack.url, slashCommandBody('/crosscheck', 'propose', api.responseUrl(id), who), FORM);
  const opened = await vi.waitFor(() => {
    const call = api.callsTo('views.open')[before];
    if (!call) throw new Error('no modal yet');
    return call.params as { view: { callback_id: string; private_metadata: string } };
  });
  const ack = await postSigned(
    slack.url,
    viewSubmissionBody(opened.view.callback_id, form, opened.view.private_metadata, who),
    FORM,
  );
  expect(ack).toEqual({ status: 200, body: '' });
}

const T1 = { member: { user: 'U1', team: 'T1' }, mod: { user: 'UMOD', team: 'T1' } } as const;
const T2 = { member: { user: 'U1', team: 'T2' }, mod: { user: 'UMOD', team: 'T2' } } as const;
const slackText = (body: unknown) => strings(body).join('\n');

describe('guild to guild', () => {
  const modA = moderator();
  const modB = moderator();
  let proposal: number;

  it("keeps one guild's questions, review queue and proposals from another's moderators", async () => {
    await slash(guildA, 'ask', [stringOption('question', GAP)]);
    await proposeIn(guildA, TOLL_FORM);
    const [p] = await fx.moderation.pending(`discord:${guildA.id}`);
    proposal = p!.id;

    const reportA = await crosscheck(guildA, 'report', [], modA);
    expect(text(reportA)).toContain(GAP);
    const reportB = await crosscheck(guildB, 'report', [], modB);
    expect(text(reportB)).not.toContain(GAP);

    const queueB = await crosscheck(guildB, 'review', [], modB);
    expect(text(queueB)).toContain(escapeDiscord(REVIEW_EMPTY));
    expect(text(queueB)).not.toContain(escapeDiscord(TOLL_FORM.statement));
    expect(text(await crosscheck(guildA, 'review', [], modA))).toContain(`#${proposal}`);
  });

  it("refuses a forged Approve button carrying another guild's proposal id, which stays pending", async () => {
    const forged = await clickIn(guildB, encodeId({ kind: 'approve', proposal }), modB);
    expect(text(forged)).toContain(escapeDiscord(`there is no proposal #${proposal}`));
    expect(await fx.moderation.proposal(`discord:${guildA.id}`, proposal)).toMatchObject({ status: 'pending' });
    expect(communityCited(`discord:${guildA.id}`)).toBe(false);
  });

  it("cites an approved fact in its own guild's answers only", async () => {
    await clickIn(guildA, encodeId({ kind: 'approve', proposal }), modA);
    expect(await fx.moderation.proposal(`discord:${guildA.id}`, proposal)).toMatchObject({ status: 'approved' });
    expect(text(await slash(guildA, 'ask', [stringOption('question', TOLL_QUESTION)]))).toContain(
      escapeDiscord(TOLL_FORM.statement),
    );
    expect(text(await slash(guildB, 'ask', [stringOption('question', TOLL_QUESTION)]))).not.toContain(
      escapeDiscord(TOLL_FORM.statement),
    );
    expect(communityCited(`discord:${guildB.id}`)).toBe(false);
  });

  it("finds nothing to vote on with another guild's record id", async () => {
    const record = await answerRecordedInA();
    const forged = await clickIn(guildB, encodeId({ kind: 'vote', record: record!, helpful: true }), member());
    expect(text(forged)).toContain(escapeDiscord(RECORD_GONE));
    expect(await fx.moderation.store.voteCounts(record!)).toEqual({ helpful: 0, notHelpful: 0, mine: null });
  });
});

describe('workspace to workspace', () => {
  let proposal: number;

  it("keeps one workspace's questions and review queue from another's moderators", async () => {
    await slackSlash('/ask', GAP, T1.member);
    await slackPropose(PAINT_FORM, T1.member);
    const [p] = await fx.moderation.pending('slack:T1');
    proposal = p!.id;

    expect(slackText(await slackSlash('/crosscheck', 'report', T1.mod))).toContain(escapeSlack(GAP));
    expect(slackText(await slackSlash('/crosscheck', 'report', T2.mod))).not.toContain(escapeSlack(GAP));
    const queueT2 = slackText(await slackSlash('/crosscheck', 'review', T2.mod));
    expect(queueT2).toContain(escapeSlack(REVIEW_EMPTY));
    expect(queueT2).not.toContain(escapeSlack(PAINT_FORM.statement));
  });

  it("refuses a forged Approve button carrying another workspace's proposal id", async () => {
    const forged = await slackClick(encodeId({ kind: 'approve', proposal }), T2.mod);
    expect(slackText(forged)).toContain(escapeSlack(`there is no proposal #${proposal}`));
    expect(await fx.moderation.proposal('slack:T1', proposal)).toMatchObject({ status: 'pending' });
  });

  it('cites an approved fact in its own workspace only, and never on Discord', async () => {
    await slackClick(encodeId({ kind: 'approve', proposal }), T1.mod);
    expect(await fx.moderation.proposal('slack:T1', proposal)).toMatchObject({ status: 'approved' });
    const question = 'when was the bridge repainted green';
    expect(slackText(await slackSlash('/ask', question, T1.member))).toContain(escapeSlack(PAINT_FORM.statement));
    expect(slackText(await slackSlash('/ask', question, T2.member))).not.toContain(escapeSlack(PAINT_FORM.statement));
    expect(text(await slash(guildA, 'ask', [stringOption('question', question)]))).not.toContain(
      escapeDiscord(PAINT_FORM.statement),
    );
  });
});

describe('Discord to Slack', () => {
  it("never shows a guild's questions or approved facts in a workspace", async () => {
    expect(slackText(await slackSlash('/ask', TOLL_QUESTION, T1.member))).not.toContain(
      escapeSlack(TOLL_FORM.statement),
    );
    expect(communityCited('slack:T1')).toBe(false);
    // A workspace that has only just installed the bot sees no one else's records at all.
    const fresh = slackText(await slackSlash('/crosscheck', 'report', { user: 'UMOD', team: 'T3' }));
    expect(fresh).not.toContain(escapeSlack(GAP));
    expect(fresh).toMatch(/\(0 interactions\)/);
  });
});

describe('DM to guild', () => {
  const dmUser = member();
  const dmChannel = `${BigInt(guildFixture().id) + 7n}`;
  const dm = <T extends APIInteraction>(payload: T) => interact(inDm(payload, dmChannel, dmUser));

  it("is its own community: a guild's approved fact is not cited there", async () => {
    const answer = await dm(
      chatInput(appId(), 'ask', [stringOption('question', TOLL_QUESTION)], dmUser, { guild: guildA }),
    );
    expect(text(answer)).not.toContain(escapeDiscord(TOLL_FORM.statement));
    expect(communityCited(`discord:dm:${dmChannel}`)).toBe(false);
  });

  it('refuses proposals, since nobody there could review them', async () => {
    const form = await dm(chatInput(appId(), 'crosscheck', [subcommand('propose')], dmUser, { guild: guildA }));
    expect(text(form)).toContain(escapeDiscord(NO_PROPOSALS_IN_DM));
    const submitted = await dm(
      modalSubmit(appId(), encodeId({ kind: 'propose' }), PAINT_FORM, dmUser, { guild: guildA }),
    );
    expect(text(submitted)).toContain(escapeDiscord(NO_PROPOSALS_IN_DM));
    expect(await fx.moderation.pending(`discord:dm:${dmChannel}`)).toEqual([]);
  });

  it("finds nothing to vote on with a guild's record id", async () => {
    const record = await answerRecordedInA();
    const forged = await dm(
      buttonClick(
        appId(),
        encodeId({ kind: 'vote', record: record!, helpful: true }),
        sentMessage(dmChannel, discord.discord.botUser, {}),
        dmUser,
        { guild: guildA },
      ),
    );
    expect(text(forged)).toContain(escapeDiscord(RECORD_GONE));
    expect(await fx.moderation.store.voteCounts(record!)).toEqual({ helpful: 0, notHelpful: 0, mine: null });
  });
});

/**
 * The moderators' loop on Discord, through the real discord.js client and the stand-in,
 * over an embedded store: feedback buttons and votes, the report, proposing, review, and
 * per-channel settings.
 */
import { ComponentType, InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defuseMentions, escapeDiscord } from '../../../adapters/discord/markdown.js';
import { type DiscordReplyPayload, EPHEMERAL } from '../../../adapters/discord/payload.js';
import { communityNote } from '../../../adapters/shared/describe.js';
import { PROPOSE_FIELDS, proposalFromForm, REASON_FIELD } from '../../../adapters/shared/moderation/forms.js';
import { encodeId, parseId } from '../../../adapters/shared/moderation/ids.js';
import {
  approvedNote,
  channelSettingsText,
  NOT_A_MODERATOR,
  proposalRefused,
  proposalSaved,
  reasonThanks,
  rejectedNote,
  SWITCHED_OFF,
  voteThanks,
} from '../../../adapters/shared/moderation/texts.js';
import { cooldownNotice } from '../../../adapters/pipeline/texts.js';
import { formatReport, validateProposal } from '../../../src/moderation/index.js';
import {
  BAD_QUOTE_FORM,
  BRIDGE_CLAIM,
  BRIDGE_QUESTION,
  openModerationFixture,
  PAINT_FORM,
  TOLL_FORM,
  TOLL_QUESTION,
  type ModerationFixture,
} from '../../helpers/moderation-fixture.js';
import { expectWithinLimits } from './expectations.js';
import { member, moderator, startBot, type RunningBot } from './harness.js';
import {
  buttonClick,
  chatInput,
  integerOption,
  message,
  messageCommand,
  modalSubmit,
  sentMessage,
  stringOption,
  subcommand,
  type Actor,
  type Option,
} from './payloads.js';
import { callbackOf, originalEditOf, type RecordedRequest } from './stand-in.js';

type Payload = DiscordReplyPayload & { custom_id?: string; title?: string; components?: any[] };

let fx: ModerationFixture;
let run: RunningBot;

beforeAll(async () => {
  fx = await openModerationFixture();
  run = await startBot({ engine: fx.engine, moderation: fx.moderation });
});
afterAll(async () => {
  await run?.stop();
  await fx?.cleanup();
});

const where = (inThread = false) => ({ guild: run.discord.guilds[0]!, inThread });
const isEphemeral = (data: { flags?: number }) => ((data.flags ?? 0) & EPHEMERAL) === EPHEMERAL;
const channelId = () => run.discord.guilds[0]!.channelId;
/** The guild's community, whose records and proposals these tests read. */
const tenant = () => `discord:${run.discord.guilds[0]!.id}`;

/** Dispatches an interaction and returns its first response. */
async function interact(payload: Parameters<RunningBot['discord']['dispatchInteraction']>[0]) {
  const sent = run.discord.dispatchInteraction(payload);
  const callback = await run.discord.waitForRequest(callbackOf(sent.id));
  return { type: callback.body.type as InteractionResponseType, data: callback.body.data as Payload };
}

const slash = (name: string, options: Option[], actor: Actor = member()) =>
  interact(chatInput(run.discord.applicationId, name, options, actor, where()));
const crosscheck = (sub: string, options: Option[] = [], actor: Actor = moderator()) =>
  slash('crosscheck', [subcommand(sub, options)], actor);
/** Clicks a button of a message the bot sent, with the payload the bot sent for it. */
const click = (data: Payload, customId: string, actor: Actor) =>
  interact(
    buttonClick(
      run.discord.applicationId,
      customId,
      sentMessage(channelId(), run.discord.botUser, data),
      actor,
      where(),
    ),
  );
const submit = (customId: string, values: Record<string, string>, actor: Actor, from?: Payload) =>
  interact(
    modalSubmit(
      run.discord.applicationId,
      customId,
      values,
      actor,
      where(),
      from ? sentMessage(channelId(), run.discord.botUser, from) : undefined,
    ),
  );

/** The record id the feedback buttons carry, checking both are there. */
function feedbackRecord(data: Payload): number {
  const buttons = (data.components ?? []).flatMap(
    (row: { components: { custom_id: string; type: number }[] }) => row.components,
  );
  const votes = buttons.map((b) => parseId(b.custom_id)).filter((a) => a?.kind === 'vote');
  expect(buttons.every((b) => b.type === ComponentType.Button)).toBe(true);
  expect(votes.map((v) => v!.kind === 'vote' && v.helpful)).toEqual([true, false]);
  return (votes[0] as { record: number }).record;
}

describe('feedback', () => {
  let answer: Payload;
  let record: number;
  const voter = member();

  it('puts Helpful / Not helpful under every answer and verdict, within the limits, and records each', async () => {
    answer = (await slash('ask', [stringOption('question', BRIDGE_QUESTION)])).data;
    expectWithinLimits(answer);
    record = feedbackRecord(answer);
    expect(await fx.moderation.store.getInteraction(tenant(), record)).toMatchObject({
      platform: 'discord',
      guild: run.discord.guilds[0]!.id,
      channel: channelId(),
      command: 'ask',
      outcome: 'answered',
    });

    const verdict = (await slash('check', [stringOption('claim', BRIDGE_CLAIM)])).data;
    const checked = await fx.moderation.store.getInteraction(tenant(), feedbackRecord(verdict));
    expect(checked).toMatchObject({ command: 'check', outcome: fx.engine.check(BRIDGE_CLAIM).verdict });
    // The user id is kept only as a hash.
    expect(JSON.stringify(checked)).not.toContain(voter.user.id);

    expect((await slash('sources', [])).data.components).toBeUndefined();
  });

  it('records a vote privately, and lets the voter change it', async () => {
    const helpful = await click(answer, encodeId({ kind: 'vote', record, helpful: true }), voter);
    expect(isEphemeral(helpful.data)).toBe(true);
    expect(helpful.data.content).toBe(escapeDiscord(voteThanks('created', true)));
    expect(await fx.moderation.store.voteCounts(record, { platform: 'discord', userId: voter.user.id })).toEqual({
      helpful: 1,
      notHelpful: 0,
      mine: true,
    });

    // "Not helpful" counts at once, and asks why in a modal.
    const notHelpful = await click(answer, encodeId({ kind: 'vote', record, helpful: false }), voter);
    expect(notHelpful.type).toBe(InteractionResponseType.Modal);
    expect(notHelpful.data.custom_id).toBe(encodeId({ kind: 'reason', record }));
    expect(notHelpful.data.components!.map((c: { component: { custom_id: string } }) => c.component.custom_id)).toEqual(
      [REASON_FIELD],
    );
    await expect.poll(() => fx.moderation.store.voteCounts(record)).toEqual({ helpful: 0, notHelpful: 1, mine: null });

    const reason = await submit(encodeId({ kind: 'reason', record }), { [REASON_FIELD]: 'wrong  year' }, voter);
    expect(isEphemeral(reason.data)).toBe(true);
    expect(reason.data.content).toBe(escapeDiscord(reasonThanks('updated', 'wrong year')));
    expect((await fx.moderation.report(tenant(), 1)).notHelpful.flatMap((f) => f.reasons)).toContain('wrong year');
    expect(await fx.moderation.store.voteCounts(record)).toEqual({ helpful: 0, notHelpful: 1, mine: null });
  });
});

describe('/crosscheck report', () => {
  it('shows a moderator the report privately, with the reason just given', async () => {
    const { data } = await crosscheck('report', [integerOption('days', 30)]);
    expect(isEphemeral(data)).toBe(true);
    expectWithinLimits(data);
    const shown = data.embeds.map((e) => e.description).join('\n');
    const expected = formatReport(await fx.moderation.report(tenant(), 30));
    for (const line of expected.split('\n').filter((l) => l.trim())) expect(shown).toContain(defuseMentions(line));
    expect(shown).toContain('wrong year');
  });

  it('refuses a member, privately', async () => {
    const { data } = await crosscheck('report', [], member());
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(escapeDiscord(NOT_A_MODERATOR.discord));
    expect(data.embeds).toEqual([]);
  });
});

describe('/crosscheck propose and review', () => {
  const proposer = member();
  const mod = moderator();

  it('opens the propose form, a modal of five fields', async () => {
    const { type, data } = await crosscheck('propose', [], proposer);
    expect(type).toBe(InteractionResponseType.Modal);
    expect(data.custom_id).toBe(encodeId({ kind: 'propose' }));
    expect(data.components!.map((c: { component: { custom_id: string } }) => c.component.custom_id)).toEqual(
      Object.values(PROPOSE_FIELDS),
    );
    expect(data.title!.length).toBeLessThanOrEqual(45);
  });

  it('shows the proposer the problems with a quote that is not in the source, and saves nothing', async () => {
    const { data } = await submit(encodeId({ kind: 'propose' }), BAD_QUOTE_FORM, proposer);
    expect(isEphemeral(data)).toBe(true);
    const v = validateProposal(fx.engine.pack, proposalFromForm(BAD_QUOTE_FORM, fx.engine.pack).input);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.some((p) => p.field === 'quote')).toBe(true);
    expect(data.content).toBe(escapeDiscord(proposalRefused(v.problems)));
    expect(await fx.moderation.pending(tenant())).toEqual([]);
  });

  it('saves a sound proposal for review and tells the proposer', async () => {
    const { data } = await submit(encodeId({ kind: 'propose' }), TOLL_FORM, proposer);
    const [p] = await fx.moderation.pending(tenant());
    expect(p).toMatchObject({ statement: TOLL_FORM.statement, source: { document: 'doc1' }, proposer: 'member' });
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(escapeDiscord(proposalSaved(p!, [])));
  });

  it('lists pending proposals for a moderator; approving puts the fact in the answers at once, marked community-added', async () => {
    // Before approval the sentence is cited as a plain passage of the source, never as community-added.
    expect(fx.engine.ask(TOLL_QUESTION, { tenant: tenant() }).citations.some((c) => c.community)).toBe(false);
    const review = await crosscheck('review', [], mod);
    expect(isEphemeral(review.data)).toBe(true);
    expectWithinLimits(review.data);
    const [p] = await fx.moderation.pending(tenant());
    expect(review.data.embeds[0]!.title).toContain(`#${p!.id}`);
    const ids = review.data.components!.flatMap((r: { components: { custom_id: string }[] }) =>
      r.components.map((b) => b.custom_id),
    );
    expect(ids).toEqual([
      encodeId({ kind: 'approve', proposal: p!.id }),
      encodeId({ kind: 'reject', proposal: p!.id }),
    ]);

    // A member cannot approve, even with the button in hand.
    const refused = await click(review.data, ids[0]!, member());
    expect(refused.data.content).toBe(escapeDiscord(NOT_A_MODERATOR.discord));

    const approved = await click(review.data, ids[0]!, mod);
    expect(approved.type).toBe(InteractionResponseType.UpdateMessage);
    const decided = await fx.moderation.proposal(tenant(), p!.id);
    expect(decided).toMatchObject({ status: 'approved', reviewer: 'moderator' });
    expect(approved.data.content).toContain(escapeDiscord(approvedNote(decided!)));
    expect(approved.data.components).toEqual([]);

    const { data } = await slash('ask', [stringOption('question', TOLL_QUESTION)]);
    const cited = fx.engine.ask(TOLL_QUESTION, { tenant: tenant() }).citations.find((c) => c.community);
    expect(cited?.community?.approvedBy).toBe('moderator');
    const field = data.embeds[0]!.fields.find((f) => f.name.startsWith(`[${cited!.n}]`))!;
    expect(field.value).toContain(escapeDiscord(communityNote(cited!)!));
    expect(data.embeds[0]!.description).toContain(escapeDiscord(TOLL_FORM.statement));
    feedbackRecord(data);
  });

  it('rejects with a reason asked in a modal, and updates the list', async () => {
    await submit(encodeId({ kind: 'propose' }), PAINT_FORM, member());
    const [p] = await fx.moderation.pending(tenant());
    const review = await crosscheck('review', [], mod);
    const reject = await click(review.data, encodeId({ kind: 'reject', proposal: p!.id }), mod);
    expect(reject.type).toBe(InteractionResponseType.Modal);
    expect(reject.data.custom_id).toBe(encodeId({ kind: 'reject_reason', proposal: p!.id }));

    const done = await submit(
      encodeId({ kind: 'reject_reason', proposal: p!.id }),
      { [REASON_FIELD]: 'not notable' },
      mod,
      review.data,
    );
    expect(done.type).toBe(InteractionResponseType.UpdateMessage);
    const decided = await fx.moderation.proposal(tenant(), p!.id);
    expect(decided).toMatchObject({ status: 'rejected', reason: 'not notable', reviewer: 'moderator' });
    expect(done.data.content).toContain(escapeDiscord(rejectedNote(decided!)));
  });
});

describe('/crosscheck channel', () => {
  const mod = moderator();
  const channel = (options: Option[], actor: Actor = mod) => crosscheck('channel', options, actor);

  it('switched off: every command is refused politely and privately, while /crosscheck still works', async () => {
    const set = await channel([stringOption('mode', 'off')]);
    expect(set.data.content).toBe(escapeDiscord(channelSettingsText('off', 0, true)));
    for (const [name, options] of [
      ['ask', [stringOption('question', BRIDGE_QUESTION)]],
      ['sources', []],
    ] as const) {
      const { data } = await slash(name, [...options]);
      expect(isEphemeral(data)).toBe(true);
      expect(data.content).toBe(escapeDiscord(SWITCHED_OFF));
    }
    // A thread follows its channel.
    const msg = message(run.discord.guilds[0]!.threadId, member().user, BRIDGE_CLAIM);
    const { data } = await interact(messageCommand(run.discord.applicationId, 'Check claims', msg, mod, where(true)));
    expect(data.content).toBe(escapeDiscord(SWITCHED_OFF));
    expect((await channel([])).data.content).toBe(escapeDiscord(channelSettingsText('off', 0, false)));
  });

  it('ephemeral: answers go only to the asker, still with feedback buttons; Check claims posts nothing', async () => {
    await channel([stringOption('mode', 'ephemeral')]);
    const { type, data } = await slash('ask', [stringOption('question', BRIDGE_QUESTION)]);
    expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds).toHaveLength(1);
    feedbackRecord(data);

    const msg = message(run.discord.guilds[0]!.threadId, member().user, BRIDGE_CLAIM);
    const cmd = messageCommand(run.discord.applicationId, 'Check claims', msg, mod, where(true));
    await interact(cmd);
    const edit = await run.discord.waitForRequest(originalEditOf(cmd.token));
    expect(edit.body.embeds.length).toBeGreaterThan(0);
    feedbackRecord(edit.body);
    const posted = (r: RecordedRequest) => r.method === 'POST' && r.body?.message_reference?.message_id === msg.id;
    expect(run.discord.requests.some(posted)).toBe(false);
  });

  it('applies the channel’s cooldown, and goes back to the defaults', async () => {
    await channel([stringOption('mode', 'public'), integerOption('cooldown', 60)]);
    const fast = member();
    expect(isEphemeral((await slash('ask', [stringOption('question', BRIDGE_QUESTION)], fast)).data)).toBe(false);
    const again = await slash('ask', [stringOption('question', BRIDGE_QUESTION)], fast);
    const wait = Number(/(\d+)s/.exec(again.data.content ?? '')?.[1]);
    expect(wait).toBeGreaterThan(50);
    expect(again.data.content).toBe(escapeDiscord(cooldownNotice(wait)));

    const reset = await channel([stringOption('mode', 'default')]);
    expect(reset.data.content).toBe(escapeDiscord(channelSettingsText('public', 0, true)));
  });

  it('refuses a member', async () => {
    const { data } = await channel([stringOption('mode', 'off')], member());
    expect(data.content).toBe(escapeDiscord(NOT_A_MODERATOR.discord));
    expect(fx.moderation.channel(tenant(), 'discord', channelId()).mode).toBe('public');
  });
});

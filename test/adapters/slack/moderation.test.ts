/**
 * The moderators' loop on Slack, through the real Bolt app in HTTP mode driven by signed
 * requests, over an embedded store: feedback buttons and votes, /crosscheck report,
 * propose, review, and per-channel settings.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { communityNote } from '../../../adapters/shared/describe.js';
import { PROPOSE_FIELDS, proposalFromForm, REASON_FIELD } from '../../../adapters/shared/moderation/forms.js';
import { encodeId, parseId } from '../../../adapters/shared/moderation/ids.js';
import {
  approvedNote,
  channelSettingsText,
  NOT_A_MODERATOR,
  proposalSaved,
  reasonThanks,
  rejectedNote,
  SWITCHED_OFF,
  voteThanks,
} from '../../../adapters/shared/moderation/texts.js';
import { escapeSlack } from '../../../adapters/slack/render.js';
import { formatReport, problemText, validateProposal } from '../../../src/moderation/index.js';
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
import {
  blocksOf,
  citationBlocks,
  expectNoLiveMentions,
  expectWithinSlackLimits,
  startBot,
  strings,
  type TestBot,
} from './bot.js';
import {
  appMentionBody,
  blockActionsBody,
  FORM,
  JSON_TYPE,
  postSigned,
  slashCommandBody,
  viewSubmissionBody,
  type Who,
} from './signed.js';
import { BOT_USER_ID, SlackStandIn, type ResponseUrlPost } from './stand-ins.js';

const MOD: Who = { user: 'UMOD' };
const MEMBER: Who = { user: 'U1' };

let fx: ModerationFixture;
let api: SlackStandIn;
let bot: TestBot;
let ids = 0;

beforeAll(async () => {
  fx = await openModerationFixture();
  api = await SlackStandIn.start();
  bot = await startBot(api, { engine: fx.engine, moderation: fx.moderation });
});
afterAll(async () => {
  await bot?.slack.stop();
  await api?.close();
  await fx?.cleanup();
});

type Body = ResponseUrlPost['body'];

/** The next post to a response_url, waited for. */
const responseTo = (id: string, n = 1) =>
  vi.waitFor(() => {
    const posts = api.responsesTo(id);
    if (posts.length < n) throw new Error(`no response ${n} on ${id} yet`);
    return posts[n - 1]!.body;
  });

async function slash(command: string, text: string, who: Who = MEMBER): Promise<{ id: string; response: Body }> {
  const id = `m${++ids}`;
  await postSigned(bot.url, slashCommandBody(command, text, api.responseUrl(id), who), FORM);
  return { id, response: await responseTo(id) };
}

/** Clicks a button; returns the id of the response_url it carries. */
async function click(actionId: string, who: Who = MEMBER): Promise<string> {
  const id = `b${++ids}`;
  const ack = await postSigned(bot.url, blockActionsBody(actionId, api.responseUrl(id), who), FORM);
  expect(ack.status).toBe(200);
  return id;
}

type OpenedView = {
  trigger_id: string;
  view: { callback_id: string; private_metadata: string; blocks: { block_id: string }[]; title: { text: string } };
};

/** Does `action`, then waits for the modal it opens (views.open). */
async function opensModal(action: () => Promise<unknown>): Promise<OpenedView> {
  const before = api.callsTo('views.open').length;
  await action();
  return vi.waitFor(() => {
    const opened = api.callsTo('views.open');
    if (opened.length <= before) throw new Error('no modal yet');
    return opened[before]!.params as OpenedView;
  });
}

const submit = (callbackId: string, values: Record<string, string>, metadata: string, who: Who = MEMBER) =>
  postSigned(bot.url, viewSubmissionBody(callbackId, values, metadata, who), FORM);

/** The record id of the feedback buttons, checking both are there. */
function feedbackRecord(message: { blocks?: unknown }): number {
  const actions = blocksOf(message).filter((b) => b.type === 'actions');
  expect(actions).toHaveLength(1);
  const votes = actions[0]!.elements!.map((e) => parseId(e.action_id!));
  expect(votes.map((v) => v?.kind === 'vote' && v.helpful)).toEqual([true, false]);
  return (votes[0] as { record: number }).record;
}

const sectionText = (message: { blocks?: unknown }) =>
  blocksOf(message)
    .map((b) => b.text?.text ?? '')
    .join('\n');

describe('feedback', () => {
  let record: number;

  it('puts Helpful / Not helpful under answers, verdicts and mention answers, and records each', async () => {
    const { response } = await slash('/ask', BRIDGE_QUESTION);
    expect(response.response_type).toBe('in_channel');
    expectWithinSlackLimits(response);
    record = feedbackRecord(response);
    expect(await fx.moderation.store.getInteraction('slack:T1', record)).toMatchObject({
      platform: 'slack',
      guild: 'T1',
      channel: 'C1',
      command: 'ask',
      outcome: 'answered',
    });

    const verdict = (await slash('/check', BRIDGE_CLAIM)).response;
    expect(await fx.moderation.store.getInteraction('slack:T1', feedbackRecord(verdict))).toMatchObject({
      command: 'check',
      outcome: fx.engine.check(BRIDGE_CLAIM).verdict,
    });

    await postSigned(bot.url, appMentionBody({ text: `<@${BOT_USER_ID}> ${BRIDGE_QUESTION}` }).body, JSON_TYPE);
    const post = await vi.waitFor(() => {
      const [p] = api.callsTo('chat.postMessage');
      if (!p) throw new Error('no post yet');
      return p.params;
    });
    expect(await fx.moderation.store.getInteraction('slack:T1', feedbackRecord(post))).toMatchObject({
      command: 'ask',
      channel: 'C1',
    });

    const sources = (await slash('/sources', '')).response;
    expect(blocksOf(sources).some((b) => b.type === 'actions')).toBe(false);
  });

  it('records a vote, tells only the voter, and lets them change it', async () => {
    const id = await click(encodeId({ kind: 'vote', record, helpful: true }), { user: 'UVOTER' });
    const thanks = await responseTo(id);
    expect(thanks).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: escapeSlack(voteThanks('created', true)),
    });
    expect(await fx.moderation.store.voteCounts(record, { platform: 'slack', userId: 'UVOTER' })).toEqual({
      helpful: 1,
      notHelpful: 0,
      mine: true,
    });
  });

  it('"Not helpful" counts at once and opens a modal for a one-line reason', async () => {
    let id = '';
    const opened = await opensModal(
      async () => (id = await click(encodeId({ kind: 'vote', record, helpful: false }), { user: 'UVOTER' })),
    );
    expect(opened.view.callback_id).toBe(encodeId({ kind: 'reason', record }));
    expect(opened.view.blocks.map((b) => b.block_id)).toEqual([REASON_FIELD]);
    await expect.poll(() => fx.moderation.store.voteCounts(record)).toEqual({ helpful: 0, notHelpful: 1, mine: null });

    const ack = await submit(opened.view.callback_id, { [REASON_FIELD]: 'wrong year' }, opened.view.private_metadata, {
      user: 'UVOTER',
    });
    expect(ack).toEqual({ status: 200, body: '' });
    expect(await responseTo(id)).toMatchObject({
      response_type: 'ephemeral',
      text: escapeSlack(reasonThanks('updated', 'wrong year')),
    });
    expect((await fx.moderation.report('slack:T1', 1)).notHelpful.flatMap((f) => f.reasons)).toContain('wrong year');
  });
});

describe('logs', () => {
  it('carry user ids hashed as the store hashes them, never the ids', async () => {
    await slash('/ask', BRIDGE_QUESTION, { user: 'ULOGGED' });
    const lines = bot.logs.entries.filter((e) => e.msg === 'answered');
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(bot.logs.entries)).not.toContain('ULOGGED');
    expect(lines.map((e) => e.user)).toContain(fx.moderation.store.hashUser('slack', 'ULOGGED').slice(0, 16));
  });
});

describe('/crosscheck report', () => {
  it('shows a moderator the report privately', async () => {
    const { response } = await slash('/crosscheck', 'report 30', MOD);
    expect(response.response_type).toBe('ephemeral');
    expectWithinSlackLimits(response);
    const shown = sectionText(response);
    for (const line of formatReport(await fx.moderation.report('slack:T1', 30))
      .split('\n')
      .filter((l) => l.trim()))
      expect(shown).toContain(escapeSlack(line));
  });

  it('refuses someone who is neither admin nor moderator, after asking Slack', async () => {
    const before = api.callsTo('users.info').length;
    const { response } = await slash('/crosscheck', 'report', MEMBER);
    expect(response).toMatchObject({ response_type: 'ephemeral', text: escapeSlack(NOT_A_MODERATOR.slack) });
    expect(api.callsTo('users.info').length).toBe(before + 1);
  });

  it('lets a workspace admin run it', async () => {
    api.admins.add('UADMIN');
    const { response } = await slash('/crosscheck', 'report', { user: 'UADMIN' });
    expect(sectionText(response)).toContain(
      escapeSlack(formatReport(await fx.moderation.report('slack:T1', 7)).split('\n')[0]!),
    );
  });
});

describe('/crosscheck propose and review', () => {
  let proposeView: OpenedView;
  let proposeResponses: string;

  it('opens the propose form as a modal of five fields', async () => {
    const id = `p${++ids}`;
    proposeView = await opensModal(() =>
      postSigned(bot.url, slashCommandBody('/crosscheck', 'propose', api.responseUrl(id), MEMBER), FORM),
    );
    proposeResponses = id;
    expect(proposeView.view.callback_id).toBe(encodeId({ kind: 'propose' }));
    expect(proposeView.view.blocks.map((b) => b.block_id)).toEqual(Object.values(PROPOSE_FIELDS));
    expect(proposeView.view.title.text.length).toBeLessThanOrEqual(24);
  });

  it('keeps the form open with the problems under their fields when the quote is not in the source', async () => {
    const ack = await submit(proposeView.view.callback_id, BAD_QUOTE_FORM, proposeView.view.private_metadata);
    expect(ack.status).toBe(200);
    const body = JSON.parse(ack.body) as { response_action: string; errors: Record<string, string> };
    const v = validateProposal(fx.engine.pack, proposalFromForm(BAD_QUOTE_FORM, fx.engine.pack).input);
    expect(v.ok).toBe(false);
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([PROPOSE_FIELDS.quote]);
    if (!v.ok) expect(body.errors[PROPOSE_FIELDS.quote]).toBe(v.problems.map(problemText).join(' '));
    expect(await fx.moderation.pending('slack:T1')).toEqual([]);
  });

  it('saves a sound proposal, closes the form and tells the proposer', async () => {
    const ack = await submit(proposeView.view.callback_id, TOLL_FORM, proposeView.view.private_metadata);
    expect(ack).toEqual({ status: 200, body: '' });
    const [p] = await fx.moderation.pending('slack:T1');
    expect(p).toMatchObject({ statement: TOLL_FORM.statement, platform: 'slack', proposer: 'u1' });
    expect(await responseTo(proposeResponses)).toMatchObject({
      response_type: 'ephemeral',
      text: escapeSlack(proposalSaved(p!, [])),
    });
  });

  it('lists proposals for a moderator; approving puts the fact in answers at once, marked community-added', async () => {
    // Before approval the sentence is cited as a plain passage of the source, never as community-added.
    expect(fx.engine.ask(TOLL_QUESTION, { tenant: 'slack:T1' }).citations.some((c) => c.community)).toBe(false);
    const { response } = await slash('/crosscheck', 'review', MOD);
    expect(response.response_type).toBe('ephemeral');
    expectWithinSlackLimits(response);
    expectNoLiveMentions(response);
    const [p] = await fx.moderation.pending('slack:T1');
    const buttons = blocksOf(response)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements!.map((e) => e.action_id));
    expect(buttons).toEqual([
      encodeId({ kind: 'approve', proposal: p!.id }),
      encodeId({ kind: 'reject', proposal: p!.id }),
    ]);

    const refused = await responseTo(await click(buttons[0]!, MEMBER));
    expect(refused.text).toBe(escapeSlack(NOT_A_MODERATOR.slack));
    expect((await fx.moderation.proposal('slack:T1', p!.id))!.status).toBe('pending');

    const updated = await responseTo(await click(buttons[0]!, MOD));
    const decided = await fx.moderation.proposal('slack:T1', p!.id);
    expect(decided).toMatchObject({ status: 'approved', reviewer: 'umod' });
    expect(updated).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(sectionText(updated)).toContain(escapeSlack(approvedNote(decided!)));

    const answer = (await slash('/ask', TOLL_QUESTION)).response;
    const cited = fx.engine.ask(TOLL_QUESTION, { tenant: 'slack:T1' }).citations.find((c) => c.community)!;
    const context = citationBlocks(answer).find((b) => b.elements![0]!.text.startsWith(`*[${cited.n}]*`))!;
    expect(context.elements![0]!.text).toContain(escapeSlack(communityNote(cited)!));
    expect(cited.community!.approvedBy).toBe('umod');
    feedbackRecord(answer);
  });

  it('rejects with a reason asked in a modal, and updates the list in place', async () => {
    const propose = `p${++ids}`;
    const form = await opensModal(() =>
      postSigned(bot.url, slashCommandBody('/crosscheck', 'propose', api.responseUrl(propose), MEMBER), FORM),
    );
    await submit(form.view.callback_id, PAINT_FORM, form.view.private_metadata);
    const [p] = await fx.moderation.pending('slack:T1');

    await slash('/crosscheck', 'review', MOD);
    let listId = '';
    const reject = await opensModal(
      async () => (listId = await click(encodeId({ kind: 'reject', proposal: p!.id }), MOD)),
    );
    expect(reject.view.callback_id).toBe(encodeId({ kind: 'reject_reason', proposal: p!.id }));

    const blank = await submit(reject.view.callback_id, { [REASON_FIELD]: '   ' }, reject.view.private_metadata, MOD);
    expect(JSON.parse(blank.body)).toMatchObject({
      response_action: 'errors',
      errors: { [REASON_FIELD]: expect.any(String) },
    });
    expect((await fx.moderation.proposal('slack:T1', p!.id))!.status).toBe('pending');

    const ack = await submit(
      reject.view.callback_id,
      { [REASON_FIELD]: 'not notable' },
      reject.view.private_metadata,
      MOD,
    );
    expect(ack).toEqual({ status: 200, body: '' });
    const updated = await responseTo(listId);
    const decided = await fx.moderation.proposal('slack:T1', p!.id);
    expect(decided).toMatchObject({ status: 'rejected', reason: 'not notable' });
    expect(updated.replace_original).toBe(true);
    expect(sectionText(updated)).toContain(escapeSlack(rejectedNote(decided!)));
  });
});

describe('/crosscheck channel', () => {
  const mentionIn = async () => {
    const m = appMentionBody({ text: `<@${BOT_USER_ID}> ${BRIDGE_QUESTION}` });
    await postSigned(bot.url, m.body, JSON_TYPE);
    return m;
  };

  it('off: commands are refused politely and privately, mentions get no reply, /crosscheck still works', async () => {
    const { response } = await slash('/crosscheck', 'channel off', MOD);
    expect(response.text).toBe(escapeSlack(channelSettingsText('off', 0, true)));
    const ask = (await slash('/ask', BRIDGE_QUESTION)).response;
    expect(ask).toMatchObject({ response_type: 'ephemeral', text: escapeSlack(SWITCHED_OFF) });

    const posts = api.callsTo('chat.postMessage').length + api.callsTo('chat.postEphemeral').length;
    const m = await mentionIn();
    await vi.waitFor(() =>
      expect(bot.logs.entries.some((e) => e.requestId === m.eventId && /switched off/.test(e.msg ?? ''))).toBe(true),
    );
    expect(api.callsTo('chat.postMessage').length + api.callsTo('chat.postEphemeral').length).toBe(posts);

    expect((await slash('/crosscheck', 'channel', MOD)).response.text).toBe(
      escapeSlack(channelSettingsText('off', 0, false)),
    );
  });

  it('ephemeral: answers and mention answers go only to the asker, with feedback buttons', async () => {
    await slash('/crosscheck', 'channel mode:ephemeral', MOD);
    const { response } = await slash('/ask', BRIDGE_QUESTION);
    expect(response.response_type).toBe('ephemeral');
    feedbackRecord(response);

    const before = api.callsTo('chat.postEphemeral').length;
    await mentionIn();
    const ephemeral = await vi.waitFor(() => {
      const calls = api.callsTo('chat.postEphemeral');
      if (calls.length <= before) throw new Error('no ephemeral yet');
      return calls[calls.length - 1]!.params;
    });
    expect(ephemeral.user).toBe('U1');
    feedbackRecord(ephemeral);
  });

  it('applies the channel’s cooldown, and goes back to the defaults', async () => {
    await slash('/crosscheck', 'channel public cooldown:60', MOD);
    expect((await slash('/ask', BRIDGE_QUESTION, { user: 'UFAST' })).response.response_type).toBe('in_channel');
    expect((await slash('/ask', BRIDGE_QUESTION, { user: 'UFAST' })).response.text).toMatch(/wait \d+s/);
    const reset = await slash('/crosscheck', 'channel default', MOD);
    expect(reset.response.text).toBe(escapeSlack(channelSettingsText('public', 0, true)));
  });

  it('refuses a non-moderator, and explains a bad subcommand', async () => {
    expect((await slash('/crosscheck', 'channel off', MEMBER)).response.text).toBe(escapeSlack(NOT_A_MODERATOR.slack));
    expect(fx.moderation.channel('slack:T1', 'slack', 'C1').mode).toBe('public');
    const bad = (await slash('/crosscheck', 'frobnicate <!channel>', MEMBER)).response;
    expect(bad.response_type).toBe('ephemeral');
    expectNoLiveMentions(bad);
    expect(strings(bad).join(' ')).toContain('/crosscheck');
  });
});

/**
 * Walks through the moderators' loop on the real Slack adapter (Bolt in HTTP mode, against
 * the test stand-in of Slack's API, over an embedded store in a temporary directory) and
 * prints what each person sees, as text: the captures in README.md's "Moderators" section.
 * The Discord part prints the components the real discord.js client sent the stand-in.
 *
 *   npx tsx scripts/capture-moderators.ts > captures.txt
 *
 * Nothing here is made up: every line below a "$" is a payload the bot sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROPOSE_FIELDS, REASON_FIELD } from '../adapters/shared/moderation/forms.js';
import { encodeId, parseId } from '../adapters/shared/moderation/ids.js';
import { Engine } from '../src/core/engine.js';
import { Moderation } from '../src/moderation/index.js';
import {
  blockActionsBody,
  FORM,
  JSON_TYPE,
  appMentionBody,
  messageShortcutBody,
  postSigned,
  slashCommandBody,
  viewSubmissionBody,
  type Who,
} from '../test/adapters/slack/signed.js';
import { BOT_USER_ID, SlackStandIn } from '../test/adapters/slack/stand-ins.js';
import { startBot as startSlackBot } from '../test/adapters/slack/bot.js';
import { moderator as discordModerator, startBot as startDiscordBot } from '../test/adapters/discord/harness.js';
import { buttonClick, chatInput, sentMessage, stringOption, subcommand } from '../test/adapters/discord/payloads.js';
import { callbackOf } from '../test/adapters/discord/stand-in.js';

const MOD: Who = { user: 'UMOD' };
const ANN: Who = { user: 'UANN' };
const BOB: Who = { user: 'UBOB' };

const GAP = "how skilful is islamabad's diplomacy";
const STATEMENT =
  "An unsigned forum summary of Arif Rafiq's 2015 article calls Islamabad's diplomacy skilful: it says Islamabad has shown great skill in navigating the choppy waters of international relations.";
const QUOTE =
  'For now it seems that Islamabad has shown great skill in navigating the choppy waters of international relations.';

const out = (s = '') => process.stdout.write(`${s}\n`);
const unescapeSlack = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = find();
    if (v !== undefined) return v;
    await sleep(20);
  }
  throw new Error(`capture: timed out waiting for ${what}`);
}

type Block = { type: string; text?: { text: string }; elements?: { text: string | { text: string } }[] };

/** A Block Kit message as a person sees it. */
function message(m: { response_type?: unknown; text?: unknown; blocks?: unknown }, where = ''): string {
  const lines: string[] = [];
  if (m.response_type === 'ephemeral' || where === 'ephemeral') lines.push('(only you can see this)');
  for (const b of (m.blocks ?? []) as Block[]) {
    if (b.type === 'section') lines.push(unescapeSlack(b.text!.text));
    else if (b.type === 'context')
      lines.push(...(b.elements ?? []).map((e) => `    ${unescapeSlack(e.text as string)}`));
    else if (b.type === 'divider') lines.push('────────');
    else if (b.type === 'actions')
      lines.push((b.elements ?? []).map((e) => `[ ${(e.text as { text: string }).text} ]`).join(' '));
  }
  return lines.join('\n');
}

type View = {
  title: { text: string };
  submit: { text: string };
  close: { text: string };
  blocks: {
    block_id: string;
    optional: boolean;
    label: { text: string };
    hint?: { text: string };
    element: { multiline: boolean; placeholder?: { text: string } };
  }[];
};

/** A modal as a person sees it. */
function modal(v: View): string {
  const lines = [`╭─ ${v.title.text} ${'─'.repeat(Math.max(2, 50 - v.title.text.length))}`];
  for (const b of v.blocks) {
    lines.push(`│ ${b.label.text}${b.optional ? ' (optional)' : ''}`);
    lines.push(
      `│   ${b.element.multiline ? '▭▭▭' : '▭'} ${b.element.placeholder ? b.element.placeholder.text.replace(/\n/g, ' · ') : ''}`.trimEnd(),
    );
    if (b.hint) lines.push(`│   ${b.hint.text}`);
  }
  lines.push(`╰─ [ ${v.close.text} ]  [ ${v.submit.text} ]`);
  return lines.join('\n');
}

const step = (title: string) => out(`\n=== ${title}\n`);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crosscheck-capture-'));
  const engine = Engine.fromDir('knowledge');
  const moderation = await Moderation.open({ dataDir, retentionDays: 0 }, engine, { pollMs: 0 });
  const api = await SlackStandIn.start();
  // The same bot the Slack tests start, with this run's engine and store.
  const { slack, url } = await startSlackBot(api, { engine, moderation });
  let n = 0;
  const slash = async (command: string, text: string, who: Who) => {
    const id = `c${++n}`;
    out(`${`$ ${command} ${text}`.trimEnd()}    (by ${who.user})`);
    await postSigned(url, slashCommandBody(command, text, api.responseUrl(id), who), FORM);
    return { id, body: await until(() => api.responsesTo(id)[0]?.body, command) };
  };
  const click = async (actionId: string, who: Who, label: string) => {
    const id = `b${++n}`;
    out(`$ ${who.user} clicks [ ${label} ]`);
    await postSigned(url, blockActionsBody(actionId, api.responseUrl(id), who), FORM);
    return id;
  };
  const opened = async (before: number) =>
    (await until(() => api.callsTo('views.open')[before], 'a modal')).params as {
      view: View & { callback_id: string; private_metadata: string };
    };

  try {
    step('1. A moderator runs "Check claims" on a message; the verdict goes in its thread, with feedback buttons');
    const claim = 'Russia lifted its arms embargo on Pakistan in 2010.';
    out(`$ UMOD runs Check claims on: “${claim}”`);
    await postSigned(url, messageShortcutBody('check_claims', { text: claim }, api.responseUrl('sc'), MOD), FORM);
    const verdict = await until(() => api.callsTo('chat.postMessage')[0]?.params, 'the verdict');
    out(message(verdict));
    const actions = (verdict.blocks as { type: string; elements?: { action_id: string }[] }[]).find(
      (b) => b.type === 'actions',
    )!;
    const record = (parseId(actions.elements![1]!.action_id) as { record: number }).record;

    step('2. A member finds it not helpful: the click counts, and a modal asks why (optional)');
    const before = api.callsTo('views.open').length;
    const voteUrl = await click(encodeId({ kind: 'vote', record, helpful: false }), BOB, '👎 Not helpful');
    const reasonView = await opened(before);
    out(modal(reasonView.view));
    out(`$ UBOB types “wants the source for 2014” and submits`);
    await postSigned(
      url,
      viewSubmissionBody(
        reasonView.view.callback_id,
        { [REASON_FIELD]: 'wants the source for 2014' },
        reasonView.view.private_metadata,
        BOB,
      ),
      FORM,
    );
    out(message(await until(() => api.responsesTo(voteUrl)[0]?.body, 'the thanks')));

    step('3. People ask what the sources do not cover (for the report)');
    for (const [q, who] of [
      [GAP, ANN],
      ["How skilful is Islamabad's diplomacy?", BOB],
      ['who won the 1992 cricket world cup', ANN],
    ] as const) {
      const { body } = await slash('/ask', q, who);
      if (q === GAP) out(message(body));
    }
    for (const who of [ANN, BOB]) await slash('/check', 'Russia gave Pakistan a nuclear submarine in 2020.', who);

    step('4. /crosscheck report — for moderators, only they see it');
    out(message((await slash('/crosscheck', 'report 7', MOD)).body));
    out('');
    out(message((await slash('/crosscheck', 'report', ANN)).body));

    step('5. /crosscheck propose — a form; problems keep it open, next to the field');
    const proposeId = `p${++n}`;
    out(`$ /crosscheck propose    (by UANN)`);
    const b2 = api.callsTo('views.open').length;
    await postSigned(url, slashCommandBody('/crosscheck', 'propose', api.responseUrl(proposeId), ANN), FORM);
    const form = await opened(b2);
    out(modal(form.view));
    const fields = {
      [PROPOSE_FIELDS.statement]: STATEMENT,
      [PROPOSE_FIELDS.quote]: 'Islamabad has shown great skill in navigating international relations.',
      [PROPOSE_FIELDS.topic]: 'partnership-assessment opinion',
      [PROPOSE_FIELDS.document]: '002 post 3',
      [PROPOSE_FIELDS.newDocument]: '',
    };
    out(`\n$ UANN submits: ${JSON.stringify(fields, null, 2)}`);
    const refused = await postSigned(
      url,
      viewSubmissionBody(form.view.callback_id, fields, form.view.private_metadata, ANN),
      FORM,
    );
    out(`→ the form stays open with: ${refused.body}`);
    out(`\n$ UANN fixes the quote (“${QUOTE}”) and submits again`);
    await postSigned(
      url,
      viewSubmissionBody(
        form.view.callback_id,
        { ...fields, [PROPOSE_FIELDS.quote]: QUOTE },
        form.view.private_metadata,
        ANN,
      ),
      FORM,
    );
    out(message(await until(() => api.responsesTo(proposeId)[0]?.body, 'the proposal')));

    step('6. /crosscheck review — Approve puts the fact in the live index at once');
    const review = await slash('/crosscheck', 'review', MOD);
    out(message(review.body));
    const [pending] = await moderation.pending('slack:T1');
    const reviewUrl = await click(encodeId({ kind: 'approve', proposal: pending!.id }), MOD, `Approve #${pending!.id}`);
    out(message(await until(() => api.responsesTo(reviewUrl)[0]?.body, 'the updated list')));

    step('7. The gap is filled: the answer cites the fact as community-added, with approver and date');
    out(message((await slash('/ask', GAP, BOB)).body));

    step('8. Per-channel settings: /crosscheck channel');
    out(message((await slash('/crosscheck', 'channel ephemeral 10', MOD)).body));
    const eph = await slash('/ask', 'when did russia lift the arms embargo', ANN);
    out(`${message(eph.body).split('\n').slice(0, 2).join('\n')}\n…`);
    out(message((await slash('/crosscheck', 'channel off', MOD)).body));
    out(message((await slash('/ask', 'when did russia lift the arms embargo', BOB)).body));
    const posts = api.callsTo('chat.postMessage').length + api.callsTo('chat.postEphemeral').length;
    out(`$ UBOB: @crosscheck when did russia lift the arms embargo`);
    await postSigned(
      url,
      appMentionBody({ text: `<@${BOT_USER_ID}> when did russia lift the arms embargo` }, BOB).body,
      JSON_TYPE,
    );
    await sleep(300);
    out(
      api.callsTo('chat.postMessage').length + api.callsTo('chat.postEphemeral').length === posts
        ? '(no reply: the bot is off in this channel)'
        : '(unexpected reply)',
    );
    out(message((await slash('/crosscheck', 'channel default', MOD)).body));
    out(message((await slash('/crosscheck', 'channel', ANN)).body));

    step('9. On Discord: the same buttons as message components, and the same form as a modal');
    const discord = await startDiscordBot({ engine, moderation });
    try {
      const where = { guild: discord.discord.guilds[0]!, inThread: false };
      const ask = chatInput(
        discord.discord.applicationId,
        'ask',
        [stringOption('question', GAP)],
        discordModerator(),
        where,
      );
      discord.discord.dispatchInteraction(ask);
      const answer = (await discord.discord.waitForRequest(callbackOf(ask.id))).body.data;
      out(`$ /ask question: ${GAP}`);
      const community = answer.embeds[0].fields.find((f: { value: string }) => f.value.includes('community-added'));
      out(`→ embeds[0].fields (the community-added one): ${JSON.stringify(community)}`);
      out(`→ components: ${JSON.stringify(answer.components)}`);
      const propose = chatInput(
        discord.discord.applicationId,
        'crosscheck',
        [subcommand('propose')],
        discordModerator(),
        where,
      );
      discord.discord.dispatchInteraction(propose);
      const shown = (await discord.discord.waitForRequest(callbackOf(propose.id))).body;
      out('\n$ /crosscheck propose');
      const { components, ...modalHead } = shown.data;
      out(`→ type ${shown.type} (MODAL): ${JSON.stringify(modalHead)}`);
      for (const c of components) out(`    ${JSON.stringify(c)}`);
      const click2 = buttonClick(
        discord.discord.applicationId,
        answer.components[0].components[0].custom_id,
        sentMessage(where.guild.channelId, discord.discord.botUser, answer),
        discordModerator(),
        where,
      );
      discord.discord.dispatchInteraction(click2);
      const thanks = (await discord.discord.waitForRequest(callbackOf(click2.id))).body.data;
      out(`\n$ click [ 👍 Helpful ]\n→ ${JSON.stringify(thanks)}`);
    } finally {
      await discord.stop();
    }
  } finally {
    await slack.stop();
    await api.close();
    await moderation.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

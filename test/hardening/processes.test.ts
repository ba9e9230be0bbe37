/**
 * Two bot processes (adapters/main.ts, each an OS process of its own) on one PostgreSQL, as
 * two instances behind a load balancer: they start at the same moment (the migrations take
 * turns), and whatever reaches one and then the other is limited once. The cooldown, the
 * hourly proposal limit, one "Not helpful" per person per fact, Slack's retry of an event and
 * a replayed signed request all live in the database, not in either process's memory.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROPOSE_FIELDS } from '../../adapters/shared/moderation/forms.js';
import { encodeId, parseId } from '../../adapters/shared/moderation/ids.js';
import { cooldownNotice } from '../../adapters/pipeline/texts.js';
import { escapeSlack } from '../../adapters/slack/render.js';
import { encodeMetadata } from '../../adapters/slack/response-url.js';
import { blocksOf, strings } from '../adapters/slack/bot.js';
import {
  appMentionBody,
  blockActionsBody,
  FORM,
  JSON_TYPE,
  postSigned,
  slashCommandBody,
  viewSubmissionBody,
  type Who,
} from '../adapters/slack/signed.js';
import { BOT_USER_ID, SlackStandIn } from '../adapters/slack/stand-ins.js';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { BRIDGE_QUESTION, PAINT_FORM, proposablePack, TOLL_FORM } from '../helpers/moderation-fixture.js';
import type { PackCopy } from '../helpers/pack-fixture.js';
import { TEST_DATABASE_URL } from '../store/backends.js';

const COOLDOWN = 30;

describe.runIf(TEST_DATABASE_URL)('two bot processes on one PostgreSQL', () => {
  const database = `crosscheck_procs_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(TEST_DATABASE_URL ?? 'postgres://unset');
  url.pathname = `/${database}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  /** A query on the bots' own database. */
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  let pack: PackCopy;
  let api: SlackStandIn;
  let a: BotProcess;
  let b: BotProcess;
  let ids = 0;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    pack = proposablePack();
    api = await SlackStandIn.start();
    const env = {
      DATABASE_URL: url.toString(),
      KNOWLEDGE_DIR: pack.dir,
      COOLDOWN_SECONDS: String(COOLDOWN),
      PROPOSALS_PER_HOUR: '1',
    };
    // Both at once, on an empty database: one migrates while the other waits for its lock.
    [a, b] = await Promise.all([startBotProcess(api, env), startBotProcess(api, env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await api?.close();
    pack?.remove();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  /** Sends a slash command to one process; returns the response_url id it answers on. */
  const slash = async (bot: BotProcess, command: string, text: string, who: Who, timestamp?: number) => {
    const id = `r${++ids}`;
    const body = slashCommandBody(command, text, api.responseUrl(id), who);
    expect((await postSigned(bot.url, body, FORM, { timestamp })).status).toBe(200);
    return { id, body };
  };
  const answerOn = (id: string) =>
    vi.waitFor(
      () => {
        const [post] = api.responsesTo(id);
        if (!post) throw new Error(`no answer on ${id} yet`);
        return post.body;
      },
      { timeout: 5000 },
    );
  /** Whatever a second delivery would have done, it would have done by now. */
  const settle = () => new Promise((r) => setTimeout(r, 500));

  it('both started on one schema, migrated once', async () => {
    const migrated = [a, b].map((bot) => bot.logs().filter((l) => l.msg === 'store: applied migrations').length);
    expect(migrated.sort()).toEqual([0, 1]);
    const versions = await query('SELECT version FROM schema_migrations');
    expect(new Set(versions.map((r) => r.version)).size).toBe(versions.length);
  });

  it('keep one cooldown: the same person asking the other process is told to wait', async () => {
    const first = await answerOn((await slash(a, '/ask', BRIDGE_QUESTION, { user: 'UCOOL' })).id);
    expect(strings(first).join('\n')).toMatch(/1999/);
    const second = await answerOn((await slash(b, '/ask', BRIDGE_QUESTION, { user: 'UCOOL' })).id);
    expect(strings(second).join('\n')).toContain(escapeSlack(cooldownNotice(COOLDOWN)).split(' wait ')[0]);
  });

  it('keep one hourly proposal limit: the second proposal, to the other process, is refused', async () => {
    const submit = (bot: BotProcess, form: Record<string, string>) =>
      postSigned(
        bot.url,
        viewSubmissionBody(encodeId({ kind: 'propose' }), form, encodeMetadata({ channel: 'C1' }), { user: 'UPROP' }),
        FORM,
      );
    expect(await submit(a, TOLL_FORM)).toEqual({ status: 200, body: '' });
    const refused = JSON.parse((await submit(b, PAINT_FORM)).body) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(refused.response_action).toBe('errors');
    expect(refused.errors[PROPOSE_FIELDS.statement]).toMatch(/hour/);
    expect(await query('SELECT statement FROM proposals')).toEqual([
      { statement: TOLL_FORM[PROPOSE_FIELDS.statement] },
    ]);
  });

  it('count one "Not helpful" per person per fact, whichever process took each vote', async () => {
    // The same fact answered twice (two askers, two records), one through each process.
    const records = [];
    for (const [bot, user] of [
      [a, 'UASK1'],
      [b, 'UASK2'],
    ] as const) {
      const answer = await answerOn((await slash(bot, '/ask', BRIDGE_QUESTION, { user })).id);
      const button = blocksOf(answer)
        .flatMap((block) => block.elements ?? [])
        .map((e) => e.action_id && parseId(e.action_id))
        .find((id) => id && id.kind === 'vote');
      records.push((button as { record: number }).record);
    }
    const vote = async (bot: BotProcess, record: number, user: string) => {
      const id = `v${++ids}`;
      const action = encodeId({ kind: 'vote', record, helpful: false });
      expect((await postSigned(bot.url, blockActionsBody(action, api.responseUrl(id), { user }), FORM)).status).toBe(
        200,
      );
    };
    await vote(a, records[0]!, 'UVOTER');
    await vote(b, records[1]!, 'UVOTER');
    const report = async () =>
      strings(await answerOn((await slash(b, '/crosscheck', 'report', { user: 'UMOD' })).id)).join('\n');
    await vi.waitFor(async () => expect(await query('SELECT 1 FROM votes')).toHaveLength(2));
    expect(await report()).toMatch(/: 1 not helpful/);
    // Another person's vote does count: the report counts people, not clicks.
    await vote(a, records[1]!, 'UOTHER');
    await vi.waitFor(async () => expect(await query('SELECT 1 FROM votes')).toHaveLength(3));
    expect(await report()).toMatch(/: 2 not helpful/);
  });

  it("answer Slack's retry of an event once, though the retry reaches the other process", async () => {
    const posts = () => api.callsTo('chat.postMessage').length + api.callsTo('chat.postEphemeral').length;
    const { body } = appMentionBody({ text: `<@${BOT_USER_ID}> ${BRIDGE_QUESTION}` }, { user: 'UMENTION' });
    const before = posts();
    await postSigned(a.url, body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) - 2 });
    await vi.waitFor(() => expect(posts()).toBe(before + 1), { timeout: 5000 });
    const retry = await postSigned(b.url, body, JSON_TYPE, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await settle();
    expect(posts()).toBe(before + 1);
  });

  it('answer an event and its retry arriving at once, while the database is slow, once', async () => {
    // A lock holds every limit write for a second, longer than the 300 ms a cooldown waits:
    // only a de-duplication that waits for the database keeps both processes from answering.
    const lock = new pg.Client({ connectionString: url.toString() });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE limit_marks IN SHARE MODE');
    const posts = () => api.calls.filter((c) => c.params.channel === 'CSLOW').length;
    const { body } = appMentionBody(
      { text: `<@${BOT_USER_ID}> ${BRIDGE_QUESTION}` },
      { user: 'USLOW', channel: 'CSLOW' },
    );
    const now = Math.floor(Date.now() / 1000);
    await Promise.all([
      postSigned(a.url, body, JSON_TYPE, { timestamp: now - 1 }),
      postSigned(b.url, body, JSON_TYPE, { timestamp: now, headers: { 'x-slack-retry-num': '1' } }),
    ]);
    await new Promise((r) => setTimeout(r, 1000));
    await lock.query('COMMIT');
    await lock.end();
    await vi.waitFor(() => expect(posts()).toBe(1), { timeout: 5000 });
    await settle();
    expect(posts()).toBe(1);
  });

  it('run a signed request replayed to the other process once', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const { id, body } = await slash(a, '/ask', BRIDGE_QUESTION, { user: 'UREPLAY' }, timestamp);
    await answerOn(id);
    expect((await postSigned(b.url, body, FORM, { timestamp })).status).toBe(200);
    await settle();
    expect(api.responsesTo(id)).toHaveLength(1);
  });
});

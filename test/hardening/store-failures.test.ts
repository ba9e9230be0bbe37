/**
 * A store that may fail, through the real discord.js client and Bolt app: answering never
 * needs the store, moderators are told when it is unavailable, nothing anyone typed is lost
 * silently, a frozen database holds no request past the timeouts, and moderation resumes by
 * itself when the database is back. Short backoff and timeouts keep it fast. A read-only data
 * directory is tried on the whole bot process, run as another user than the directory's owner.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escapeDiscord } from '../../adapters/discord/markdown.js';
import { PROPOSE_FIELDS, REASON_FIELD } from '../../adapters/shared/moderation/forms.js';
import { encodeId } from '../../adapters/shared/moderation/ids.js';
import { UNAVAILABLE } from '../../adapters/shared/moderation/texts.js';
import { escapeSlack } from '../../adapters/slack/render.js';
import { encodeMetadata } from '../../adapters/slack/response-url.js';
import { Engine } from '../../src/core/engine.js';
import { Moderation, type ModerationOptions } from '../../src/moderation/index.js';
import type { StoreOptions } from '../../src/store/index.js';
import { member, moderator, startBot as startDiscordBot, type RunningBot } from '../adapters/discord/harness.js';
import {
  chatInput,
  modalSubmit,
  stringOption,
  subcommand,
  type Actor,
  type Option,
} from '../adapters/discord/payloads.js';
import { callbackOf } from '../adapters/discord/stand-in.js';
import { startBot as startSlackBot, strings, type TestBot } from '../adapters/slack/bot.js';
import { FORM, postSigned, slashCommandBody, viewSubmissionBody } from '../adapters/slack/signed.js';
import { SlackStandIn } from '../adapters/slack/stand-ins.js';
import { TOLL_FORM } from '../helpers/moderation-fixture.js';
import { startBotProcess } from '../helpers/bot-process.js';
import { freshDataDir } from '../helpers/data-dir.js';
import { copyPack, MIN_PACK, type PackCopy } from '../helpers/pack-fixture.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { dropSchema, TEST_DATABASE_URL } from '../store/backends.js';

const QUESTION = 'when did the bridge open';
/** Retries every 100–400 ms and a one-second bound per call, where the bot uses 1–60 s and 2.5 s. */
const FAST: ModerationOptions = { retry: { firstMs: 100, maxMs: 400 }, callTimeoutMs: 1000, pollMs: 0 };
const TIMEOUTS = { connectMs: 500, statementMs: 500, idleMs: 5000 };

let pack: PackCopy;
let engine: Engine;
beforeAll(() => {
  pack = copyPack();
  engine = Engine.fromDir(pack.dir);
});
afterAll(() => pack?.remove());

/** A Discord bot on a stand-in over `moderation`, and how to talk to it. */
async function discordOver(moderation: Moderation) {
  const run = await startDiscordBot({ engine, moderation });
  const guild = run.discord.guilds[0]!;
  const interact = async (payload: Parameters<RunningBot['discord']['dispatchInteraction']>[0]) => {
    const sent = run.discord.dispatchInteraction(payload);
    const callback = await run.discord.waitForRequest(callbackOf(sent.id));
    const data = (callback.body.data ?? {}) as { content?: string; embeds?: unknown[] };
    return [data.content ?? '', ...strings(data.embeds ?? [])].join('\n');
  };
  const slash = (name: string, options: Option[], actor: Actor = member()) =>
    interact(chatInput(run.discord.applicationId, name, options, actor, { guild }));
  return {
    run,
    ask: () => slash('ask', [stringOption('question', QUESTION)]),
    report: () => slash('crosscheck', [subcommand('report')], moderator()),
    propose: () =>
      interact(modalSubmit(run.discord.applicationId, encodeId({ kind: 'propose' }), TOLL_FORM, member(), { guild })),
  };
}

const answered = (text: string) => expect(text).toMatch(/1999/);

describe('database unreachable at start', () => {
  let moderation: Moderation;
  let discord: Awaited<ReturnType<typeof discordOver>>;
  let api: SlackStandIn;
  let slack: TestBot;

  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused.
    moderation = await Moderation.connect(
      { databaseUrl: 'postgres://postgres@127.0.0.1:1/none', timeouts: TIMEOUTS },
      engine,
      FAST,
    );
    discord = await discordOver(moderation);
    api = await SlackStandIn.start();
    slack = await startSlackBot(api, { engine, moderation });
  });
  afterAll(async () => {
    await slack?.slack.stop();
    await api?.close();
    await discord?.run.stop();
    await moderation?.stop();
  });

  it('answers /ask on Discord and Slack', async () => {
    expect(moderation.available).toBe(false);
    answered(await discord.ask());
    await postSigned(slack.url, slashCommandBody('/ask', QUESTION, api.responseUrl('ask')), FORM);
    const reply = await vi.waitFor(() => {
      const [post] = api.responsesTo('ask');
      if (!post) throw new Error('no answer yet');
      return post.body;
    });
    answered(strings(reply).join('\n'));
  });

  it('tells moderators moderation is unavailable, and gives a Discord proposer back what they typed', async () => {
    expect(await discord.report()).toContain(escapeDiscord(UNAVAILABLE));
    const told = await discord.propose();
    expect(told).toContain(escapeDiscord(UNAVAILABLE));
    expect(told).toContain(escapeDiscord(TOLL_FORM[PROPOSE_FIELDS.quote]));
  });

  it('keeps a Slack form open with the reason under its field: nothing is acknowledged unsaved', async () => {
    const metadata = encodeMetadata({ channel: 'C1' });
    for (const [form, values, field] of [
      [encodeId({ kind: 'propose' }), TOLL_FORM, PROPOSE_FIELDS.statement],
      [encodeId({ kind: 'reason', record: 1 }), { [REASON_FIELD]: 'wrong year' }, REASON_FIELD],
    ] as const) {
      const ack = await postSigned(slack.url, viewSubmissionBody(form, values, metadata), FORM);
      const body = JSON.parse(ack.body) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(body.errors[field]).toContain(escapeSlack(UNAVAILABLE).slice(0, 30));
    }
  });
});

describe('an unusable data directory', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it.each([
    [
      'one that cannot be created',
      () => {
        const file = join(tmpdir(), `crosscheck-not-a-dir-${process.pid}`);
        writeFileSync(file, 'a file where the directory should be');
        dirs.push(file);
        return join(file, 'data');
      },
    ],
    [
      'a corrupt one',
      () => {
        const dir = join(tmpdir(), `crosscheck-corrupt-${process.pid}`);
        mkdirSync(join(dir, 'pglite', 'base'), { recursive: true });
        writeFileSync(join(dir, 'pglite', 'PG_VERSION'), 'garbage\n');
        writeFileSync(join(dir, 'pglite', 'global'), 'garbage\n');
        dirs.push(dir);
        return dir;
      },
    ],
  ])('%s: the bot answers, and moderators are told', async (_, make) => {
    const moderation = await Moderation.connect({ dataDir: make() } satisfies StoreOptions, engine, FAST);
    const discord = await discordOver(moderation);
    try {
      expect(moderation.available).toBe(false);
      answered(await discord.ask());
      expect(await discord.report()).toContain(escapeDiscord(UNAVAILABLE));
    } finally {
      await discord.run.stop();
      await moderation.stop();
    }
  });
});

/**
 * Root writes anywhere, so a read-only directory needs another user: the whole bot runs as
 * nobody, on a data directory owned by root. Needs root, and a project nobody may read.
 */
const asNobody = process.getuid?.() === 0 && (statSync(join(import.meta.dirname, '..', '..')).mode & 0o005) === 0o005;

describe.runIf(asNobody)('a data directory the bot may not write (runs the bot as nobody: needs root)', () => {
  let api: SlackStandIn;
  const dirs: string[] = [];
  beforeAll(async () => {
    api = await SlackStandIn.start();
  });
  afterAll(async () => {
    await api?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it.each([
    ['an empty one, as a volume owned by another user', () => mkdtempSync(join(tmpdir(), 'crosscheck-ro-'))],
    ['a migrated store of another user', () => freshDataDir('crosscheck-ro-')],
  ])(
    '%s: the bot answers /ask, and tells moderators moderation is unavailable',
    async (_, make) => {
      const dataDir = make();
      dirs.push(dataDir);
      // Readable by everyone, writable by root alone.
      execFileSync('chmod', ['-R', 'u=rwX,go=rX', dataDir]);
      const bot = await startBotProcess(
        api,
        { DATA_DIR: dataDir, KNOWLEDGE_DIR: MIN_PACK },
        { uid: 65534, gid: 65534 },
      );
      try {
        const slash = async (command: string, text: string, user: string) => {
          const id = `${user}-${dirs.length}`;
          await postSigned(bot.url, slashCommandBody(command, text, api.responseUrl(id), { user }), FORM);
          return vi.waitFor(() => {
            const [post] = api.responsesTo(id);
            if (!post) throw new Error('no answer yet');
            return strings(post.body).join('\n');
          });
        };
        answered(await slash('/ask', QUESTION, 'U1'));
        expect(await slash('/crosscheck', 'report', 'UMOD')).toContain(escapeSlack(UNAVAILABLE));
        // It did try, and was refused by the file system.
        expect(bot.logs().some((l) => /EACCES|EPERM/.test(JSON.stringify(l)))).toBe(true);
      } finally {
        expect(await bot.stop()).toBe(0);
      }
    },
    40_000,
  );
});

describe.runIf(TEST_DATABASE_URL)('PostgreSQL that goes away and comes back', () => {
  const schema = `t_failures_${process.pid}_${Date.now().toString(36)}`;
  let proxy: TcpProxy;
  let moderation: Moderation;
  let discord: Awaited<ReturnType<typeof discordOver>>;

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) }, 'refuse');
    target.host = `127.0.0.1:${proxy.port}`;
    moderation = await Moderation.connect(
      { databaseUrl: target.toString(), schema, retentionDays: 0, timeouts: TIMEOUTS },
      engine,
      FAST,
    );
    discord = await discordOver(moderation);
  });
  afterAll(async () => {
    await discord?.run.stop();
    await moderation?.stop();
    await proxy?.close();
    await dropSchema(schema);
  });

  it('resumes moderation by itself once the database is back', async () => {
    expect(moderation.available).toBe(false);
    expect(await discord.report()).toContain(escapeDiscord(UNAVAILABLE));
    proxy.mode = 'forward';
    await vi.waitFor(() => expect(moderation.available).toBe(true), { timeout: 5000, interval: 50 });
    expect(await discord.report()).toMatch(/Report for the last 7 days/);
  });

  it('bounds every request when the database freezes, and tells the user', async () => {
    proxy.mode = 'freeze';
    for (const request of [discord.report, discord.propose]) {
      const started = Date.now();
      expect(await request()).toContain(escapeDiscord(UNAVAILABLE));
      expect(Date.now() - started).toBeLessThan(2500);
    }
    // Answers never wait for the store: the record is given up on, and the reply goes out.
    const started = Date.now();
    answered(await discord.ask());
    expect(Date.now() - started).toBeLessThan(2500);
  });
});

/**
 * One bot for many workspaces: Bolt's own OAuth handlers (/slack/install,
 * /slack/oauth_redirect) against the Slack stand-in's oauth.v2.access, installations kept
 * sealed in the store, each workspace answered with its own token, and an uninstall or a
 * revoked token removing that workspace's installation.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SecretBox } from '../../../src/store/secret-box.js';
import { Installations } from '../../../src/store/installations.js';
import { openModerationFixture, type ModerationFixture } from '../../helpers/moderation-fixture.js';
import { startBot, type TestBot } from './bot.js';
import { appMentionBody, JSON_TYPE, postSigned, workspaceEventBody } from './signed.js';
import { SlackStandIn } from './stand-ins.js';

const KEY = randomBytes(32);
const STATE_SECRET = 'stand-in-state-secret-0c2f9a61d4e8';

let api: SlackStandIn;
let fx: ModerationFixture;
let bot: TestBot;
let base: string;

beforeAll(async () => {
  api = await SlackStandIn.start();
  fx = await openModerationFixture();
  bot = await startBot(api, {
    engine: fx.engine,
    moderation: fx.moderation,
    config: {
      botToken: undefined,
      oauth: {
        clientId: api.client.id,
        clientSecret: api.client.secret,
        stateSecret: STATE_SECRET,
        encryptionKey: KEY,
      },
    },
  });
  base = bot.url.replace(/\/slack\/events$/, '');
});
afterAll(async () => {
  await bot.slack.stop();
  await fx.cleanup();
  await api.close();
});

/** An admin opens /slack/install: Bolt's page links to Slack's authorize URL and sets the state cookie. */
async function startInstall(): Promise<{ state: string; cookie: string }> {
  const res = await fetch(`${base}/slack/install`);
  expect(res.status).toBe(200);
  const page = await res.text();
  const link = new URL(/href="([^"]+oauth\/v2\/authorize[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&'));
  expect(link.searchParams.get('client_id')).toBe(api.client.id);
  expect(link.searchParams.get('scope')?.split(',')).toContain('chat:write');
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { state: link.searchParams.get('state')!, cookie };
}

/** Slack redirects the admin's browser back with a code and the state. */
const redirect = (code: string, state: string, cookie: string) =>
  fetch(`${base}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });

async function install(team: string): Promise<void> {
  const { state, cookie } = await startInstall();
  const res = await redirect(api.approveInstall(team), state, cookie);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/Thank you/i);
}

const installations = () => new Installations(fx.moderation.store, new SecretBox(KEY));

/** Mentions the bot in a workspace and returns the Authorization of the chat.postMessage that answered. */
async function answeredWith(team: string): Promise<string | undefined> {
  const before = api.callsTo('chat.postMessage').length;
  const { body } = appMentionBody({ text: '<@UBOT> what do you know' }, { team, channel: `C${team}` });
  expect((await postSigned(bot.url, body, JSON_TYPE)).status).toBe(200);
  return vi.waitFor(
    () => {
      const call = api
        .callsTo('chat.postMessage')
        .slice(before)
        .find((c) => c.params.channel === `C${team}`);
      if (!call) throw new Error(`no answer in ${team}`);
      return call.authorization;
    },
    { timeout: 3000 },
  );
}

describe('Slack installation by OAuth', () => {
  it('installs two workspaces through Bolt’s handlers, and answers each with its own token', async () => {
    await install('TALPHA');
    await install('TBETA');
    expect(api.callsTo('oauth.v2.access')).toHaveLength(2);
    const alpha = api.tokenOf('TALPHA')!;
    const beta = api.tokenOf('TBETA')!;
    expect(alpha).not.toBe(beta);
    expect(await answeredWith('TALPHA')).toBe(`Bearer ${alpha}`);
    expect(await answeredWith('TBETA')).toBe(`Bearer ${beta}`);
  });

  it('keeps the tokens encrypted at rest', async () => {
    const rows = await fx.moderation.store.query<{ tenant: string; sealed: string }>(
      'SELECT tenant, sealed FROM installations ORDER BY tenant',
    );
    expect(rows.map((r) => r.tenant)).toEqual(expect.arrayContaining(['slack:TALPHA', 'slack:TBETA']));
    for (const row of rows) {
      expect(row.sealed).toMatch(/^v1:/);
      expect(row.sealed).not.toContain('xoxb-');
      expect(row.sealed).not.toContain(row.tenant.slice('slack:'.length));
    }
    const alpha = await installations().get<{ bot: { token: string } }>('slack:TALPHA');
    expect(alpha?.bot.token).toBe(api.tokenOf('TALPHA'));
    // The key opens nothing under another row's name, and another key opens nothing.
    const box = new SecretBox(randomBytes(32));
    expect(() => box.open(rows[0]!.sealed, rows[0]!.tenant)).toThrow();
    expect(() => new SecretBox(KEY).open(rows[0]!.sealed, 'slack:TOTHER')).toThrow();
  });

  it('refuses a forged state, a state without its cookie, and a replayed state', async () => {
    const calls = () => api.callsTo('oauth.v2.access').length;
    const before = calls();
    const forged = await redirect(api.approveInstall('TEVIL'), 'forged-state', 'slack-app-oauth-state=forged-state');
    expect(forged.status).toBeGreaterThanOrEqual(400);

    const { state, cookie } = await startInstall();
    const noCookie = await redirect(api.approveInstall('TEVIL'), state, '');
    expect(noCookie.status).toBeGreaterThanOrEqual(400);
    expect(calls()).toBe(before);

    const first = await redirect(api.approveInstall('TGAMMA'), state, cookie);
    expect(first.status).toBe(200);
    const replay = await redirect(api.approveInstall('TEVIL'), state, cookie);
    expect(replay.status).toBeGreaterThanOrEqual(400);
    expect(calls()).toBe(before + 1);
    expect(await installations().get('slack:TEVIL')).toBeUndefined();
  });

  it('removes a workspace’s installation on app_uninstalled, and on tokens_revoked for the bot', async () => {
    const uninstall = workspaceEventBody({ type: 'app_uninstalled' }, 'TALPHA');
    expect((await postSigned(bot.url, uninstall, JSON_TYPE)).status).toBe(200);
    await vi.waitFor(async () => expect(await installations().get('slack:TALPHA')).toBeUndefined());
    // A user token revoked leaves the bot installed; the bot's token revoked does not.
    const userOnly = workspaceEventBody({ type: 'tokens_revoked', tokens: { oauth: ['UTBETAADMIN'] } }, 'TBETA');
    expect((await postSigned(bot.url, userOnly, JSON_TYPE)).status).toBe(200);
    expect(await installations().get('slack:TBETA')).toBeDefined();
    const revoked = workspaceEventBody({ type: 'tokens_revoked', tokens: { bot: ['UBOTTBETA'] } }, 'TBETA');
    expect((await postSigned(bot.url, revoked, JSON_TYPE)).status).toBe(200);
    await vi.waitFor(async () => expect(await installations().get('slack:TBETA')).toBeUndefined());

    // The uninstalled workspace is no longer answered; the other installed one still is.
    const posted = api.callsTo('chat.postMessage').length;
    const { body } = appMentionBody({ text: '<@UBOT> what do you know' }, { team: 'TALPHA', channel: 'CTALPHA' });
    expect((await postSigned(bot.url, body, JSON_TYPE)).status).toBe(200);
    expect(await answeredWith('TGAMMA')).toBe(`Bearer ${api.tokenOf('TGAMMA')}`);
    expect(
      api
        .callsTo('chat.postMessage')
        .slice(posted)
        .map((c) => c.params.channel),
    ).toEqual(['CTGAMMA']);
  });

  it('writes no token, client secret, state secret or key to its logs, at debug level', () => {
    const out = JSON.stringify(bot.logs.entries);
    expect(bot.logs.entries.length).toBeGreaterThan(10);
    const tokens = ['TALPHA', 'TBETA', 'TGAMMA'].map((t) => api.tokenOf(t) ?? '');
    for (const secret of [...tokens, api.client.secret, STATE_SECRET, KEY.toString('hex'), KEY.toString('base64')]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(out).not.toContain(secret);
    }
  });
});

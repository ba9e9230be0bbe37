import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789';
const SLACK_TOKEN = 'xoxb-111-222-abcdefabcdef';
const SIGNING = 'f00dfeedf00dfeedf00dfeed';

function capture(secrets: string[]) {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (d) => (out += d));
  const logger = createLogger({ level: 'trace', stream, secrets });
  return { logger, read: () => out };
}

describe('logging', () => {
  it('never writes tokens or secrets, however they are logged', () => {
    const config = loadConfig({
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: '123456',
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING,
    });
    const { logger, read } = capture([DISCORD_TOKEN, SLACK_TOKEN, SIGNING]);
    logger.info({ config }, 'starting');
    logger.info({ token: DISCORD_TOKEN, headers: { authorization: `Bot ${DISCORD_TOKEN}` } }, 'request');
    logger.warn(`login failed for ${SLACK_TOKEN} with secret ${SIGNING}`);
    logger.error({ err: new Error(`401 for token ${DISCORD_TOKEN}`) }, 'discord error');
    logger.child({ platform: 'slack', botToken: SLACK_TOKEN }).info({ body: { text: `leaked ${SIGNING}` } }, 'child');
    const out = read();
    expect(out.split('\n').filter(Boolean).length).toBe(5);
    for (const secret of [DISCORD_TOKEN, SLACK_TOKEN, SIGNING, 'GAbCdE']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('never writes the OAuth secrets or the key that encrypts stored tokens', () => {
    const secrets = {
      SLACK_CLIENT_SECRET: 'c1i3nt-s3cr3t-0123456789',
      SLACK_STATE_SECRET: 'st4te-s3cr3t-0123456789abcdef',
      TOKEN_ENCRYPTION_KEY: 'ab'.repeat(32),
    };
    const config = loadConfig({ SLACK_CLIENT_ID: '1111.2222', SLACK_SIGNING_SECRET: SIGNING, ...secrets });
    const { logger, read } = capture(Object.values(secrets));
    logger.info({ config }, 'starting');
    logger.info({ env: config.env }, 'environment');
    logger.info({ clientSecret: secrets.SLACK_CLIENT_SECRET, oauth: config.slack?.oauth }, 'oauth');
    logger.warn(`oauth.v2.access failed with client_secret=${secrets.SLACK_CLIENT_SECRET}`);
    // A library logging a request body whole, with a secret the configuration never named.
    const { logger: bare, read: readBare } = capture([]);
    bare.debug('http request body: {"client_id":"1.2","client_secret":"unnamed-secret-42"}');
    bare.debug('posting client_secret=unnamed-secret-42&code=c1');
    expect(readBare()).not.toContain('unnamed-secret-42');
    const out = read();
    expect(out.split('\n').filter(Boolean).length).toBe(4);
    for (const secret of Object.values(secrets)) expect(out).not.toContain(secret);
    // The key is a Buffer in the config: none of its bytes are written either.
    expect(out).not.toMatch(/"data":\[171,171/);
  });

  it('redacts token-shaped strings even when they were never configured', () => {
    const { logger, read } = capture([]);
    logger.info({ note: 'xapp-1-A0123-abcdef0123456789' }, 'unknown token');
    expect(read()).not.toContain('xapp-1-A0123');
  });

  it('carries interaction context on child loggers', () => {
    const { logger, read } = capture([]);
    logger.child({ platform: 'discord', guild: 'g1', channel: 'c1', interaction: 'i1' }).info('answered');
    expect(JSON.parse(read().trim())).toMatchObject({
      platform: 'discord',
      guild: 'g1',
      channel: 'c1',
      interaction: 'i1',
      msg: 'answered',
    });
  });
});

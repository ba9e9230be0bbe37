/**
 * The installation store Bolt authorizes every request with (Slack installed by OAuth): a
 * workspace's installation is read once a minute, not once a request (each read queued behind
 * the store's small pool, and under load hundreds timed out and went unanswered); the one
 * read last keeps answering while the store fails; an uninstall is seen at once here, and on
 * another instance within the minute.
 */
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INSTALLATION_REREAD_MS, slackInstallationStore } from '../../../adapters/slack/installations.js';
import type { Store } from '../../../src/store/index.js';
import { Installations } from '../../../src/store/installations.js';
import { SecretBox } from '../../../src/store/secret-box.js';
import { pgliteBackend } from '../../store/backends.js';

const backend = pgliteBackend();
let store: Store;
let reads = 0;
let failing = false;
let clock = 0;
/** The store as the adapter sees it, counting reads, and failing on demand as a lost database does. */
const db = {
  query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    if (failing) return Promise.reject(new Error('the store is unreachable'));
    if (sql.startsWith('SELECT')) reads++;
    return store.query<T>(sql, params);
  },
};
const installs = new Installations(db, new SecretBox(randomBytes(32)));
const bolt = slackInstallationStore(installs, () => clock);

const installation = (team: string) =>
  ({
    team: { id: team },
    bot: { token: `xoxb-${team}`, userId: `UBOT${team}`, id: `B${team}`, scopes: ['commands'] },
    isEnterpriseInstall: false,
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: `U${team}ADMIN` },
    tokenType: 'bot',
    authVersion: 'v2',
  }) as Installation<'v2', false>;
const fetch = (team: string) =>
  bolt.fetchInstallation({ teamId: team, isEnterpriseInstall: false, enterpriseId: undefined });

beforeAll(async () => {
  store = await backend.open();
  for (const team of ['T1', 'T2', 'T3']) await bolt.storeInstallation(installation(team));
});
afterAll(async () => {
  await store?.close();
  await backend.cleanup();
});

it('reads a workspace once a minute, not once a request', async () => {
  reads = 0;
  for (let i = 0; i < 5; i++) expect((await fetch('T1')).bot?.token).toBe('xoxb-T1');
  expect(reads).toBe(1);
  clock += INSTALLATION_REREAD_MS;
  await fetch('T1');
  expect(reads).toBe(2);
});

it('answers with the installation read last while the store fails, and refuses a workspace it never read', async () => {
  failing = true;
  clock += INSTALLATION_REREAD_MS;
  try {
    expect((await fetch('T1')).bot?.token).toBe('xoxb-T1');
    await expect(fetch('T2')).rejects.toThrow(/unreachable/);
  } finally {
    failing = false;
  }
});

it('forgets a workspace uninstalled here at once, and one uninstalled elsewhere when it reads again', async () => {
  await fetch('T1');
  await bolt.deleteInstallation!({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined });
  await expect(fetch('T1')).rejects.toThrow(/no installation for slack:T1/);

  await fetch('T3');
  await installs.remove('slack:T3'); // by another instance
  expect((await fetch('T3')).bot?.token).toBe('xoxb-T3');
  clock += INSTALLATION_REREAD_MS;
  await expect(fetch('T3')).rejects.toThrow(/no installation for slack:T3/);
});

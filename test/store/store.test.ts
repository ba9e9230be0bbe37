/**
 * The store on both engines: migrations, records across a restart, hashed users, votes,
 * retention, channel settings. PGlite always; PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../../src/store/db.js';
import { MIGRATIONS, migrate, openStore, Store } from '../../src/store/index.js';
import { backends, postgresBackend, TEST_DATABASE_URL } from './backends.js';

const DAY = 86_400_000;

describe.each(backends('store'))('store on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  /** Closes the store and opens the same database again, as a restarted bot would. */
  const restart = async () => {
    await store.close();
    store = await backend.open();
  };

  it('runs on the engine it was asked for', () => {
    expect(store.kind).toBe(backend.name);
  });

  it('applies each migration once, however often it is opened', async () => {
    const versions = async () =>
      (await store.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) =>
        Number(r.version),
      );
    expect(await versions()).toEqual(MIGRATIONS.map((m) => m.version));
    // Running them again, directly and by reopening, changes nothing.
    await store.close();
    const db =
      backend.name === 'pglite'
        ? await openPglite(`${backend.options.dataDir}/pglite`, 'public')
        : await openPostgres(TEST_DATABASE_URL!, backend.options.schema!, pino({ enabled: false }));
    try {
      expect(await migrate(db, backend.options.schema ?? 'public')).toEqual([]);
    } finally {
      await db.close();
    }
    store = await backend.open();
    expect(await versions()).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('interactions', 'votes', 'proposals', 'channel_settings', 'settings', 'schema_migrations')",
    );
    expect(tables[0]!.n).toBe(6);
  });

  it('keeps records across a restart', async () => {
    const id = await store.recordInteraction({
      tenant: 'discord:g1',
      platform: 'discord',
      guild: 'g1',
      channel: 'c1',
      userId: 'u-restart',
      command: 'ask',
      text: 'who built the bridge',
      outcome: 'answered',
      factIds: ['bridge-opened', 'bridge-never'],
    });
    await store.vote({
      tenant: 'discord:g1',
      interactionId: id,
      platform: 'discord',
      userId: 'u-voter',
      helpful: false,
      reason: 'missed the point',
    });
    const { proposal } = await store.addProposal({
      tenant: 'discord:g1',
      statement: 'A statement that is long enough.',
      quote: 'a quote of some length',
      topic: 'bridge',
      kind: 'report',
      source: { title: 'A new article', author: 'Someone', date: '2024-05', url: 'https://example.com/x' },
      proposer: { platform: 'slack', userId: 'U1', name: 'Ann' },
    });
    await store.setChannelSetting('discord:g1', 'slack', 'C1', { mode: 'ephemeral', cooldownSeconds: 30 }, 'Mo');
    const hashBefore = store.hashUser('discord', 'u-restart');

    await restart();

    const i = await store.getInteraction('discord:g1', id);
    expect(i).toMatchObject({
      id,
      platform: 'discord',
      guild: 'g1',
      channel: 'c1',
      command: 'ask',
      text: 'who built the bridge',
      outcome: 'answered',
      factIds: ['bridge-opened', 'bridge-never'],
    });
    expect(new Date(i!.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The per-install secret was kept, so the same user hashes the same after a restart.
    expect(i!.userHash).toBe(hashBefore);
    expect(store.hashUser('discord', 'u-restart')).toBe(hashBefore);
    expect(await store.voteCounts(id, { platform: 'discord', userId: 'u-voter' })).toEqual({
      helpful: 0,
      notHelpful: 1,
      mine: false,
    });
    expect(await store.getProposal('discord:g1', proposal.id)).toEqual(proposal);
    expect(proposal.source).toEqual({
      title: 'A new article',
      author: 'Someone',
      date: '2024-05',
      url: 'https://example.com/x',
    });
    expect(await store.getChannelSetting('discord:g1', 'slack', 'C1')).toMatchObject({
      mode: 'ephemeral',
      cooldownSeconds: 30,
      updatedBy: 'Mo',
    });
  });

  it('never keeps a user id, only its keyed hash', async () => {
    const id = await store.recordInteraction({
      tenant: 'discord:g1',
      platform: 'slack',
      userId: 'U0SECRET',
      command: 'check',
      text: 'a claim',
      outcome: 'unverified',
    });
    const rows = await store.query<Record<string, unknown>>('SELECT * FROM interactions WHERE id = $1', [id]);
    expect(JSON.stringify(rows)).not.toContain('U0SECRET');
    expect(rows[0]!.user_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes with the configured secret when there is one', async () => {
    const generated = store.hashUser('discord', '42');
    await store.close();
    store = await backend.open({ userHashSecret: 'configured-secret' });
    const expected = createHmac('sha256', 'configured-secret').update('discord:42').digest('hex');
    expect(store.hashUser('discord', '42')).toBe(expected);
    expect(generated).not.toBe(expected);
    await restart();
  });

  it.runIf(backend.name === 'pglite')('refuses a second opener of the same embedded database', async () => {
    await expect(backend.open()).rejects.toThrow(/is in use by a running process/);
    // The refused opener left the lock alone: the store still works, and reopens after a restart.
    await restart();
    expect(await store.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('keeps one vote per user per interaction, and lets it change', async () => {
    const id = await store.recordInteraction({
      tenant: 'discord:g1',
      platform: 'discord',
      userId: 'asker',
      command: 'ask',
      text: 'q',
      outcome: 'answered',
      factIds: ['f1'],
    });
    expect(
      await store.vote({ tenant: 'discord:g1', interactionId: id, platform: 'discord', userId: 'v1', helpful: true }),
    ).toBe('created');
    expect(
      await store.vote({
        tenant: 'discord:g1',
        interactionId: id,
        platform: 'discord',
        userId: 'v1',
        helpful: false,
        reason: '  wrong   year\n',
      }),
    ).toBe('updated');
    expect(
      await store.vote({ tenant: 'discord:g1', interactionId: id, platform: 'discord', userId: 'v2', helpful: true }),
    ).toBe('created');
    // The same id on another platform is another person.
    expect(
      await store.vote({ tenant: 'discord:g1', interactionId: id, platform: 'slack', userId: 'v1', helpful: true }),
    ).toBe('created');
    expect(await store.voteCounts(id, { platform: 'discord', userId: 'v1' })).toEqual({
      helpful: 2,
      notHelpful: 1,
      mine: false,
    });
    const rows = await store.query<{ reason: string | null }>(
      'SELECT reason FROM votes WHERE interaction_id = $1 AND NOT helpful',
      [id],
    );
    expect(rows).toEqual([{ reason: 'wrong year' }]);
    expect(
      await store.vote({
        tenant: 'discord:g1',
        interactionId: 99_999_999,
        platform: 'discord',
        userId: 'v1',
        helpful: true,
      }),
    ).toBe('unknown_interaction');
  });

  it('prunes interactions older than the retention period, with their votes', async () => {
    const old = await store.recordInteraction({
      tenant: 'discord:g1',
      platform: 'discord',
      userId: 'u',
      command: 'ask',
      text: 'old',
      outcome: 'no_answer',
      at: new Date(Date.now() - 100 * DAY),
    });
    const recent = await store.recordInteraction({
      tenant: 'discord:g1',
      platform: 'discord',
      userId: 'u',
      command: 'ask',
      text: 'recent',
      outcome: 'no_answer',
      at: new Date(Date.now() - 10 * DAY),
    });
    await store.vote({ tenant: 'discord:g1', interactionId: old, platform: 'discord', userId: 'v', helpful: false });
    expect(await store.prune(90)).toBeGreaterThanOrEqual(1);
    expect(await store.getInteraction('discord:g1', old)).toBeUndefined();
    expect(await store.getInteraction('discord:g1', recent)).toBeDefined();
    expect(await store.query('SELECT 1 FROM votes WHERE interaction_id = $1', [old])).toEqual([]);
    // Opening with a retention period prunes at once.
    await store.close();
    store = await backend.open({ retentionDays: 5 });
    expect(await store.getInteraction('discord:g1', recent)).toBeUndefined();
  });

  it('keeps channel settings, changing only what is given', async () => {
    await store.setChannelSetting('discord:g1', 'discord', 'ch-1', { mode: 'public' }, 'Mo');
    expect(await store.getChannelSetting('discord:g1', 'discord', 'ch-1')).toMatchObject({
      mode: 'public',
      cooldownSeconds: null,
    });
    await store.setChannelSetting('discord:g1', 'discord', 'ch-1', { cooldownSeconds: 12 }, 'Mo');
    expect(await store.getChannelSetting('discord:g1', 'discord', 'ch-1')).toMatchObject({
      mode: 'public',
      cooldownSeconds: 12,
    });
    await store.setChannelSetting('discord:g1', 'discord', 'ch-1', { mode: 'off', cooldownSeconds: null }, 'Ed');
    expect(await store.getChannelSetting('discord:g1', 'discord', 'ch-1')).toMatchObject({
      mode: 'off',
      cooldownSeconds: null,
      updatedBy: 'Ed',
    });
    expect(await store.getChannelSetting('discord:g1', 'slack', 'ch-1')).toBeUndefined();
    await expect(
      store.setChannelSetting('discord:g1', 'discord', 'ch-2', { cooldownSeconds: 99_999 }),
    ).rejects.toThrow();
  });

  it('changes its fingerprint on every approval and channel change', async () => {
    const before = await store.fingerprint();
    await store.setChannelSetting('discord:g1', 'discord', 'ch-fp', { mode: 'ephemeral' });
    const afterChannel = await store.fingerprint();
    expect(afterChannel).not.toBe(before);
    const { proposal: p } = await store.addProposal({
      tenant: 'discord:g1',
      statement: 'Another statement here.',
      quote: 'another quote',
      topic: 'bridge',
      kind: 'report',
      source: { document: 'doc1' },
      proposer: { platform: 'discord', userId: 'p', name: 'P' },
    });
    expect(await store.fingerprint()).toBe(afterChannel); // a pending proposal changes no answer
    await store.decideProposal('discord:g1', p.id, 'approved', { platform: 'discord', userId: 'm', name: 'M' });
    expect(await store.fingerprint()).not.toBe(afterChannel);
  });
});

describe.runIf(TEST_DATABASE_URL)('migrations on a shared PostgreSQL', () => {
  it('are safe when several processes open a new database at once', async () => {
    const backend = postgresBackend('race');
    try {
      const stores = await Promise.all([backend.open(), backend.open(), backend.open()]);
      const rows = await stores[0]!.query<{ version: number }>('SELECT version FROM schema_migrations');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      // Every process sees the same per-install secret.
      const hashes = new Set(stores.map((s) => s.hashUser('discord', 'x')));
      expect(hashes.size).toBe(1);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await backend.cleanup();
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openStore({ databaseUrl: TEST_DATABASE_URL, schema: 'bad"name' })).rejects.toThrow(/schema/);
  });
});

describe('migration 2: tenants', () => {
  it('gives old records their community; a proposal approved before tenants belongs to none', async () => {
    const backend = backends('tenants')[0]!;
    // A schema of its own in the template's files, migrated as an older bot left it.
    const schema = 'before_tenants';
    const db = await openPglite(`${backend.options.dataDir}/pglite`, schema);
    try {
      await migrate(db, schema, MIGRATIONS.slice(0, 1));
      await db.query(
        `INSERT INTO interactions (platform, guild, channel, command, text, outcome, user_hash) VALUES
         ('discord', 'g1', 'c1', 'ask', 'in a guild', 'answered', 'h'), ('discord', NULL, 'd1', 'ask', 'in a DM', 'answered', 'h')`,
      );
      await db.query("INSERT INTO channel_settings (platform, channel, mode) VALUES ('discord', 'c1', 'off')");
      await db.query(
        `INSERT INTO proposals (status, statement, quote, topic, kind, source_document, platform, proposer_name, proposer_hash, reviewer_name, reviewed_at)
         VALUES ('approved', 'An old statement.', 'an old quote', 'bridge', 'report', 'doc1', 'discord', 'Pat', 'h', 'Mo', now())`,
      );
      expect(await migrate(db, schema, MIGRATIONS.slice(0, 2))).toEqual([2]);
      expect(await db.query('SELECT text, tenant FROM interactions ORDER BY id')).toEqual([
        { text: 'in a guild', tenant: 'discord:g1' },
        { text: 'in a DM', tenant: 'discord:dm:d1' },
      ]);
      expect(await db.query('SELECT tenant, channel FROM channel_settings')).toEqual([
        { tenant: 'discord:g1', channel: 'c1' },
      ]);
      const store = new Store(db, schema, 'secret', pino({ enabled: false }));
      const [old] = await store.approvedProposals();
      expect(old).toMatchObject({ tenant: null, statement: 'An old statement.' });
      // No community's queue shows it, and no engine is given it (approvedFact has no tenant to mark).
      expect(await store.getProposal('discord:g1', old!.id)).toBeUndefined();
    } finally {
      await db.close();
      await backend.cleanup();
    }
  });
});

describe('the embedded store on disk', () => {
  it('restarts after its holder was killed with SIGKILL, and keeps its files to the bot alone', async () => {
    const backend = backends('lock')[0]!;
    const dataDir = backend.options.dataDir!;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-store.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d) => String(d).includes('open') && resolve());
        child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
      });
      // While it lives, nobody else may open the files.
      await expect(backend.open()).rejects.toThrow(/is in use by a running process/);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // Its lock is left behind, stale: a restart takes it over.
      expect(existsSync(`${dataDir}/pglite.lock`)).toBe(true);
      const store = await backend.open();
      try {
        expect(await store.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
        const modes = (dir: string): number[] =>
          readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
            e.isDirectory()
              ? [statSync(join(dir, e.name)).mode & 0o777, ...modes(join(dir, e.name))]
              : e.isFile()
                ? [statSync(join(dir, e.name)).mode & 0o777]
                : [],
          );
        const all = [statSync(dataDir).mode & 0o777, ...modes(dataDir)];
        expect(all.length).toBeGreaterThan(10);
        expect(all.filter((m) => m !== 0o600 && m !== 0o700)).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      child.kill('SIGKILL');
      await backend.cleanup();
    }
  });
});

/**
 * Several bot processes over one store: an approved fact reaches every engine within 5 s
 * (LISTEN/NOTIFY, or the poll when notifications are off), and channel settings follow.
 * The cross-instance tests need PostgreSQL (two stores, each with its own connections);
 * the single-instance ones run on PGlite too.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { Moderation, recordParts } from '../../src/moderation/index.js';
import type { Actor, Store } from '../../src/store/index.js';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';
import { backends, postgresBackend, TEST_DATABASE_URL, type Backend } from '../store/backends.js';

/** The community these tests act in: its approved facts are cited only there. */
const HERE = { tenant: 'discord:g1' };

const mo: Actor = { platform: 'slack', userId: 'UMOD', name: 'Mo' };
const pat: Actor = { platform: 'slack', userId: 'UPAT', name: 'Pat' };

function packWith(line: string): PackCopy {
  const copy = copyPack();
  copy.write('sources/doc1.txt', `${readFileSync(`${copy.dir}/sources/doc1.txt`, 'utf8')}${line}\n`);
  return copy;
}

/** Polls `check` until it holds; returns the milliseconds it took, or throws after `limit`. */
async function within(limit: number, check: () => boolean): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limit) throw new Error(`not within ${limit} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
}

describe.each(backends('channels'))('channel settings on $name', (backend) => {
  let store: Store;
  let mod: Moderation;
  let copy: PackCopy;

  beforeAll(async () => {
    copy = copyPack();
    store = await backend.open();
    mod = await Moderation.start(store, Engine.fromDir(copy.dir), {
      pollMs: 0,
      defaults: { mode: 'public', cooldownSeconds: 5 },
    });
  });
  afterAll(async () => {
    await mod?.stop();
    await store?.close();
    await backend.cleanup();
    copy.remove();
  });

  it('fills in defaults, applies a change at once, and keeps it across a restart', async () => {
    expect(mod.channel('discord:g1', 'slack', 'C1')).toEqual({
      mode: 'public',
      cooldownSeconds: 5,
      setting: undefined,
    });
    expect(mod.channel('discord:g1', 'slack', 'C1', { mode: 'ephemeral' }).mode).toBe('ephemeral');
    await mod.setChannel('discord:g1', 'slack', 'C1', { mode: 'off', cooldownSeconds: 20 }, mo);
    expect(mod.channel('discord:g1', 'slack', 'C1')).toMatchObject({
      mode: 'off',
      cooldownSeconds: 20,
      setting: { updatedBy: 'Mo' },
    });
    await mod.setChannel('discord:g1', 'slack', 'C1', { cooldownSeconds: null }, mo);
    expect(mod.channel('discord:g1', 'slack', 'C1')).toMatchObject({ mode: 'off', cooldownSeconds: 5 });
    await expect(mod.setChannel('discord:g1', 'slack', 'C1', { mode: 'loud' as never }, mo)).rejects.toThrow(
      /mode must be one of/,
    );
    await expect(mod.setChannel('discord:g1', 'slack', 'C1', { cooldownSeconds: 1.5 }, mo)).rejects.toThrow(
      /whole number/,
    );

    await mod.stop();
    await store.close();
    store = await backend.open();
    mod = await Moderation.start(store, Engine.fromDir(copy.dir), { pollMs: 0 });
    expect(mod.channel('discord:g1', 'slack', 'C1')).toMatchObject({ mode: 'off', cooldownSeconds: 5 });
    expect(mod.channels('discord:g1').map((c) => c.channel)).toEqual(['C1']);
  });

  it('records answers and verdicts for the report, with the cited facts', async () => {
    const engine = mod.engine;
    const answer = engine.ask('when was the bridge opened');
    const id = (await mod.record({
      tenant: 'discord:g1',
      platform: 'slack',
      guild: 'T1',
      channel: 'C1',
      userId: 'U1',
      command: 'ask',
      result: answer,
    }))!;
    expect(await store.getInteraction('discord:g1', id)).toMatchObject({
      platform: 'slack',
      guild: 'T1',
      command: 'ask',
      text: answer.query,
      outcome: 'answered',
      factIds: answer.citations.map((c) => c.fact),
    });
    const verdicts = [engine.check('the bridge opened in 1999'), engine.check('the moon is made of cheese')];
    expect(recordParts(verdicts).map((p) => p.outcome)).toEqual(verdicts.map((v) => v.verdict));
    const first = (await mod.record({
      tenant: 'discord:g1',
      platform: 'slack',
      channel: 'C1',
      userId: 'U1',
      command: 'check_message',
      result: verdicts,
    }))!;
    expect((await store.getInteraction('discord:g1', first))?.text).toBe(verdicts[0]!.claim);
    expect(
      await mod.vote({
        tenant: 'discord:g1',
        interactionId: id,
        platform: 'slack',
        userId: 'U2',
        helpful: false,
        reason: 'no',
      }),
    ).toBe('created');
  });

  it('does not fail a reply when the store is down: the record is just missing', async () => {
    await store.close();
    expect(
      await mod.record({
        tenant: 'discord:g1',
        platform: 'slack',
        userId: 'U1',
        command: 'ask',
        result: mod.engine.ask('when was the bridge opened'),
      }),
    ).toBeNull();
  });
});

describe.runIf(TEST_DATABASE_URL)('two bot processes sharing PostgreSQL', () => {
  let backend: Backend;
  let copy: PackCopy;
  const line = 'Tolls on the bridge were abolished in 2005 after protests.';
  const question = 'when were the bridge tolls abolished';
  const running: { store: Store; mod: Moderation; engine: Engine }[] = [];

  /** One bot: its own store (own pool and LISTEN connection), engine and sync. */
  const bot = async (options: { pollMs?: number; listen?: boolean }) => {
    const store = await backend.open();
    const engine = Engine.fromDir(copy.dir);
    const mod = await Moderation.start(store, engine, options);
    const b = { store, mod, engine };
    running.push(b);
    return b;
  };

  beforeAll(() => {
    backend = postgresBackend('sync');
    copy = packWith(line);
  });
  afterAll(async () => {
    for (const b of running) {
      await b.mod.stop();
      await b.store.close();
    }
    await backend.cleanup();
    copy.remove();
  });

  const proposeToll = async (a: Moderation, statement: string) => {
    const made = await a.propose(
      'discord:g1',
      { statement, quote: 'Tolls on the bridge were abolished in 2005', topic: 'bridge', source: { document: 'doc1' } },
      pat,
    );
    if (!made.ok) throw new Error(made.problems.join('; '));
    return made.proposal.id;
  };

  it('an approval in one reaches the other within 5 s by NOTIFY alone', async () => {
    const a = await bot({ pollMs: 0 });
    const b = await bot({ pollMs: 0 }); // no polling: only the notification can bring it
    // Before approval the line is cited as a plain passage, never as community-added.
    expect(b.engine.ask(question, HERE).citations.some((c) => c.community)).toBe(false);
    const id = await proposeToll(a.mod, 'Ann Author reports that tolls on the bridge were abolished in 2005.');
    const decision = await a.mod.approve('discord:g1', id, mo);
    expect(decision.ok).toBe(true);
    const ms = await within(5000, () =>
      b.engine
        .ask(question, HERE)
        .citations.some((c) => c.fact === `community-${id}` && c.community?.approvedBy === 'Mo'),
    );
    expect(ms).toBeLessThan(5000);
  });

  it('without notifications, the poll brings it within 5 s too', async () => {
    const a = running[0]!;
    const c = await bot({ listen: false, pollMs: 500 });
    // It loaded what was approved before it started.
    expect(c.engine.ask(question, HERE).status).toBe('answered');
    const id = await proposeToll(
      a.mod,
      'Ann Author wrote that the bridge tolls were abolished in 2005 after protests began.',
    );
    await a.mod.approve('discord:g1', id, mo);
    await within(5000, () => c.engine.fact(`community-${id}`, HERE) !== undefined);
  });

  it('a channel setting made in one applies in the others within 5 s', async () => {
    const [a, b, c] = running as [(typeof running)[0], (typeof running)[0], (typeof running)[0]];
    await a.mod.setChannel('discord:g1', 'discord', '123', { mode: 'ephemeral', cooldownSeconds: 60 }, mo);
    await within(
      5000,
      () =>
        b.mod.channel('discord:g1', 'discord', '123').mode === 'ephemeral' &&
        c.mod.channel('discord:g1', 'discord', '123').cooldownSeconds === 60,
    );
    await b.mod.setChannel('discord:g1', 'discord', '123', { mode: 'off' }, mo);
    await within(
      5000,
      () =>
        a.mod.channel('discord:g1', 'discord', '123').mode === 'off' &&
        c.mod.channel('discord:g1', 'discord', '123').mode === 'off',
    );
  });

  it('a bot whose LISTEN connection dropped catches up when it reconnects', async () => {
    const [a, b] = running as [(typeof running)[0], (typeof running)[0]];
    // Cut b's LISTEN connection (and a's: they look alike), then approve while b cannot hear.
    await a.store.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()',
      [`LISTEN "${b.store.channel}"`],
    );
    const id = await proposeToll(
      a.mod,
      'Ann Author states that the tolls on the bridge were abolished in 2005 for good.',
    );
    await a.mod.approve('discord:g1', id, mo);
    await within(5000, () => b.engine.fact(`community-${id}`, HERE) !== undefined);
  });

  it('only one of two moderators approving at once succeeds', async () => {
    const [a, b] = running as [(typeof running)[0], (typeof running)[0]];
    const id = await proposeToll(a.mod, 'Ann Author notes that tolls on the bridge were abolished in 2005 indeed.');
    const results = await Promise.all([
      a.mod.approve('discord:g1', id, mo),
      b.mod.approve('discord:g1', id, { ...mo, name: 'Max', userId: 'UMAX' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

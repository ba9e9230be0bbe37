/**
 * DISCORD_SHARDS with DISCORD_SHARDS_PER_PROCESS: discord.js's ShardingManager runs the
 * shards in processes of their own (the real entry, under tsx), each connecting to the
 * gateway stand-in for its own shards and answering its own guilds' interactions, all on
 * one PostgreSQL store. A killed process is started again by the manager.
 */
import { InteractionResponseType } from 'discord.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type RunningShardProcesses,
  shardsOfProcess,
  startShardProcesses,
} from '../../../adapters/discord/shard-processes.js';
import { TEST_DATABASE_URL } from '../../store/backends.js';
import { MIN_PACK } from '../../helpers/pack-fixture.js';
import { capturedLogger, member } from './harness.js';
import { chatInput, guildFixture, guildIdOnShard, stringOption } from './payloads.js';
import { callbackOf, DiscordStandIn } from './stand-in.js';

describe('the shards of a process', () => {
  it('are a contiguous range, the last one shorter when they do not divide evenly', () => {
    expect([0, 1, 2].map((i) => shardsOfProcess(i, 5, 2))).toEqual([[0, 1], [2, 3], [4]]);
    expect(shardsOfProcess(0, 1, 4)).toEqual([0]);
    expect(shardsOfProcess(3, 5, 2)).toEqual([]);
  });
});

describe.runIf(TEST_DATABASE_URL)('two shard processes under the ShardingManager', () => {
  const database = `crosscheck_shards_${process.pid}_${Date.now().toString(36)}`;
  const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });
  let discord: DiscordStandIn;
  let shards: RunningShardProcesses;
  const { logger, lines } = capturedLogger();

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
    discord = await DiscordStandIn.start({
      guilds: [guildFixture(guildIdOnShard(0, 2)), guildFixture(guildIdOnShard(1, 2))],
    });
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${database}`;
    // What each shard process reads from its environment, as it would from .env.
    for (const [name, value] of Object.entries({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: url.toString(),
      KNOWLEDGE_DIR: MIN_PACK,
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'error',
    }))
      vi.stubEnv(name, value);
    shards = await startShardProcesses({
      config: { ...discord.config(2), shardsPerProcess: 1 },
      logger,
      spawnDelayMs: 0,
    });
  }, 60_000);

  afterAll(async () => {
    await shards?.stop();
    await discord?.close();
    vi.unstubAllEnvs();
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  async function answeredIn(guildIndex: number): Promise<void> {
    const guild = discord.guilds[guildIndex]!;
    const sent = discord.dispatchInteraction(
      chatInput(discord.applicationId, 'ask', [stringOption('question', 'what is this about')], member(), { guild }),
    );
    const callback = await discord.waitForRequest(callbackOf(sent.id), 5000);
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  }

  it('runs one shard in each process, each answering its own guild', async () => {
    expect([...discord.identifies].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(shards.isReady()).toBe(true);
    expect(await shards.states()).toEqual([
      { process: 0, alive: true, shards: [{ id: 0, status: 'Ready' }] },
      { process: 1, alive: true, shards: [{ id: 1, status: 'Ready' }] },
    ]);
    // The stand-in sends each guild's interaction on the connection of the shard that owns it.
    await answeredIn(0);
    await answeredIn(1);
  });

  it('starts a killed process again, which then answers its guild', async () => {
    const second = shards.manager.shards.get(1)!;
    const restarted = new Promise<void>((resolve) => second.once('ready', () => resolve()));
    const child = second.process as import('node:child_process').ChildProcess;
    child.kill('SIGKILL');
    await vi.waitFor(async () => expect((await shards.states())[1]!.shards).toEqual([{ id: 1, status: 'Down' }]), {
      timeout: 3000,
    });
    await restarted;
    expect(discord.identifies.filter(([id]) => id === 1).length).toBe(2);
    await vi.waitFor(() => expect(shards.isReady()).toBe(true), { timeout: 5000 });
    await answeredIn(1);
    await answeredIn(0);
    expect(lines.some((l) => l.msg === 'discord: shard process died; restarting it')).toBe(true);
  }, 60_000);
});

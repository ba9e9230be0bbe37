/** DISCORD_SHARDS: the client's own sharding, each guild's interactions arriving on its shard. */
import { GatewayOpcodes, InteractionResponseType } from 'discord.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shardOptions } from '../../../adapters/discord/index.js';
import { startHealthServer } from '../../../adapters/health.js';
import { loadEngine, member, startBot, type FailingEngine, type RunningBot } from './harness.js';
import { chatInput, guildFixture, guildIdOnShard, stringOption } from './payloads.js';
import { callbackOf } from './stand-in.js';

let engine: FailingEngine;
let run: RunningBot | undefined;
beforeAll(() => {
  engine = loadEngine();
});
afterEach(async () => {
  await run?.stop();
  run = undefined;
});

async function answeredIn(r: RunningBot, guildIndex: number): Promise<void> {
  const guild = r.discord.guilds[guildIndex]!;
  const sent = r.discord.dispatchInteraction(
    chatInput(r.discord.applicationId, 'ask', [stringOption('question', 'su-35 talks')], member(), { guild }),
  );
  const callback = await r.discord.waitForRequest(callbackOf(sent.id));
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
}

describe('sharding', () => {
  it('DISCORD_SHARDS=2 opens two shards in this process and answers guilds on both', async () => {
    const guilds = [guildFixture(guildIdOnShard(0, 2)), guildFixture(guildIdOnShard(1, 2))];
    run = await startBot({ engine, shards: 2, standIn: { guilds } });
    expect([...run.discord.identifies].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(run.bot.isReady()).toBe(true);
    await answeredIn(run, 0);
    await answeredIn(run, 1);
    // The health endpoint reports each shard's state.
    const bot = run.bot;
    const health = await startHealthServer(
      0,
      () => bot.isReady(),
      () => bot.states(),
    );
    try {
      const { port } = health.address() as import('node:net').AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/shards`);
      expect(await res.json()).toEqual([
        {
          process: 0,
          alive: true,
          shards: [
            { id: 0, status: 'Ready' },
            { id: 1, status: 'Ready' },
          ],
        },
      ]);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      health.close();
    }
  });

  it('DISCORD_SHARDS=auto takes the shard count Discord recommends', async () => {
    run = await startBot({ engine, shards: 'auto', standIn: { recommendedShards: 3 } });
    expect(run.discord.identifies.map(([, count]) => count)).toEqual([3, 3, 3]);
    expect(run.discord.frames.filter((f) => f.op === GatewayOpcodes.Identify)).toHaveLength(3);
    await answeredIn(run, 0);
  });

  it('without DISCORD_SHARDS, one shard and discord.js defaults', () => {
    expect(shardOptions(undefined)).toEqual({});
    expect(shardOptions(4)).toEqual({ shardCount: 4 });
    expect(shardOptions('auto')).toEqual({ shards: 'auto' });
  });
});

/**
 * A user-installable app: /ask and /check from a member's own install, in a server the bot
 * is not in, in a DM with the bot and in a group DM, answered only to the asker; the
 * moderators' commands refused politely there. The real discord.js client against the
 * stand-in, which never sent the bot that server.
 */
import { ApplicationIntegrationType, InteractionContextType, InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordDefinitions } from '../../../adapters/discord/definitions.js';
import { GUILD_ONLY } from '../../../adapters/discord/installs.js';
import { type DiscordReplyPayload, EPHEMERAL } from '../../../adapters/discord/payload.js';
import { loadRegistry } from '../../../adapters/pipeline/registry.js';
import { expectWithinLimits } from './expectations.js';
import { loadEngine, member, moderator, startBot, type RunningBot } from './harness.js';
import {
  chatInput,
  fromDirectMessage,
  fromUserInstall,
  guildFixture,
  message,
  messageCommand,
  stringOption,
  subcommand,
  user,
  snowflake,
} from './payloads.js';
import { callbackOf } from './stand-in.js';

let run: RunningBot;
let engine: ReturnType<typeof loadEngine>;
beforeAll(async () => {
  engine = loadEngine();
  run = await startBot({ engine });
});
afterAll(() => run.stop());

/** A server the bot was never added to: the stand-in sends the bot nothing about it. */
const elsewhere = () => ({ guild: guildFixture() });
const isEphemeral = (data: { flags?: number }) => ((data.flags ?? 0) & EPHEMERAL) === EPHEMERAL;

async function firstResponse(payload: object) {
  const sent = run.discord.dispatchInteraction(payload as Parameters<RunningBot['discord']['dispatchInteraction']>[0]);
  // Generous: a busy machine must not make this flaky; an answer normally comes in milliseconds.
  const callback = await run.discord.waitForRequest(callbackOf(sent.id), 15_000);
  return { type: callback.body.type as number, data: callback.body.data as DiscordReplyPayload };
}

const slash = (name: string, text: string, where = elsewhere()) =>
  chatInput(
    run.discord.applicationId,
    name,
    [stringOption(name === 'ask' ? 'question' : 'claim', text)],
    member(),
    where,
  );

describe('a user install', () => {
  it('declares guild and user installs for /ask and /check, and guild installs only for moderators’ commands', async () => {
    const defs = discordDefinitions(await loadRegistry(), engine);
    const everywhere = [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ];
    for (const name of ['ask', 'check']) {
      const def = defs.find((d) => d.name === name)!;
      expect(def.integration_types).toEqual([
        ApplicationIntegrationType.GuildInstall,
        ApplicationIntegrationType.UserInstall,
      ]);
      expect(def.contexts).toEqual(everywhere);
    }
    const forModerators = defs.filter((d) => d.default_member_permissions !== undefined);
    expect(forModerators.map((d) => d.name).sort()).toEqual(['Check claims', 'crosscheck']);
    for (const def of forModerators) {
      expect(def.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
      expect(def.contexts).toEqual([InteractionContextType.Guild]);
    }
  });

  it('answers /check from a server the bot is not in, only to the asker', async () => {
    const where = elsewhere();
    expect(run.discord.guilds.some((g) => g.id === where.guild.id)).toBe(false);
    const { type, data } = await firstResponse(
      fromUserInstall(slash('check', 'Russia lifted its arms embargo on Pakistan in 2010.', where)),
    );
    expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds.length).toBeGreaterThan(0);
    expectWithinLimits(data);
  });

  it.each([
    ['a DM with the bot', InteractionContextType.BotDM],
    ['a group DM', InteractionContextType.PrivateChannel],
  ] as const)('answers /ask in %s, only to the asker', async (_where, context) => {
    const { type, data } = await firstResponse(
      fromDirectMessage(slash('ask', 'when did russia lift the arms embargo'), context),
    );
    expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds.length).toBeGreaterThan(0);
  });

  it('refuses the moderators’ commands politely, even to a member who could manage messages there', async () => {
    const report = chatInput(run.discord.applicationId, 'crosscheck', [subcommand('report')], moderator(), elsewhere());
    const target = message(snowflake(), user(snowflake(), 'someone'), 'Russia lifted its arms embargo in 2010.');
    const check = messageCommand(run.discord.applicationId, 'Check claims', target, moderator(), elsewhere());
    for (const payload of [fromUserInstall(report), fromUserInstall(check)]) {
      const { type, data } = await firstResponse(payload);
      expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(isEphemeral(data)).toBe(true);
      expect(data.content ?? data.embeds[0]?.description).toContain(GUILD_ONLY.slice(0, 40));
    }
    // In a DM there are no moderators: the report is refused too, privately.
    const fromDm = await firstResponse(fromDirectMessage(report, InteractionContextType.BotDM));
    expect(isEphemeral(fromDm.data)).toBe(true);
    expect(JSON.stringify(fromDm.data)).not.toMatch(/Report for the last/);
    // Nothing was posted under the message in a server the bot is not in.
    expect(run.discord.requests.filter((r) => r.method === 'POST' && r.route.startsWith('/channels/'))).toEqual([]);
  });

  it('still answers in the open in a server that installed the bot', async () => {
    const where = { guild: run.discord.guilds[0]! };
    const { data } = await firstResponse(slash('ask', 'when did russia lift the arms embargo', where));
    expect(isEphemeral(data)).toBe(false);
  });
});

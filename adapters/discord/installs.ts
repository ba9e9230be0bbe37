/**
 * Where an interaction comes from, as far as installs go. A server that added the bot
 * (a guild install) gets the whole bot; a member who added the app to their own account
 * (a user install) can use /ask and /check anywhere, including servers the bot is not in,
 * DMs and group DMs. There the bot has no channel of its own, no moderators and no
 * settings, so it answers only the person who asked, and the moderators' tools stay in
 * servers that installed it.
 */
import { ApplicationIntegrationType, type BaseInteraction } from 'discord.js';
import type { CommandSpec } from '../pipeline/command.js';

export const GUILD_ONLY =
  'The moderators’ tools work only in a server that added crosscheck. Ask a server admin to invite it; /ask and /check work anywhere.';

/** True when this server installed the bot; false in DMs, group DMs and servers reached through a user install. */
export function installedHere(interaction: BaseInteraction): boolean {
  const guild = interaction.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall];
  return interaction.guildId !== null && guild === interaction.guildId;
}

/**
 * A server reached only through a member's own install: the bot is not in it. (A DM is no
 * server at all; there the moderators' desk answers for itself.)
 */
export const userInstalledServer = (interaction: BaseInteraction): boolean =>
  interaction.guildId !== null && !installedHere(interaction);

/** Commands for moderators need a server that installed the bot: its channels, settings and records. */
export const needsGuildInstall = (spec: Pick<CommandSpec, 'audience'>): boolean =>
  spec.audience === 'moderators' || spec.audience === 'moderators-first';

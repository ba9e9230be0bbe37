/** Who is acting and where, as the moderators' desk needs it, from a Discord interaction. */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Person } from '../shared/moderation/desk.js';
import type { Place } from '../shared/moderation/tenant.js';
import { installedHere } from './installs.js';

/** The member's name in this server (nickname first), else their display name: shown, never a mention. */
export function personOf(interaction: BaseInteraction): Person {
  const m = interaction.member;
  const name = m && 'displayName' in m ? m.displayName : (m?.nick ?? interaction.user.displayName);
  return { platform: 'discord', userId: interaction.user.id, name };
}

/**
 * Where: the guild, or a direct message (no guild), which is a community of its own. A
 * server reached through a member's own install is not a community of the bot's: what
 * happens there is kept like a direct message, apart from that server's records.
 */
export const placeOf = (interaction: BaseInteraction): Place => ({
  guild: interaction.guildId,
  channel: interaction.channelId,
  ...(interaction.guildId && installedHere(interaction) ? {} : { dm: true }),
});

/** The channel whose settings apply: a thread follows the channel it is in. */
export function settingsChannel(interaction: BaseInteraction): string | null {
  const c = interaction.channel;
  return c?.isThread() ? (c.parentId ?? interaction.channelId) : interaction.channelId;
}

/**
 * A moderator is a member with Manage Messages in this channel (administrators have it too).
 * Commands that need one are hidden from others by default, but server admins can change
 * that, so handlers ask again.
 */
export const isModerator = (interaction: BaseInteraction): boolean =>
  interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;

/**
 * "Check claims" (message context menu): a moderator runs it on a message and the verdicts
 * are posted publicly as a reply to that message, so the correction sits under the claim.
 */
import {
  ApplicationCommandType,
  DiscordAPIError,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { visibility } from '../../shared/moderation/channel-policy.js';
import { checkMessage } from '../../shared/requests.js';
import type { CommandContext } from '../command.js';
import { isModerator } from '../people.js';
import { renderDiscord } from '../render.js';
import { notice, send } from '../respond.js';

const MANAGE_MESSAGES = PermissionFlagsBits.ManageMessages;

export const NEEDS_MANAGE_MESSAGES =
  'Only moderators (members with the Manage Messages permission here) can run Check claims, because it posts a public reply under someone else’s message.';
export const CANNOT_POST =
  'I could not post the check under that message: I need the View Channel, Send Messages (Send Messages in Threads for a thread) and Read Message History permissions here.';

export const data = {
  type: ApplicationCommandType.Message,
  name: 'Check claims',
  // Hidden from members without Manage Messages by default; server admins may change that, so execute checks again.
  default_member_permissions: String(MANAGE_MESSAGES),
  contexts: [InteractionContextType.Guild],
};

export async function execute(
  interaction: MessageContextMenuCommandInteraction,
  { engine, logger, channel, record }: CommandContext,
): Promise<void> {
  if (!isModerator(interaction)) return send(interaction, notice(NEEDS_MANAGE_MESSAGES), { ephemeral: true });
  // Posting to the channel is a second request: defer so the 3-second window cannot run out.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });

  const reply = checkMessage(engine, interaction.targetMessage.content);
  if (reply.kind !== 'verdicts') return send(interaction, reply, { ephemeral: true });
  const feedback = await record('check_message', reply);
  // Where the channel is set to ephemeral, nothing is posted: the verdicts are for the moderator.
  if (visibility(channel, { reply }) === 'ephemeral') return send(interaction, reply, { ephemeral: true, feedback });

  const message_reference = {
    message_id: interaction.targetId,
    channel_id: interaction.channelId,
    fail_if_not_exists: false,
  };
  try {
    await interaction.client.rest.post(Routes.channelMessages(interaction.channelId), {
      body: { ...renderDiscord(reply, { feedback }), message_reference },
    });
  } catch (err) {
    if (!(err instanceof DiscordAPIError && err.status === 403)) throw err;
    logger.warn({ err }, 'no permission to post the check in this channel');
    return send(interaction, notice(CANNOT_POST), { ephemeral: true });
  }
  const n = reply.verdicts.length;
  await send(interaction, notice(`Posted ${n} verdict${n === 1 ? '' : 's'} under the message.`), { ephemeral: true });
}

/**
 * A message command's public reply (Check claims' verdicts) goes under the message it was
 * run on, as a reply in its channel or thread; the moderator is told privately that it
 * was posted, or why it could not be.
 */
import { DiscordAPIError, type MessageContextMenuCommandInteraction, Routes } from 'discord.js';
import type { Logger } from '../../src/log.js';
import { type MessageReply, notice } from '../pipeline/reply.js';
import { renderDiscord } from './render.js';
import { send } from './respond.js';

export const CANNOT_POST =
  'I could not post the check under that message: I need the View Channel, Send Messages (Send Messages in Threads for a thread) and Read Message History permissions here.';

const posted = (n: number) => `Posted ${n} verdict${n === 1 ? '' : 's'} under the message.`;

export async function postUnderMessage(
  interaction: MessageContextMenuCommandInteraction,
  reply: MessageReply,
  feedback: number | null,
  logger: Logger,
): Promise<void> {
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
  const n = reply.kind === 'verdicts' ? reply.verdicts.length : 1;
  await send(interaction, notice(posted(n)), { ephemeral: true });
}

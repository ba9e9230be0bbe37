/**
 * Sends a rendered Reply the right way for the interaction's state: the first reply, the
 * edit of a deferred "thinking…" message, or a follow-up after a reply.
 */
import type { InteractionReplyOptions, RepliableInteraction } from 'discord.js';
import type { Logger } from '../../src/log.js';
import { type MessageReply, notice } from '../pipeline/reply.js';
import { SOMETHING_WENT_WRONG } from '../pipeline/texts.js';
import type { DiscordReplyPayload } from './payload.js';
import { renderDiscord } from './render.js';

/** Renders a reply and sends it; who sees it is the pipeline's decision. */
export async function send(
  interaction: RepliableInteraction,
  reply: MessageReply,
  options: { ephemeral?: boolean; feedback?: number | null } = {},
): Promise<void> {
  await deliver(interaction, renderDiscord(reply, { ephemeral: options.ephemeral, feedback: options.feedback }));
}

/** Sends a rendered payload as the first reply, the edit of a deferred reply, or a follow-up. */
export async function deliver(interaction: RepliableInteraction, payload: DiscordReplyPayload): Promise<void> {
  const body = replyOptions(payload);
  if (interaction.deferred && !interaction.replied) {
    // Ephemerality was fixed when deferring; an edit cannot change it.
    const { flags: _fixed, ...edit } = body;
    await interaction.editReply(edit);
  } else if (interaction.replied) {
    await interaction.followUp(body);
  } else {
    await interaction.reply(body);
  }
}

/** The payload in discord.js's option names; its body on the wire is the payload itself. */
export function replyOptions(payload: DiscordReplyPayload): InteractionReplyOptions & { flags?: number } {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    ...(payload.flags !== undefined ? { flags: payload.flags } : {}),
    ...(payload.components ? { components: payload.components } : {}),
    allowedMentions: payload.allowed_mentions,
  };
}

/** Tells the user something went wrong, privately; never throws, since it runs when things already failed. */
export async function sendFailure(interaction: RepliableInteraction, logger: Logger): Promise<void> {
  try {
    await send(interaction, notice(SOMETHING_WENT_WRONG), { ephemeral: true });
  } catch (err) {
    logger.error({ err }, 'could not tell the user that the interaction failed');
  }
}

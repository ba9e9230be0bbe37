/** /sources [document:<choice>] — the documents answers come from, or one of them in detail. */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Engine } from '../../../src/core/engine.js';
import { visibility } from '../../shared/moderation/channel-policy.js';
import { handleRequest } from '../../shared/requests.js';
import type { CommandContext } from '../command.js';
import { send } from '../respond.js';

/** Discord allows 25 choices; a larger pack still lists every document without the option. */
const MAX_CHOICES = 25;

/** The choices come from the knowledge pack, so run discord:deploy again when its documents change. */
export function data(engine: Engine) {
  const choices = engine
    .sources()
    .slice(0, MAX_CHOICES)
    .map((s) => ({ name: s.title.length > 100 ? `${s.title.slice(0, 99)}…` : s.title, value: s.document }));
  return {
    type: ApplicationCommandType.ChatInput,
    name: 'sources',
    description: 'List the documents I answer from, or show one in detail',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: choices.length
      ? [
          {
            type: ApplicationCommandOptionType.String,
            name: 'document',
            description: 'Show this document and how many facts come from it',
            required: false,
            choices,
          },
        ]
      : [],
  };
}

/** Listing documents runs no search, so it does not count against the cooldown. */
export const cooldown = false;

export async function execute(
  interaction: ChatInputCommandInteraction,
  { engine, channel }: CommandContext,
): Promise<void> {
  const reply = handleRequest(engine, { command: 'sources', text: interaction.options.getString('document') ?? '' });
  await send(interaction, reply, { ephemeral: visibility(channel, { reply }) === 'ephemeral' });
}

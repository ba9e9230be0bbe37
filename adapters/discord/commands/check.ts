/** /check claim:<text> — supported, contradicted, disputed or unverified, with the evidence. */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { visibility } from '../../shared/moderation/channel-policy.js';
import { handleRequest } from '../../shared/requests.js';
import type { CommandContext } from '../command.js';
import { send } from '../respond.js';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'check',
  description: 'Check a claim about Russia–Pakistan relations against the sources',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'claim',
      description: 'e.g. Russia lifted its arms embargo on Pakistan in 2014',
      required: true,
    },
  ],
};

export async function execute(
  interaction: ChatInputCommandInteraction,
  { engine, channel, record }: CommandContext,
): Promise<void> {
  const reply = handleRequest(engine, { command: 'check', text: interaction.options.getString('claim', true) });
  await send(interaction, reply, {
    ephemeral: visibility(channel, { reply }) === 'ephemeral',
    feedback: await record('check', reply),
  });
}

/** /ask question:<text> [private:<bool>] — a cited answer, with suggestions while typing. */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Engine } from '../../../src/core/engine.js';
import { visibility } from '../../shared/moderation/channel-policy.js';
import { handleRequest } from '../../shared/requests.js';
import type { AutocompleteContext, CommandContext } from '../command.js';
import { send } from '../respond.js';

/** Discord's limits for autocomplete: 25 choices, names and values of 1–100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;
/** Suggestions only need the end of what is being typed; keeps each keystroke cheap. */
const MAX_PARTIAL = 200;

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask about Russia–Pakistan relations; the answer cites its sources',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'e.g. when did Russia lift the arms embargo',
      required: true,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Show the answer only to you',
      required: false,
    },
  ],
};

export async function execute(
  interaction: ChatInputCommandInteraction,
  { engine, channel, record }: CommandContext,
): Promise<void> {
  const reply = handleRequest(engine, { command: 'ask', text: interaction.options.getString('question', true) });
  const askedPrivately = interaction.options.getBoolean('private') ?? false;
  await send(interaction, reply, {
    ephemeral: visibility(channel, { askedPrivately, reply }) === 'ephemeral',
    feedback: await record('ask', reply),
  });
}

/** Answered at once from the index: Discord allows no deferring for autocomplete. */
export async function autocomplete(
  interaction: AutocompleteInteraction,
  { engine }: AutocompleteContext,
): Promise<void> {
  await interaction.respond(suggestionChoices(engine, interaction.options.getFocused()));
}

export function suggestionChoices(engine: Engine, partial: string): ApplicationCommandOptionChoiceData<string>[] {
  return engine
    .suggest(partial.slice(-MAX_PARTIAL), MAX_CHOICES)
    .filter((s) => s.trim().length > 0)
    .slice(0, MAX_CHOICES)
    .map((s) => ({
      name: s.length > MAX_CHOICE_LENGTH ? `${s.slice(0, MAX_CHOICE_LENGTH - 1)}…` : s,
      value: s.slice(0, MAX_CHOICE_LENGTH),
    }));
}

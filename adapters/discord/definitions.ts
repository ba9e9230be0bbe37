/**
 * The command definitions Discord registers, derived from the registry (adapters/commands)
 * and the pack: the bot routes by them and `discord:deploy` sends exactly them, so the two
 * cannot drift. Typed with discord-api-types, so a misshaped definition does not compile.
 *
 *   discordDefinitions(registry, engine)   // [{ type: 1, name: 'ask', description: 'Ask about …', options: […] }, …]
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Engine } from '../../src/core/engine.js';
import { type CommandSpec, type OptionSpec, type Registry, worded } from '../pipeline/command.js';
import { type PackWords, packWords } from '../pipeline/words.js';
import { needsGuildInstall } from './installs.js';
import { shorten } from './markdown.js';

/** Discord's limits for definitions: 100 characters for descriptions and choice names, 25 choices. */
export const DEFINITION_LIMITS = { description: 100, choices: 25, choiceName: 100 } as const;

const describe = (text: Parameters<typeof worded>[0], words: PackWords) =>
  shorten(worded(text, words), DEFINITION_LIMITS.description);

function option(o: OptionSpec, engine: Engine, words: PackWords): APIApplicationCommandBasicOption | null {
  const base = { name: o.name, description: describe(o.description, words), required: o.required ?? false };
  switch (o.type) {
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(o.min !== undefined ? { min_value: o.min } : {}),
        ...(o.max !== undefined ? { max_value: o.max } : {}),
      };
    case 'text': {
      if (o.suggest) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
      if (!o.choices) return { ...base, type: ApplicationCommandOptionType.String };
      const all = typeof o.choices === 'function' ? o.choices(engine) : o.choices.map((c) => ({ name: c, value: c }));
      // An empty pack has no documents to choose from; a larger one still lists every document without the option.
      if (all.length === 0) return null;
      const choices = all
        .slice(0, DEFINITION_LIMITS.choices)
        .map((c) => ({ name: shorten(c.name, DEFINITION_LIMITS.choiceName), value: c.value }));
      return { ...base, type: ApplicationCommandOptionType.String, choices };
    }
  }
}

function options(spec: CommandSpec, engine: Engine, words: PackWords): APIApplicationCommandOption[] {
  const basic = (list: readonly OptionSpec[] = []) =>
    list.map((o) => option(o, engine, words)).filter((o): o is APIApplicationCommandBasicOption => o !== null);
  if (!spec.subcommands) return basic(spec.options);
  return spec.subcommands.map((s) => ({
    type: ApplicationCommandOptionType.Subcommand,
    name: s.name,
    description: describe(s.description, words),
    options: basic(s.options),
  }));
}

function discordDefinition(spec: CommandSpec, engine: Engine): RESTPostAPIApplicationCommandsJSONBody {
  const words = packWords(engine);
  // Moderators' tools need a server that added the bot; the rest may also be added to a
  // member's own account and used in DMs, group DMs and servers the bot is not in.
  // Hidden from members without Manage Messages by default; server admins may change that, so the pipeline checks again.
  const visibility = needsGuildInstall(spec)
    ? {
        default_member_permissions: String(PermissionFlagsBits.ManageMessages),
        integration_types: [ApplicationIntegrationType.GuildInstall],
        contexts: [InteractionContextType.Guild],
      }
    : {
        integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
        contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
      };
  if (spec.kind === 'message') return { type: ApplicationCommandType.Message, name: spec.name, ...visibility };
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: describe(spec.description, words),
    ...visibility,
    options: options(spec, engine, words),
  };
}

/** Every Discord command's definition, in the registry's order. */
export function discordDefinitions(registry: Registry, engine: Engine): RESTPostAPIApplicationCommandsJSONBody[] {
  return registry.on('discord').map((spec) => discordDefinition(spec, engine));
}

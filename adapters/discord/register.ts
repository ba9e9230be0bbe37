/**
 * Registers the bot's commands with Discord: globally, or in one guild (guild commands
 * update at once; use them while developing). It sends the definitions the bot itself
 * routes by, derived from the registry, so the two cannot drift.
 */
import { REST, Routes } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import { loadRegistry } from '../pipeline/registry.js';
import { discordDefinitions } from './definitions.js';

/** PUTs every definition (replacing what was registered before) and returns a one-line summary. */
export async function registerCommands(discord: NonNullable<Config['discord']>, engine: Engine): Promise<string> {
  const body = discordDefinitions(await loadRegistry(), engine);
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  const route = discord.guildId
    ? Routes.applicationGuildCommands(discord.applicationId, discord.guildId)
    : Routes.applicationCommands(discord.applicationId);
  await rest.put(route, { body });
  const where = discord.guildId ? `in guild ${discord.guildId}` : 'globally';
  return `Registered ${body.length} commands (${body.map((c) => c.name).join(', ')}) ${where}.`;
}

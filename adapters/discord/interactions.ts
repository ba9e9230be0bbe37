/**
 * Routes each interaction to its command module, with the rules every command shares: the
 * per-user cooldown, a child logger per interaction, and a failure that is logged and told
 * to the user instead of taking the process down.
 *
 * Deadlines: Discord wants an answer within 3 s. The core is synchronous and answers in
 * milliseconds, so slash commands reply directly; a command that waits on anything else
 * (the message command posts to the channel first) defers at its start.
 */
import type { AutocompleteInteraction, Interaction } from 'discord.js';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { Cooldown } from '../shared/cooldown.js';
import { cooldownNotice } from '../shared/requests.js';
import type { Command, CommandContext } from './command.js';
import { notice, send, sendFailure } from './respond.js';

export interface RouterDeps {
  commands: Map<string, Command>;
  engine: Engine;
  cooldown: Cooldown;
  logger: Logger;
}

/** The `interactionCreate` listener. Its promise never rejects. */
export function interactionRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand() && !interaction.isAutocomplete()) return;
    const logger = deps.logger.child({ interaction: interaction.id, command: interaction.commandName, guild: interaction.guildId ?? undefined });
    const ctx: CommandContext = { engine: deps.engine, logger };
    const command = deps.commands.get(interaction.commandName);
    const started = performance.now();
    try {
      if (interaction.isAutocomplete()) return await autocomplete(interaction, command, ctx);
      if (!command || command.data.type !== interaction.commandType) {
        logger.warn('interaction for a command this bot does not have; run discord:deploy');
        return await send(interaction, notice('That command is not available any more.'), { ephemeral: true });
      }
      const wait = command.cooldown === false ? 0 : deps.cooldown.take(interaction.user.id);
      if (wait > 0) {
        logger.info({ wait }, 'cooldown');
        return await send(interaction, notice(cooldownNotice(wait)), { ephemeral: true });
      }
      await command.execute(interaction, ctx);
      logger.info({ ms: Math.round(performance.now() - started) }, 'answered');
    } catch (err) {
      logger.error({ err, ms: Math.round(performance.now() - started) }, 'interaction failed');
      if (interaction.isRepliable()) await sendFailure(interaction, logger);
      else if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  };
}

async function autocomplete(interaction: AutocompleteInteraction, command: Command | undefined, ctx: CommandContext): Promise<void> {
  if (!command?.autocomplete) return interaction.respond([]);
  await command.autocomplete(interaction, ctx);
}

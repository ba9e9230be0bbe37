/**
 * Routes each interaction to its command module, or to the moderators' buttons and forms,
 * with the rules every command shares: the channel's settings (switched off, ephemeral,
 * its cooldown), a child logger per interaction, and a failure that is logged and told to
 * the user instead of taking the process down.
 *
 * Deadlines: Discord wants an answer within 3 s. The core is synchronous and answers in
 * milliseconds, and a record in the store is bounded (the desk gives up after 1.5 s and the
 * reply goes out without feedback buttons), so slash commands reply directly; a command
 * that waits on anything else (the message command posts to the channel first) defers.
 */
import type { AutocompleteInteraction, Interaction } from 'discord.js';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { Cooldown } from '../shared/cooldown.js';
import type { ModerationDesk } from '../shared/moderation/desk.js';
import { SWITCHED_OFF } from '../shared/moderation/texts.js';
import { cooldownNotice } from '../shared/requests.js';
import type { AutocompleteContext, Command, CommandContext } from './command.js';
import { handleComponent } from './moderation.js';
import { personOf, placeOf, settingsChannel } from './people.js';
import { notice, send, sendFailure } from './respond.js';

export interface RouterDeps {
  commands: Map<string, Command>;
  engine: Engine;
  cooldown: Cooldown;
  desk: ModerationDesk;
  logger: Logger;
}

/** The `interactionCreate` listener. Its promise never rejects. */
export function interactionRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const component = interaction.isButton() || interaction.isModalSubmit();
    if (
      !component &&
      !interaction.isChatInputCommand() &&
      !interaction.isMessageContextMenuCommand() &&
      !interaction.isAutocomplete()
    )
      return;
    const name = component ? interaction.customId : interaction.commandName;
    const logger = deps.logger.child({
      interaction: interaction.id,
      command: name,
      guild: interaction.guildId ?? undefined,
    });
    const started = performance.now();
    try {
      if (interaction.isAutocomplete())
        return await autocomplete(interaction, deps.commands.get(interaction.commandName), {
          engine: deps.engine,
          logger,
        });
      if (component) await handleComponent(interaction, deps.desk);
      else await runCommand(interaction, deps, logger);
      logger.info({ ms: Math.round(performance.now() - started) }, 'answered');
    } catch (err) {
      logger.error({ err, ms: Math.round(performance.now() - started) }, 'interaction failed');
      if (interaction.isRepliable()) await sendFailure(interaction, logger);
      else if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  };
}

async function runCommand(
  interaction: Parameters<Command['execute']>[0],
  deps: RouterDeps,
  logger: Logger,
): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  if (!command || command.data.type !== interaction.commandType) {
    logger.warn('interaction for a command this bot does not have; run discord:deploy');
    return send(interaction, notice('That command is not available any more.'), { ephemeral: true });
  }
  const channel = deps.desk.policy(settingsChannel(interaction));
  const followsChannel = command.channelSettings !== false;
  if (followsChannel && channel.mode === 'off') {
    logger.info('switched off in this channel');
    return send(interaction, notice(SWITCHED_OFF), { ephemeral: true });
  }
  const wait = command.cooldown === false ? 0 : deps.cooldown.take(interaction.user.id, channel.cooldownSeconds);
  if (wait > 0) {
    logger.info({ wait }, 'cooldown');
    return send(interaction, notice(cooldownNotice(wait)), { ephemeral: true });
  }
  const person = personOf(interaction);
  const place = placeOf(interaction);
  const ctx: CommandContext = {
    engine: deps.engine,
    logger,
    desk: deps.desk,
    channel,
    record: (name, reply) => deps.desk.record(person, place, name, reply),
  };
  await command.execute(interaction, ctx);
}

async function autocomplete(
  interaction: AutocompleteInteraction,
  command: Command | undefined,
  ctx: AutocompleteContext,
): Promise<void> {
  if (!command?.autocomplete) return interaction.respond([]);
  await command.autocomplete(interaction, ctx);
}

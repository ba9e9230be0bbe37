/**
 * Turns each interaction into a pipeline request (commands), or into the moderators'
 * desk's calls (buttons and forms), and sends what comes back the Discord way. One child
 * logger per interaction; a failure is logged and told to the user instead of taking the
 * process down.
 *
 * Deadlines: Discord wants an answer within 3 s. The core is synchronous and answers in
 * milliseconds, and a record in the store is bounded (the desk gives up after 1.5 s and the
 * reply goes out without feedback buttons), so slash commands reply directly; a message
 * command, which posts to the channel as well, defers once it has passed the gates.
 */
import { ApplicationCommandOptionType, MessageFlags } from 'discord-api-types/v10';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  Interaction,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Engine } from '../../src/core/engine.js';
import type { Scope } from '../../src/core/model.js';
import type { Logger } from '../../src/log.js';
import type { Registry } from '../pipeline/command.js';
import { type Outcome, type Pipeline, type Request, serve } from '../pipeline/serve.js';
import type { ModerationDesk } from '../shared/moderation/desk.js';
import { scopeOf } from '../shared/moderation/tenant.js';
import { GUILD_ONLY, installedHere, needsGuildInstall, userInstalledServer } from './installs.js';
import { handleComponent } from './moderation.js';
import { isModerator, personOf, placeOf, settingsChannel } from './people.js';
import { postUnderMessage } from './post-under-message.js';
import { notice } from '../pipeline/reply.js';
import { send, sendFailure } from './respond.js';
import { renderModal } from './components-render.js';

export interface RouterDeps {
  pipeline: Pipeline;
  desk: ModerationDesk;
  logger: Logger;
}

type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** The `interactionCreate` listener. Its promise never rejects. */
export function interactionRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const component = interaction.isButton() || interaction.isModalSubmit();
    const command = interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand();
    if (!component && !command && !interaction.isAutocomplete()) return;
    const name = component ? interaction.customId : interaction.commandName;
    const logger = deps.logger.child({
      interaction: interaction.id,
      command: name,
      guild: interaction.guildId ?? undefined,
    });
    const started = performance.now();
    try {
      if (interaction.isAutocomplete()) return await suggest(interaction, deps.pipeline.registry, deps.pipeline.engine);
      if (component) await handleComponent(interaction, deps.desk);
      else if (command) await runCommand(interaction, deps, logger);
      logger.info({ ms: Math.round(performance.now() - started) }, 'answered');
    } catch (err) {
      logger.error({ err, ms: Math.round(performance.now() - started) }, 'interaction failed');
      if (interaction.isRepliable()) await sendFailure(interaction, logger);
      else if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  };
}

/** An option's value, or a subcommand's options, as the pipeline takes them. */
function optionsOf(data: readonly CommandInteractionOption[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const o of data) if (o.value !== undefined) out[o.name] = o.value;
  return out;
}

/** The interaction as a pipeline request: its options, or the message a message command is run on. */
function requestOf(interaction: CommandInteraction, pipeline: Pipeline): Request {
  const where = {
    person: personOf(interaction),
    place: placeOf(interaction),
    settingsChannel: settingsChannel(interaction),
  };
  const check = { isModerator: () => isModerator(interaction) };
  if (interaction.isMessageContextMenuCommand()) {
    return {
      command: interaction.commandName,
      text: interaction.targetMessage.content,
      ...where,
      ...check,
      // Posting under the message is a second request: defer so the 3-second window cannot run out.
      accepted: () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    };
  }
  const sub = interaction.options.data.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const options = optionsOf(sub ? (sub.options ?? []) : interaction.options.data);
  const spec = pipeline.registry.find(interaction.commandName, 'discord');
  const typed = spec?.textOption !== undefined ? options[spec.textOption] : undefined;
  return {
    command: interaction.commandName,
    text: typeof typed === 'string' ? typed : '',
    options,
    ...(sub ? { sub: sub.name } : {}),
    // Without a server install there is no channel of the bot's to answer in: only the asker sees it.
    askedPrivately: options.private === true || !installedHere(interaction),
    ...where,
    ...check,
  };
}

async function runCommand(interaction: CommandInteraction, deps: RouterDeps, logger: Logger): Promise<void> {
  const spec = deps.pipeline.registry.find(interaction.commandName, 'discord');
  if (spec && needsGuildInstall(spec) && userInstalledServer(interaction)) {
    logger.info('moderators’ command from a server the bot is not in; refused');
    return send(interaction, notice(GUILD_ONLY), { ephemeral: true });
  }
  const outcome = await serve(deps.pipeline, requestOf(interaction, deps.pipeline));
  if (!outcome.command) logger.warn('interaction for a command this bot does not have; run discord:deploy');
  await deliverOutcome(interaction, outcome, logger);
}

/** Sends the outcome: a modal for a form, the verdicts under the message for a message command, else a reply. */
async function deliverOutcome(interaction: CommandInteraction, outcome: Outcome, logger: Logger): Promise<void> {
  const { reply } = outcome;
  if (!reply) return;
  if (reply.kind === 'form') {
    await interaction.showModal(renderModal(reply.form));
    return;
  }
  if (interaction.isMessageContextMenuCommand() && outcome.visibility === 'public') {
    return postUnderMessage(interaction, reply, outcome.feedback, logger);
  }
  await send(interaction, reply, { ephemeral: outcome.visibility === 'ephemeral', feedback: outcome.feedback });
}

/** Discord's limits for autocomplete: 25 choices, names and values of 1–100 characters. */
const MAX_SUGGESTIONS = 25;
const MAX_SUGGESTION = 100;
/** Suggestions only need the end of what is being typed; keeps each keystroke cheap. */
const MAX_PARTIAL = 200;

/** Questions the pack can answer, for an option that suggests them; answered at once, since Discord allows no deferring here. */
async function suggest(interaction: AutocompleteInteraction, registry: Registry, engine: Engine): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec = registry.find(interaction.commandName, 'discord');
  if (!spec?.options?.some((o) => o.name === focused.name && o.suggest)) return interaction.respond([]);
  // Suggested from the facts this community may see: another's approved facts never show.
  await interaction.respond(suggestionChoices(engine, String(focused.value), scopeOf('discord', placeOf(interaction))));
}

function suggestionChoices(engine: Engine, partial: string, scope: Scope): { name: string; value: string }[] {
  return engine
    .suggest(partial.slice(-MAX_PARTIAL), MAX_SUGGESTIONS, scope)
    .filter((s) => s.trim().length > 0)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => ({
      name: s.length > MAX_SUGGESTION ? `${s.slice(0, MAX_SUGGESTION - 1)}…` : s,
      value: s.slice(0, MAX_SUGGESTION),
    }));
}

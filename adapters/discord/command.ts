/**
 * What a command module under commands/ must export, checked with zod when it is loaded
 * (as in discord.js's create-discord-bot template):
 *
 *   export const data = { type: 1, name: 'ask', description: '…', options: [...] };  // the JSON definition
 *   export async function execute(interaction, ctx) { … }                            // the handler
 *   export async function autocomplete(interaction, ctx) { … }                       // if an option autocompletes
 *   export const cooldown = false;                                                   // to opt out of the cooldown
 *   export const channelSettings = false;                                            // to work where the bot is switched off
 *
 * `data` may also be a function of the engine, for choices that come from the knowledge pack.
 * The bot and `discord:deploy` both register exactly these definitions.
 */
import {
  ApplicationCommandType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { ChannelPolicy } from '../shared/moderation/channel-policy.js';
import type { ModerationDesk } from '../shared/moderation/desk.js';
import type { Reply } from '../shared/requests.js';

export interface CommandContext {
  engine: Engine;
  /** A child logger carrying the interaction id. */
  logger: Logger;
  /** The moderators' tools: records, votes, /crosscheck. */
  desk: ModerationDesk;
  /** How the bot answers in this channel (never "off" here: the router has refused already). */
  channel: ChannelPolicy;
  /** Records an answer or verdict of this interaction; the id for its feedback buttons, or null. */
  record(command: string, reply: Reply): Promise<number | null>;
}

/** Suggestions are answered from the index alone. */
export type AutocompleteContext = Pick<CommandContext, 'engine' | 'logger'>;

export type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

const isFunction = (v: unknown) => typeof v === 'function';
const slashName = z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, 'must be 1–32 lowercase letters, digits, - or _');
const description = z.string().min(1).max(100);
const permissions = z.string().regex(/^\d+$/).nullable().optional();

const Choice = z.object({ name: z.string().min(1).max(100), value: z.union([z.string().min(1).max(100), z.number()]) });
const Option = z.looseObject({
  type: z.number().int(),
  name: slashName,
  description,
  required: z.boolean().optional(),
  autocomplete: z.boolean().optional(),
  choices: z.array(Choice).min(1).max(25).optional(),
});

const ChatInputData = z.looseObject({
  type: z.literal(ApplicationCommandType.ChatInput),
  name: slashName,
  description,
  options: z.array(Option).max(25).optional(),
  default_member_permissions: permissions,
});

const MessageData = z.looseObject({
  type: z.literal(ApplicationCommandType.Message),
  name: z.string().min(1).max(32),
  default_member_permissions: permissions,
});

export const CommandData = z.discriminatedUnion('type', [ChatInputData, MessageData]);
export type CommandData = z.infer<typeof CommandData>;

const CommandModule = z.object({
  // Checked after resolving, against CommandData, so that problems are reported in detail.
  data: z.custom<CommandData | ((engine: Engine) => unknown)>(
    (v) => (typeof v === 'object' && v !== null) || isFunction(v),
    'must export data: a command definition or a function of the engine',
  ),
  execute: z.custom<(interaction: CommandInteraction, ctx: CommandContext) => Promise<void>>(
    isFunction,
    'must export an execute function',
  ),
  autocomplete: z
    .custom<(interaction: AutocompleteInteraction, ctx: AutocompleteContext) => Promise<void>>(isFunction)
    .optional(),
  cooldown: z.boolean().optional(),
  channelSettings: z.boolean().optional(),
});

/** A loaded command: its definition resolved against the engine, and its handlers. */
export interface Command extends Omit<z.infer<typeof CommandModule>, 'data'> {
  data: CommandData;
}

/** Checks one module's exports; throws an Error naming the file and what is wrong. */
export function parseCommandModule(exports: unknown, file: string, engine: Engine): Command {
  const mod = CommandModule.safeParse(exports);
  if (!mod.success) throw new Error(`${file}: not a command module: ${z.prettifyError(mod.error)}`);
  const rawData = typeof mod.data.data === 'function' ? mod.data.data(engine) : mod.data.data;
  const data = CommandData.safeParse(rawData);
  if (!data.success) throw new Error(`${file}: bad command definition: ${z.prettifyError(data.error)}`);
  const autocompletes =
    data.data.type === ApplicationCommandType.ChatInput && (data.data.options ?? []).some((o) => o.autocomplete);
  if (autocompletes && !mod.data.autocomplete)
    throw new Error(`${file}: an option autocompletes but the module exports no autocomplete handler`);
  return { ...mod.data, data: data.data };
}

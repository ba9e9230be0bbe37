/**
 * What a command is, declared once in its own file under adapters/commands/ (as in
 * discord.js's create-discord-bot template: one module per command, checked when loaded).
 * Everything else derives from these declarations: Discord's command definitions, the Slack
 * manifest and listeners, the console's /help, the CLI's commands and README's table.
 *
 *   export const command = defineCommand({
 *     name: 'ask',
 *     kind: 'slash',
 *     surfaces: ['discord', 'slack', 'console', 'cli'],
 *     description: (w) => `Ask about ${w.subject}; the answer cites its sources`,
 *     usage: '<question>',
 *     textOption: 'question',
 *     options: [{ name: 'question', type: 'text', required: true, description: 'Your question' }],
 *     run: ({ text }, { engine, scope }) => ({ kind: 'answer', answer: engine.ask(text, scope) }),
 *   });
 *
 * Descriptions are written with the pack's words (its subject and examples), never a
 * subject of their own.
 */
import { z } from 'zod';
import type { Engine } from '../../src/core/engine.js';
import type { Scope } from '../../src/core/model.js';
import type { ModerationDesk, Person } from '../shared/moderation/desk.js';
import type { Place } from '../shared/moderation/tenant.js';
import type { Reply } from './reply.js';
import type { PackWords } from './words.js';

/** Where a command is offered. The console's commands are also what an @mention on Slack may type. */
export const SURFACES = ['discord', 'slack', 'console', 'cli'] as const;
export type Surface = (typeof SURFACES)[number];

/** A text in the pack's words. */
export type Worded = string | ((words: PackWords) => string);

export const worded = (text: Worded, words: PackWords): string => (typeof text === 'string' ? text : text(words));

export interface Choice {
  name: string;
  value: string;
}

export interface OptionSpec {
  name: string;
  type: 'text' | 'boolean' | 'integer';
  description: Worded;
  required?: boolean;
  /** Suggest questions from the pack while this is typed (Discord's autocomplete). */
  suggest?: boolean;
  /** The values it may take: fixed, or from the pack. */
  choices?: readonly string[] | ((engine: Engine) => Choice[]);
  min?: number;
  max?: number;
}

export interface SubcommandSpec {
  name: string;
  description: string;
  options?: readonly OptionSpec[];
}

/** What a command's handler is given: the words typed, or the options chosen. */
export interface CommandInput {
  /** The words after the command on a text surface, the text option's value on Discord, or the message checked. */
  text: string;
  /** Options as Discord sends them (name → value); empty on text surfaces. */
  options: Readonly<Record<string, string | number | boolean>>;
  /** Discord's subcommand, when the command has them. */
  sub?: string;
}

export interface CommandContext {
  engine: Engine;
  words: PackWords;
  platform: Surface;
  /** The commands of this bot, for help. */
  registry: Registry;
  /** How a command is written here: "/ask", or the name Slack was configured with. */
  commandName(name: string): string;
  /** Who asks (null on the console and the CLI), and where; `place.channel` is the channel whose settings apply. */
  person: Person | null;
  place: Place;
  /** The place's community, for the engine: its own approved facts are cited, no other's. */
  scope: Scope;
  /** The moderators' tools, where the bot has its store. */
  desk: ModerationDesk | undefined;
  isModerator(): boolean | Promise<boolean>;
}

export interface CommandSpec {
  /** What users type after the slash; for a message command, its label in the message's menu. */
  name: string;
  /** slash: typed, with options; message: run on someone's message from its menu. */
  kind: 'slash' | 'message';
  surfaces: readonly Surface[];
  /** One line, at most 100 characters with the pack's words in it (Discord's limit). */
  description: Worded;
  /** What follows the name in help: "<question>", "[document id]". */
  usage?: string;
  /** An example of what follows the name, for usage hints. */
  example?: (words: PackWords) => string | undefined;
  /** More for README's table: options per platform, what a reply looks like. */
  details?: string;
  /** The option whose value is the text a text surface types after the name. */
  textOption?: string;
  options?: readonly OptionSpec[];
  subcommands?: readonly SubcommandSpec[];
  /**
   * everyone (the default); moderators-first: shown to moderators by default (on Discord)
   * and its handler decides who may do what; moderators: refused to anyone else.
   */
  audience?: 'everyone' | 'moderators-first' | 'moderators';
  /** What anyone else is told, for a command only moderators may run. */
  refusal?: (moderatorsAre: string, ctx: Pick<CommandContext, 'commandName'>) => string;
  /** false: works where the bot is switched off, and its replies ignore the channel's setting. Default true. */
  followsChannel?: boolean;
  /** false: not rate-limited (it runs no search). Default true. */
  cooldown?: boolean;
  /** The command's name in the moderators' report; default its name. */
  record?: string;
  run(input: CommandInput, ctx: CommandContext): Reply | Promise<Reply>;
}

/** Types a declaration; the loader checks its shape at start-up. */
export const defineCommand = (spec: CommandSpec): CommandSpec => spec;

const isFunction = (v: unknown) => typeof v === 'function';
const worded_ = z.union([z.string().min(1), z.custom<(w: PackWords) => string>(isFunction)]);
const optionName = z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, 'must be 1–32 lowercase letters, digits, - or _');
const OptionSchema = z.object({
  name: optionName,
  type: z.enum(['text', 'boolean', 'integer']),
  description: worded_,
});

const CommandSchema = z
  .object({
    name: z.string().min(1).max(32),
    kind: z.enum(['slash', 'message']),
    surfaces: z.array(z.enum(SURFACES)).min(1),
    description: worded_,
    options: z.array(OptionSchema).max(25).optional(),
    subcommands: z.array(z.object({ name: optionName, options: z.array(OptionSchema).optional() })).optional(),
    run: z.custom<CommandSpec['run']>(isFunction, 'must have a run function'),
  })
  .refine((c) => c.kind === 'message' || optionName.safeParse(c.name).success, {
    message: 'a slash command is named with 1–32 lowercase letters, digits, - or _',
    path: ['name'],
  })
  .refine((c) => !(c.options && c.subcommands), { message: 'has options or subcommands, not both', path: ['options'] });

/** Checks one command module's export; throws an Error naming the file and what is wrong. */
export function parseCommandModule(exports: unknown, file: string): CommandSpec {
  const spec = (exports as { command?: unknown }).command;
  const checked = CommandSchema.safeParse(spec);
  if (!checked.success) throw new Error(`${file}: not a command: ${z.prettifyError(checked.error)}`);
  const c = spec as CommandSpec;
  if (c.textOption && !c.options?.some((o) => o.name === c.textOption)) {
    throw new Error(`${file}: textOption "${c.textOption}" is not one of its options`);
  }
  return c;
}

/** The commands of this bot, in a fixed order (the order of their files). */
export class Registry {
  constructor(readonly commands: readonly CommandSpec[]) {
    const seen = new Set<string>();
    for (const c of commands) {
      if (seen.has(c.name)) throw new Error(`two commands are named "${c.name}"`);
      seen.add(c.name);
    }
  }

  /** The commands offered on a surface. */
  on(surface: Surface): CommandSpec[] {
    return this.commands.filter((c) => c.surfaces.includes(surface));
  }

  /** A command by name (any case for slash commands), if it is offered on the surface. */
  find(name: string, surface: Surface): CommandSpec | undefined {
    return this.on(surface).find((c) => c.name === name || (c.kind === 'slash' && c.name === name.toLowerCase()));
  }
}

/** The names of the slash commands Slack offers, which SLACK_<NAME>_COMMAND may rename. */
export const slackCommandNames = (registry: Registry): string[] =>
  registry
    .on('slack')
    .filter((c) => c.kind === 'slash')
    .map((c) => c.name);

/**
 * The one path every request takes, from whichever adapter: the channel's mode → who may →
 * the cooldown → the command (the engine) → the record → who sees the reply. Adapters turn
 * their platform's event into a `Request` and the `Outcome` into a payload; none of them
 * decides what to say or who sees it.
 *
 *   const outcome = await serve(pipeline, { command: 'ask', text: 'who built the bridge', person, place });
 *   // { reply: { kind: 'answer', … }, visibility: 'public', feedback: 42 }
 */
import type { Engine } from '../../src/core/engine.js';
import { cutEnd } from '../shared/cut.js';
import { type ChannelPolicy, type Visibility, visibility } from '../shared/moderation/channel-policy.js';
import type { ModerationDesk, Person } from '../shared/moderation/desk.js';
import { type Place, scopeOf, tenantOf } from '../shared/moderation/tenant.js';
import { MODERATORS_ARE, SWITCHED_OFF } from '../shared/moderation/texts.js';
import type { CommandContext, CommandSpec, Registry, Surface } from './command.js';
import { notice, type Reply } from './reply.js';
import { cooldownNotice, NOT_AVAILABLE, unknownCommand } from './texts.js';
import { type PackWords, packWords } from './words.js';

/** Per-user cooldowns: in memory (`Cooldown`) or shared by instances (`Limits`). */
export interface Cooldowns {
  take(key: string, seconds: number): number | Promise<number>;
}

export interface PipelineOptions {
  engine: Engine;
  registry: Registry;
  platform: Surface;
  /** How a command is written on this platform; "/name" unless Slack was configured otherwise. */
  commandName?: (name: string) => string;
  /** Channel settings and records; without it (the console, the CLI), `defaults` and no records. */
  desk?: ModerationDesk;
  defaults?: ChannelPolicy;
  /** The cooldown (shared by instances on PostgreSQL); without it, nobody waits. */
  cooldown?: Cooldowns;
  /** How someone typing a line asks for help here; "try /help" unless the platform says otherwise. */
  typedHelp?: string;
}

export interface Pipeline
  extends Required<Pick<PipelineOptions, 'engine' | 'registry' | 'platform' | 'commandName' | 'typedHelp'>> {
  desk: ModerationDesk | undefined;
  defaults: ChannelPolicy;
  cooldown: Cooldowns | undefined;
  words: PackWords;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  return {
    engine: options.engine,
    registry: options.registry,
    platform: options.platform,
    commandName: options.commandName ?? ((name) => `/${name}`),
    typedHelp: options.typedHelp ?? 'try /help',
    desk: options.desk,
    defaults: options.defaults ?? { mode: 'public', cooldownSeconds: 0 },
    cooldown: options.cooldown,
    words: packWords(options.engine),
  };
}

export interface Request {
  /** The command's name, as registered or as typed. */
  command: string;
  /** The words after the command, the text option's value, or the message checked. */
  text?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
  sub?: string;
  /** The asker chose privacy (Discord's private option, Slack's "/ask private …"). */
  askedPrivately?: boolean;
  /** Typed as a line (the console, a Slack @mention): one of the console's commands. */
  typed?: boolean;
  /** Said in passing (a mention): in a channel switched off it gets no reply at all. */
  quietWhenOff?: boolean;
  /** Who asks; null on the console and the CLI. */
  person?: Person | null;
  /** Where it happened: for the record. */
  place?: Place;
  /** The channel whose settings apply (a Discord thread follows its channel); default `place.channel`. */
  settingsChannel?: string | null;
  isModerator?: () => boolean | Promise<boolean>;
  /** Called once the request has passed every gate, before the command runs (Discord defers here). */
  accepted?: () => Promise<unknown>;
}

export interface Outcome {
  /** null: say nothing (a mention where the bot is switched off). */
  reply: Reply | null;
  visibility: Exclude<Visibility, 'off'>;
  /** The record's id for the feedback buttons, or null. */
  feedback: number | null;
  /** The command that ran, if one did. */
  command: CommandSpec | undefined;
}

/** The setting for replies that ignore the channel's: only their kind decides. */
const OPEN: ChannelPolicy = { mode: 'public', cooldownSeconds: 0 };

const privately = (reply: Reply, command?: CommandSpec): Outcome => ({
  reply,
  visibility: 'ephemeral',
  feedback: null,
  command,
});

/** What a command's handler is given; `place.channel` is the channel whose settings apply. */
export function commandContext(
  p: Pipeline,
  request: Pick<Request, 'person' | 'place' | 'isModerator'> = {},
): CommandContext {
  return {
    engine: p.engine,
    words: p.words,
    platform: p.platform,
    registry: p.registry,
    commandName: p.commandName,
    person: request.person ?? null,
    place: request.place ?? { guild: null, channel: null },
    scope: scopeOf(p.platform, request.place ?? { guild: null, channel: null }),
    desk: p.desk,
    isModerator: request.isModerator ?? (() => false),
  };
}

export async function serve(p: Pipeline, request: Request): Promise<Outcome> {
  const place = request.place ?? { guild: null, channel: null };
  const settings = request.settingsChannel !== undefined ? request.settingsChannel : place.channel;
  const policy = p.desk?.policy(place, settings) ?? p.defaults;
  if (policy.mode === 'off' && request.quietWhenOff)
    return { reply: null, visibility: 'ephemeral', feedback: null, command: undefined };

  const command = p.registry.find(request.command, request.typed ? 'console' : p.platform);
  if (!command) {
    if (!request.typed) return privately(notice(NOT_AVAILABLE));
    // The name is user text: masked like any echo, and cut where no word fragment is left.
    return privately(notice(unknownCommand(cutEnd(p.engine.safeEcho(request.command), 40), p.typedHelp)));
  }
  const followsChannel = command.followsChannel !== false;
  if (followsChannel && policy.mode === 'off') return privately(notice(SWITCHED_OFF), command);

  const person = request.person ?? null;
  const ctx = commandContext(p, { ...request, place: { ...place, channel: settings } });
  if (command.audience === 'moderators' && !(await ctx.isModerator())) {
    const who = p.platform === 'discord' || p.platform === 'slack' ? MODERATORS_ARE[p.platform] : 'moderators';
    return privately(notice(command.refusal?.(who, ctx) ?? `Only ${who} can do that.`), command);
  }
  if (command.cooldown !== false && p.cooldown && person) {
    // User ids are per workspace on Slack, so the key holds the community as well.
    const wait = await p.cooldown.take(
      `${tenantOf(p.platform, place) ?? person.platform}:${person.userId}`,
      policy.cooldownSeconds,
    );
    if (wait > 0) return privately(notice(cooldownNotice(wait)), command);
  }

  await request.accepted?.();
  const reply = await command.run(
    { text: request.text ?? '', options: request.options ?? {}, ...(request.sub ? { sub: request.sub } : {}) },
    ctx,
  );
  const feedback = p.desk && person ? await p.desk.record(person, place, command.record ?? command.name, reply) : null;
  const seen = visibility(followsChannel ? policy : OPEN, { askedPrivately: request.askedPrivately, reply });
  return { reply, visibility: seen === 'public' ? 'public' : 'ephemeral', feedback, command };
}

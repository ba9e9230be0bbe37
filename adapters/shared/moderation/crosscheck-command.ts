/**
 * `/crosscheck` and its subcommands, platform-neutral: from Discord's options
 * (`crosscheckFromOptions`) or the text after the command (`parseCrosscheckText`), for
 * `ModerationDesk.crosscheck`.
 */
import { CHANNEL_MODES, COOLDOWN_RANGE, type ChannelMode, isChannelMode } from '../../../src/store/channel-settings.js';

export type CrosscheckCommand =
  | { sub: 'help' }
  | { sub: 'report'; days: number }
  | { sub: 'propose' }
  | { sub: 'review' }
  /** Absent: unchanged; null: back to the default. Neither given: show the settings. */
  | { sub: 'channel'; mode?: ChannelMode | null; cooldownSeconds?: number | null }
  | { sub: 'invalid'; problem: string };

export const DEFAULT_REPORT_DAYS = 7;
export const MAX_REPORT_DAYS = 365;

/** What needs a moderator: everything that shows others' activity or changes how the bot behaves. */
export function needsModerator(c: CrosscheckCommand): boolean {
  return c.sub === 'report' || c.sub === 'review' || c.sub === 'channel';
}

const whole = (s: string) => (/^\d{1,6}$/.test(s) ? Number(s) : NaN);

/**
 * Slack's text after `/crosscheck`:
 *
 *   report 30 · propose · review · channel · channel ephemeral 10 · channel mode:off · channel cooldown:0 · channel default
 */
export function parseCrosscheckText(text: string): CrosscheckCommand {
  const [sub = '', ...args] = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  switch (sub) {
    case '':
    case 'help':
      return { sub: 'help' };
    case 'propose':
    case 'review':
      return args.length ? { sub: 'invalid', problem: `${sub} takes nothing after it` } : { sub };
    case 'report': {
      if (args.length > 1) return { sub: 'invalid', problem: 'report takes at most a number of days, e.g. report 30' };
      const days = args.length ? whole(args[0]!.replace(/^days:/, '').replace(/d$/, '')) : DEFAULT_REPORT_DAYS;
      return days >= 1 && days <= MAX_REPORT_DAYS
        ? { sub: 'report', days }
        : { sub: 'invalid', problem: `report takes a whole number of days from 1 to ${MAX_REPORT_DAYS}` };
    }
    case 'channel':
      return channelArgs(args);
    default:
      return { sub: 'invalid', problem: 'use report, propose, review or channel' };
  }
}

function channelArgs(args: string[]): CrosscheckCommand {
  const out: { sub: 'channel'; mode?: ChannelMode | null; cooldownSeconds?: number | null } = { sub: 'channel' };
  for (const arg of args) {
    const [key, value] = arg.includes(':')
      ? (arg.split(':', 2) as [string, string])
      : [/^\d/.test(arg) ? 'cooldown' : 'mode', arg];
    if (arg === 'default') {
      out.mode = null;
      out.cooldownSeconds = null;
    } else if (key === 'mode' && isChannelMode(value)) out.mode = value;
    else if (key === 'mode' && value === 'default') out.mode = null;
    else if (key === 'cooldown' && value === 'default') out.cooldownSeconds = null;
    else if (key === 'cooldown' && whole(value.replace(/s$/, '')) <= COOLDOWN_RANGE.max)
      out.cooldownSeconds = whole(value.replace(/s$/, ''));
    else
      return {
        sub: 'invalid',
        problem: `channel takes a mode (${CHANNEL_MODES.join(', ')} or default) and a cooldown in seconds from ${COOLDOWN_RANGE.min} to ${COOLDOWN_RANGE.max}, e.g. channel ephemeral 10`,
      };
  }
  return out;
}

/** Discord's subcommand and options (their ranges and choices already enforced by Discord). */
export function crosscheckFromOptions(
  sub: string | undefined,
  options: Readonly<Record<string, string | number | boolean>>,
): CrosscheckCommand {
  const number = (name: string) => (typeof options[name] === 'number' ? (options[name] as number) : null);
  switch (sub) {
    case 'report':
      return { sub: 'report', days: number('days') ?? DEFAULT_REPORT_DAYS };
    case 'propose':
    case 'review':
      return { sub };
    case 'channel': {
      const mode = typeof options.mode === 'string' ? options.mode : null;
      const cooldownSeconds = number('cooldown');
      if (mode !== null && mode !== 'default' && !isChannelMode(mode)) {
        return { sub: 'invalid', problem: `mode is one of ${CHANNEL_MODES.join(', ')} or default` };
      }
      // "default" puts the channel back to the defaults, cooldown too unless one is given.
      if (mode === 'default') return { sub: 'channel', mode: null, cooldownSeconds };
      return {
        sub: 'channel',
        ...(mode !== null ? { mode } : {}),
        ...(cooldownSeconds !== null ? { cooldownSeconds } : {}),
      };
    }
    default:
      return { sub: 'help' };
  }
}

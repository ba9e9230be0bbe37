/**
 * `/crosscheck` and its subcommands, platform-neutral. Discord reads them from its options,
 * Slack from the text after the command (`parseCrosscheckText`); both hand the result to
 * `ModerationDesk.crosscheck`.
 */
import type { ChannelMode } from '../../../src/store/index.js';

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
export const MAX_COOLDOWN = 3600;
export const MODES: readonly ChannelMode[] = ['public', 'ephemeral', 'off'];

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
    } else if (key === 'mode' && (MODES as string[]).includes(value)) out.mode = value as ChannelMode;
    else if (key === 'mode' && value === 'default') out.mode = null;
    else if (key === 'cooldown' && value === 'default') out.cooldownSeconds = null;
    else if (key === 'cooldown' && whole(value.replace(/s$/, '')) <= MAX_COOLDOWN)
      out.cooldownSeconds = whole(value.replace(/s$/, ''));
    else
      return {
        sub: 'invalid',
        problem: `channel takes a mode (${MODES.join(', ')} or default) and a cooldown in seconds from 0 to ${MAX_COOLDOWN}, e.g. channel ephemeral 10`,
      };
  }
  return out;
}

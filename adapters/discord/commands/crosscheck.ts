/**
 * /crosscheck report|propose|review|channel — the moderators' tools. Hidden from members
 * without Manage Messages by default; the desk asks again for what needs a moderator, and
 * lets through `propose` if server admins open the command to everyone.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { ChannelMode } from '../../../src/store/index.js';
import {
  DEFAULT_REPORT_DAYS,
  MAX_COOLDOWN,
  MAX_REPORT_DAYS,
  MODES,
  type CrosscheckCommand,
} from '../../shared/moderation/crosscheck-command.js';
import type { CommandContext } from '../command.js';
import { deliverOutcome } from '../moderation.js';
import { isModerator, personOf, placeOf, settingsChannel } from '../people.js';

const { Subcommand, Integer, String: Text } = ApplicationCommandOptionType;

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'crosscheck',
  description: 'Moderators: the report, proposed facts and their review, this channel’s settings',
  default_member_permissions: String(PermissionFlagsBits.ManageMessages),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: Subcommand,
      name: 'report',
      description: 'Questions without an answer, unverified claims, facts voted not helpful, counts',
      options: [
        {
          type: Integer,
          name: 'days',
          description: `How many days back (default ${DEFAULT_REPORT_DAYS})`,
          required: false,
          min_value: 1,
          max_value: MAX_REPORT_DAYS,
        },
      ],
    },
    { type: Subcommand, name: 'propose', description: 'Propose a sourced fact to fill a gap (opens a form)' },
    { type: Subcommand, name: 'review', description: 'Approve or reject proposed facts' },
    {
      type: Subcommand,
      name: 'channel',
      description: 'How I answer in this channel; with no options, the current settings',
      options: [
        {
          type: Text,
          name: 'mode',
          description: 'public, ephemeral (only the asker sees replies), off, or default (mode and cooldown)',
          required: false,
          choices: [...MODES, 'default'].map((m) => ({ name: m, value: m })),
        },
        {
          type: Integer,
          name: 'cooldown',
          description: 'Seconds between one person’s requests (0 = none)',
          required: false,
          min_value: 0,
          max_value: MAX_COOLDOWN,
        },
      ],
    },
  ],
};

/** Moderators' tools are neither rate-limited nor switched off with the channel: a moderator must be able to switch it back on. */
export const cooldown = false;
export const channelSettings = false;

/** The subcommand and its options as the desk takes them. */
export function commandOf(interaction: ChatInputCommandInteraction): CrosscheckCommand {
  const o = interaction.options;
  switch (o.getSubcommand(false)) {
    case 'report':
      return { sub: 'report', days: o.getInteger('days') ?? DEFAULT_REPORT_DAYS };
    case 'propose':
      return { sub: 'propose' };
    case 'review':
      return { sub: 'review' };
    case 'channel': {
      const mode = o.getString('mode');
      const cooldownSeconds = o.getInteger('cooldown');
      if (mode !== null && mode !== 'default' && !(MODES as string[]).includes(mode))
        return { sub: 'invalid', problem: `mode is one of ${MODES.join(', ')} or default` };
      // "default" puts the channel back to the defaults, cooldown too unless one is given.
      if (mode === 'default') return { sub: 'channel', mode: null, cooldownSeconds };
      return {
        sub: 'channel',
        ...(mode !== null ? { mode: mode as ChannelMode } : {}),
        ...(cooldownSeconds !== null ? { cooldownSeconds } : {}),
      };
    }
    default:
      return { sub: 'help' };
  }
}

export async function execute(interaction: ChatInputCommandInteraction, { desk }: CommandContext): Promise<void> {
  // Settings are kept per channel; a thread follows its channel.
  const place = { ...placeOf(interaction), channel: settingsChannel(interaction) };
  const outcome = await desk.crosscheck(commandOf(interaction), personOf(interaction), place, () =>
    isModerator(interaction),
  );
  await deliverOutcome(interaction, outcome);
}

/**
 * /crosscheck report|propose|review|channel: the moderators' tools. Shown to moderators
 * by default; the desk asks again for what needs a moderator, and lets anyone propose a
 * fact. It works where the bot is switched off, so a moderator can switch it back on.
 */
import { COOLDOWN_RANGE } from '../../src/store/channel-settings.js';
import { CHANNEL_MODES } from '../../src/store/channel-settings.js';
import { defineCommand } from '../pipeline/command.js';
import { notice } from '../pipeline/reply.js';
import {
  crosscheckFromOptions,
  DEFAULT_REPORT_DAYS,
  MAX_REPORT_DAYS,
  parseCrosscheckText,
} from '../shared/moderation/crosscheck-command.js';
import { NO_STORE } from '../shared/moderation/texts.js';

export const command = defineCommand({
  name: 'crosscheck',
  kind: 'slash',
  surfaces: ['discord', 'slack'],
  description: 'Moderators: the report, proposed facts and their review, this channel’s settings',
  usage: 'report [days] | propose | review | channel [public|ephemeral|off|default] [cooldown]',
  details:
    'moderators: `report [days]` (questions without an answer, claims left unverified, facts voted not helpful), `review` (approve or reject proposed facts) and `channel [mode] [cooldown]`; anyone: `propose` (a form to propose a sourced fact)',
  audience: 'moderators-first',
  subcommands: [
    {
      name: 'report',
      description: 'Questions without an answer, unverified claims, facts voted not helpful, counts',
      options: [
        {
          name: 'days',
          type: 'integer',
          description: `How many days back (default ${DEFAULT_REPORT_DAYS})`,
          min: 1,
          max: MAX_REPORT_DAYS,
        },
      ],
    },
    { name: 'propose', description: 'Propose a sourced fact to fill a gap (opens a form)' },
    { name: 'review', description: 'Approve or reject proposed facts' },
    {
      name: 'channel',
      description: 'How I answer in this channel; with no options, the current settings',
      options: [
        {
          name: 'mode',
          type: 'text',
          description: 'public, ephemeral (only the asker sees replies), off, or default (mode and cooldown)',
          choices: [...CHANNEL_MODES, 'default'],
        },
        {
          name: 'cooldown',
          type: 'integer',
          description: 'Seconds between one person’s requests (0 = none)',
          min: COOLDOWN_RANGE.min,
          max: COOLDOWN_RANGE.max,
        },
      ],
    },
  ],
  // A moderator must be able to switch the bot back on, and is never made to wait.
  followsChannel: false,
  cooldown: false,
  run: async ({ text, options, sub }, { desk, person, place, isModerator, commandName }) => {
    if (!desk || !person) return notice(NO_STORE);
    const request = sub !== undefined ? crosscheckFromOptions(sub, options) : parseCrosscheckText(text);
    return desk.crosscheck(request, person, place, isModerator, commandName('crosscheck'));
  },
});

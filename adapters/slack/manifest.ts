/**
 * The Slack app manifest, derived from the registry and the pack: the slash commands and
 * message shortcuts the bot listens for (under the names this workspace gives them), the
 * event, the interactivity and the scopes it uses, and descriptions in the pack's words.
 * `npm run slack:manifest` prints it, so nothing about a pack's subject is committed.
 *
 *   slackManifest(registry, packWords(engine), slackCommandName(config))   // { display_information, features, … }
 */
import { type CommandSpec, type Registry, worded } from '../pipeline/command.js';
import type { PackWords } from '../pipeline/words.js';
import { shortcutCallbackId } from './deps.js';

/** Every scope the bot uses, and why. */
export const SCOPES = {
  'app_mentions:read': 'the app_mention event',
  'chat:write': 'answers in threads, verdicts, private notices',
  commands: 'slash commands, shortcuts, buttons and modals',
  'users:read': 'users.info: is the user a workspace admin or owner?',
  'usergroups:read': 'usergroups.users.list: moderators given as a user group',
} as const;

/** Slack's limits for the app's descriptions. */
const LIMITS = { description: 140, longDescription: 4000, usageHint: 1000 } as const;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export interface ManifestOptions {
  /** HTTP mode: the public base URL Slack posts to (…/slack/events); without it, Socket Mode. */
  httpUrl?: string;
}

function usageHint(c: CommandSpec, words: PackWords): string | undefined {
  const sample = c.example?.(words);
  // A command that follows the channel's setting takes "private" first (see slack-text.ts).
  const privately = c.followsChannel !== false && c.textOption ? '[private] ' : '';
  const hint = sample ? `${privately}${sample}` : c.usage;
  return hint ? cut(hint, LIMITS.usageHint) : undefined;
}

export function slackManifest(
  registry: Registry,
  words: PackWords,
  commandName: (name: string) => string,
  options: ManifestOptions = {},
) {
  const commands = registry.on('slack');
  const base = options.httpUrl?.replace(/\/+$/, '');
  const url = base ? `${base}/slack/events` : undefined;
  const slash = commands.filter((c) => c.kind === 'slash');
  const listed = slash.map((c) => commandName(c.name)).join(', ');
  const longDescription = [
    `crosscheck answers questions about ${words.subject} only with facts quoted verbatim from named sources,`,
    'checks claims against them (supported, contradicted, disputed or unverified) and says plainly where sources disagree.',
    'It never pings anyone.',
    `Its commands: ${listed}; mention the bot in a channel to get the answer in a thread.`,
    ...commands.filter((c) => c.kind === 'message').map((c) => `Moderators can run "${c.name}" on a message.`),
  ].join(' ');
  return {
    display_information: {
      name: 'crosscheck',
      description: cut(`Cited answers about ${words.subject}, and where the sources disagree.`, LIMITS.description),
      long_description: cut(longDescription, LIMITS.longDescription),
      background_color: '#1f3a5f',
    },
    features: {
      bot_user: { display_name: 'crosscheck', always_online: true },
      slash_commands: slash.map((c) => {
        const hint = usageHint(c, words);
        return {
          command: commandName(c.name),
          ...(url ? { url } : {}),
          description: worded(c.description, words),
          ...(hint ? { usage_hint: hint } : {}),
          should_escape: false,
        };
      }),
      shortcuts: commands
        .filter((c) => c.kind === 'message')
        .map((c) => ({
          name: c.name,
          type: 'message',
          callback_id: shortcutCallbackId(c),
          description: worded(c.description, words),
        })),
    },
    // HTTP mode can be installed in many workspaces by OAuth (Bolt's /slack/install), redirected back here.
    oauth_config: {
      ...(base ? { redirect_urls: [`${base}/slack/oauth_redirect`] } : {}),
      scopes: { bot: Object.keys(SCOPES) },
    },
    settings: {
      event_subscriptions: {
        ...(url ? { request_url: url } : {}),
        // A workspace that removes the app, or revokes its token, loses its installation.
        bot_events: url ? ['app_mention', 'app_uninstalled', 'tokens_revoked'] : ['app_mention'],
      },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}

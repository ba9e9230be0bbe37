/** What every Slack listener is given, and how Slack's users and commands are named. */
import type { InstallationStore } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { CommandSpec } from '../pipeline/command.js';
import type { Pipeline } from '../pipeline/serve.js';
import type { ModerationDesk, Person } from '../shared/moderation/desk.js';
import type { Place } from '../shared/moderation/tenant.js';

export type SlackConfig = NonNullable<Config['slack']>;

export interface SlackDeps {
  config: SlackConfig;
  /** The one path every request takes (adapters/pipeline). */
  pipeline: Pipeline;
  /** The moderators' tools behind the buttons and forms. */
  desk: ModerationDesk;
  logger: Logger;
  /** Each workspace's installation, when Slack is installed by OAuth. */
  installations?: InstallationStore;
}

/** A Slack user as the desk sees them; the name is their handle, shown as proposer or approver. */
export function slackPerson(user: { id: string; name?: string; username?: string }): Person {
  return { platform: 'slack', userId: user.id, name: user.name || user.username || user.id };
}

/** A workspace's channel; a direct message with the bot (a D… channel) is a community of its own. */
export function slackPlace(team: string | null | undefined, channel: string | null | undefined): Place {
  return { guild: team ?? null, channel: channel ?? null, ...(channel?.startsWith('D') ? { dm: true } : {}) };
}

/** How a command is written in this workspace: "/<name>", unless SLACK_<NAME>_COMMAND renamed it. */
export const slackCommandName =
  (config: Pick<SlackConfig, 'commands'>) =>
  (name: string): string =>
    config.commands[name] ?? `/${name}`;

/** A message shortcut's callback id, made from the command's name: "Check claims" is check_claims. */
export const shortcutCallbackId = (command: Pick<CommandSpec, 'name'>): string =>
  command.name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

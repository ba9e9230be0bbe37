/** What every Slack listener is given, and the per-user gate in front of the core. */
import type { Config } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { Cooldown } from '../shared/cooldown.js';
import type { ModerationDesk, Person } from '../shared/moderation/desk.js';
import { cooldownNotice, type Reply } from '../shared/requests.js';

export type SlackConfig = NonNullable<Config['slack']>;

export interface SlackDeps {
  config: SlackConfig;
  engine: Engine;
  cooldown: Cooldown;
  /** The moderators' tools: records, votes, /crosscheck, channel settings. */
  desk: ModerationDesk;
  logger: Logger;
}

/**
 * Runs `answer` unless the user is still cooling down (for `seconds`, the channel's
 * setting); user ids are per workspace, so the key is too.
 */
export function withCooldown(
  deps: SlackDeps,
  who: { team: string | undefined; user: string },
  seconds: number,
  answer: () => Reply,
): Reply {
  const wait = deps.cooldown.take(`${who.team ?? ''}:${who.user}`, seconds);
  return wait > 0 ? { kind: 'notice', text: cooldownNotice(wait) } : answer();
}

/** A Slack user as the desk sees them; the name is their handle, shown as proposer or approver. */
export function slackPerson(user: { id: string; name?: string; username?: string }): Person {
  return { platform: 'slack', userId: user.id, name: user.name || user.username || user.id };
}

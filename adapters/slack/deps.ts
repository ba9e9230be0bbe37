/** What every Slack listener is given, and the per-user gate in front of the core. */
import type { Config } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { Cooldown } from '../shared/cooldown.js';
import { cooldownNotice, type Reply } from '../shared/requests.js';

export type SlackConfig = NonNullable<Config['slack']>;

export interface SlackDeps {
  config: SlackConfig;
  engine: Engine;
  cooldown: Cooldown;
  logger: Logger;
}

/** Runs `answer` unless the user is still cooling down; user ids are per workspace, so the key is too. */
export function withCooldown(deps: SlackDeps, who: { team: string | undefined; user: string }, answer: () => Reply): Reply {
  const wait = deps.cooldown.take(`${who.team ?? ''}:${who.user}`);
  return wait > 0 ? { kind: 'notice', text: cooldownNotice(wait) } : answer();
}

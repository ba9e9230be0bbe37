/**
 * The moderators' store as every bot process opens it: PostgreSQL when DATABASE_URL is set,
 * else an embedded database in DATA_DIR; approved facts join the engine. It connects in the
 * background if the store is away. The main process and each Discord shard process open it
 * the same way.
 */
import type { Config } from '../src/config.js';
import type { Engine } from '../src/core/engine.js';
import type { Logger } from '../src/log.js';
import { Moderation } from '../src/moderation/index.js';

export function openModeration(config: Config, engine: Engine, logger: Logger): Promise<Moderation> {
  return Moderation.connect({ ...config.store }, engine, {
    defaults: { mode: 'public', cooldownSeconds: config.cooldownSeconds },
    proposalsPerHour: config.proposals.perHour,
    pendingMax: config.proposals.pendingMax,
    log: logger,
  });
}

/**
 * The moderators' store as every bot process opens it: PostgreSQL when DATABASE_URL is set,
 * else an embedded database in DATA_DIR; approved facts join the engine. The main process
 * and each Discord shard process open it the same way.
 */
import type { Config } from '../src/config.js';
import type { Engine } from '../src/core/engine.js';
import type { Logger } from '../src/log.js';
import { Moderation } from '../src/moderation/index.js';

export function openModeration(config: Config, engine: Engine, logger: Logger): Promise<Moderation> {
  return Moderation.open(
    {
      databaseUrl: config.store.databaseUrl,
      dataDir: config.store.dataDir,
      retentionDays: config.store.retentionDays,
      userHashSecret: config.store.userHashSecret,
    },
    engine,
    { defaults: { mode: 'public', cooldownSeconds: config.cooldownSeconds }, log: logger },
  );
}

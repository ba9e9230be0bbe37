/**
 * `npm run knowledge:export [path]`: writes the approved community facts as pack YAML,
 * to `<KNOWLEDGE_DIR>/facts/community.yaml` by default, or to `path` ("-" for stdout).
 * Reads the same store the bot uses (DATABASE_URL, or the embedded one in DATA_DIR).
 */
import 'dotenv/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readArgs } from '../entry-point.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { exportApproved } from './export.js';

const USAGE = `usage: npm run knowledge:export [path]
  Writes the approved community facts as pack YAML to path ("-" for stdout; default
  <KNOWLEDGE_DIR>/facts/community.yaml), from the store the bot uses.`;

async function main(): Promise<void> {
  const [path] = readArgs('knowledge:export', USAGE, {}, true).positionals;
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.problems.join('\n')}\n`);
      process.exit(1);
    }
    throw e;
  }
  const target = path ?? join(config.knowledgeDir, 'facts', 'community.yaml');
  // Exporting must not delete records: retention is the bot's job.
  const store = await openStore({ ...config.store, retentionDays: 0 });
  try {
    const yaml = await exportApproved(store);
    const count = (yaml.match(/^ {2}- id: /gm) ?? []).length;
    if (target === '-') {
      process.stdout.write(yaml);
    } else {
      mkdirSync(dirname(resolve(target)), { recursive: true });
      writeFileSync(target, yaml);
      process.stderr.write(
        `knowledge:export: wrote ${count} approved fact(s) to ${target}${yaml.includes('\n# These facts cite documents') ? ' (some wait for their documents; see the end of the file)' : ''}.\n`,
      );
    }
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`knowledge:export: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

/**
 * `npm run discord:deploy`: registers the bot's commands (see register.ts) with the
 * settings from the environment or .env. Prints one line on success; problems go to
 * stderr with exit code 1.
 */
import 'dotenv/config';
import { loadEngineOrExit, readArgs } from '../../src/entry-point.js';
import { type Config, ConfigError, loadConfig } from '../../src/config.js';
import { registerCommands } from './register.js';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

const USAGE = `usage: npm run discord:deploy
  Registers the bot's commands with Discord: globally, or in DISCORD_GUILD_ID while developing.
  Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (environment or .env). Run it again when the
  commands or the pack's documents change.`;

async function deploy(): Promise<void> {
  readArgs('discord:deploy', USAGE, {});
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.problems);
    throw e;
  }
  if (!config.discord) fail(['discord:deploy needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).']);

  // The /sources choices come from the knowledge pack.
  const engine = loadEngineOrExit(config.knowledgeDir);
  process.stdout.write(`${await registerCommands(config.discord, engine)}\n`);
}

deploy().catch((e: unknown) => fail([`discord:deploy failed: ${e instanceof Error ? e.message : String(e)}`]));

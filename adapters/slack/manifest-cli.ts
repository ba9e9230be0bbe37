/**
 * `npm run slack:manifest`: prints the Slack app manifest for this bot and its knowledge pack
 * (see manifest.ts), to paste at api.slack.com/apps → Create New App → From a manifest.
 * Command names follow SLACK_<NAME>_COMMAND from the environment or .env.
 *
 *   npm run -s slack:manifest > manifest.yaml                          # Socket Mode
 *   npm run -s slack:manifest -- --http https://bot.example.org        # HTTP mode
 */
import 'dotenv/config';
import { stringify } from 'yaml';
import { loadEngineOrExit, readArgs } from '../../src/entry-point.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { slackCommandNames } from '../pipeline/command.js';
import { loadRegistry } from '../pipeline/registry.js';
import { packWords } from '../pipeline/words.js';
import { slackCommandName } from './deps.js';
import { SCOPES, slackManifest } from './manifest.js';

const USAGE = `usage: npm run -s slack:manifest [-- --http <public base URL>] [--knowledge <dir>]
  Prints the Slack app manifest: Socket Mode, or HTTP mode with --http (Slack then posts to <URL>/slack/events).`;

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = readArgs('slack:manifest', USAGE, { http: { type: 'string' }, knowledge: { type: 'string' } }).values;
  const registry = await loadRegistry();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, { slackCommands: slackCommandNames(registry) });
  } catch (e) {
    if (e instanceof ConfigError) fail(e.problems);
    throw e;
  }
  const dir = args.knowledge ?? config.knowledgeDir;
  const engine = loadEngineOrExit(dir);
  const names = slackCommandName({ commands: config.slack?.commands ?? config.slackCommands });
  const manifest = slackManifest(registry, packWords(engine), names, { httpUrl: args.http });
  const header = [
    'Slack app manifest for crosscheck, made by `npm run slack:manifest` from the bot’s commands and its',
    `knowledge pack (${dir}). ${args.http ? 'HTTP mode.' : 'Socket Mode: no public URL is needed.'}`,
    'Scopes:',
    ...Object.entries(SCOPES).map(([scope, why]) => `  ${scope}: ${why}`),
  ];
  process.stdout.write(`${header.map((l) => `# ${l}`).join('\n')}\n${stringify(manifest, { lineWidth: 0 })}`);
}

main().catch((e: unknown) => fail([`slack:manifest: ${e instanceof Error ? e.message : String(e)}`]));

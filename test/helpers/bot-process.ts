/**
 * The whole bot (adapters/main.ts under tsx) as a process of its own, in Slack HTTP mode
 * against the Slack stand-in, as an operator would run it: configured by the environment only.
 *
 *   const bot = await startBotProcess(api, { DATABASE_URL: url });
 *   await postSigned(bot.url, body, FORM);
 *   await bot.stop();
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SIGNING_SECRET } from '../adapters/slack/signed.js';
import type { SlackStandIn } from '../adapters/slack/stand-ins.js';
import { cleanEnv } from './run.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A free port on 127.0.0.1, found by letting the OS choose one. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface BotProcess {
  /** Where Bolt takes signed requests. */
  url: string;
  /** The log lines (JSON) the process wrote so far. */
  logs(): { level: number; msg: string }[];
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the bot with these settings over the Slack ones, and waits for its "ready" line. */
export async function startBotProcess(
  api: SlackStandIn,
  env: Record<string, string>,
  spawnOptions: Pick<SpawnOptions, 'uid' | 'gid'> = {},
): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    cwd: ROOT,
    ...spawnOptions,
    env: cleanEnv({
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-stand-in-bot-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      SLACK_PORT: String(port),
      SLACK_MODERATORS: 'UMOD',
      // No .env of the worktree may point the bot elsewhere.
      DOTENV_CONFIG_PATH: '/nonexistent/.env',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${out}${err}`)), 30_000);
    void exited.then((code) => reject(new Error(`the bot exited with ${code}:\n${out}${err}`)));
    const check = () => {
      if (!/ready in \d+ ms/.test(out)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', check);
  });
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string }),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

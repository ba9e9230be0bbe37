/** Starts the real bot (startDiscord) against a fresh stand-in, with its logs captured. */
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { startDiscord, type RunningDiscord } from '../../../adapters/discord/index.js';
import { Engine } from '../../../src/core/engine.js';
import { loadPack } from '../../../src/knowledge/load.js';
import { createLogger } from '../../../src/log.js';
import type { Moderation } from '../../../src/moderation/index.js';
import { DiscordStandIn, type StandInOptions } from './stand-in.js';
import { guildFixture, MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS, snowflake, user, type Actor } from './payloads.js';

export const KNOWLEDGE = join(import.meta.dirname, '..', '..', '..', 'knowledge');

/** Text that makes FailingEngine throw, to exercise the failure path through the real client. */
export const EXPLODE = 'explode-on-purpose';

/** The real engine, except that a question or claim containing EXPLODE throws. */
export class FailingEngine extends Engine {
  override ask(question: string) {
    if (question.includes(EXPLODE)) throw new Error('engine failed on purpose');
    return super.ask(question);
  }
  override checkMessage(text: string, max?: number) {
    if (text.includes(EXPLODE)) throw new Error('engine failed on purpose');
    return super.checkMessage(text, max);
  }
}

export function loadEngine(): FailingEngine {
  return new FailingEngine(loadPack(KNOWLEDGE));
}

export interface LogLine {
  level: number;
  msg?: string;
  interaction?: string;
  err?: { message: string };
  [key: string]: unknown;
}

export function capturedLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ stream, level: 'debug' }), lines };
}

export const member = (): Actor => ({ user: user(snowflake(), 'member'), permissions: MEMBER_PERMISSIONS });
export const moderator = (): Actor => ({ user: user(snowflake(), 'moderator'), permissions: MODERATOR_PERMISSIONS });

export interface RunningBot {
  discord: DiscordStandIn;
  bot: RunningDiscord;
  logs: LogLine[];
  stop(): Promise<void>;
}

export async function startBot(options: {
  engine: Engine;
  cooldownSeconds?: number;
  shards?: 'auto' | number;
  standIn?: StandInOptions;
  moderation?: Moderation;
}): Promise<RunningBot> {
  const discord = await DiscordStandIn.start({ guilds: [guildFixture()], ...options.standIn });
  const { logger, lines } = capturedLogger();
  try {
    const bot = await startDiscord({
      config: discord.config(options.shards),
      cooldownSeconds: options.cooldownSeconds ?? 0,
      engine: options.engine,
      logger,
      moderation: options.moderation,
    });
    return {
      discord,
      bot,
      logs: lines,
      async stop() {
        await bot.stop();
        await discord.close();
      },
    };
  } catch (e) {
    await discord.close();
    throw e;
  }
}

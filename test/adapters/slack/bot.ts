/** Starts the real Slack adapter (Bolt and all) against the stand-ins, with its logs captured. */
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { startSlack, type RunningSlack } from '../../../adapters/slack/index.js';
import type { SlackConfig } from '../../../adapters/slack/deps.js';
import { MAX_BLOCKS, MAX_TEXT } from '../../../adapters/slack/render.js';
import { Engine } from '../../../src/core/engine.js';
import { createLogger } from '../../../src/log.js';
import type { Moderation } from '../../../src/moderation/index.js';
import { SIGNING_SECRET } from './signed.js';
import type { SlackStandIn } from './stand-ins.js';

let engine: Engine | undefined;
/** The real knowledge pack, loaded once per test file. */
export const knowledge = () => (engine ??= Engine.fromDir('knowledge'));

export type LogEntry = Record<string, unknown> & { level: number; msg?: string };

export class LogSink extends Writable {
  readonly entries: LogEntry[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of String(chunk).split('\n')) if (line.trim()) this.entries.push(JSON.parse(line) as LogEntry);
    done();
  }
  /** pino levels: 40 warn, 50 error. */
  atLeast(level: number): LogEntry[] {
    return this.entries.filter((e) => e.level >= level);
  }
}

export interface TestBot {
  slack: RunningSlack;
  /** Bolt's default request path in HTTP mode. */
  url: string;
  logs: LogSink;
}

export interface BotOptions {
  config?: Partial<SlackConfig>;
  cooldownSeconds?: number;
  engine?: Engine;
  moderation?: Moderation;
  /** The adapter's deadline per Web API call or response_url post (default 10 s). */
  httpTimeoutMs?: number;
}

export async function startBot(api: SlackStandIn, options: BotOptions = {}): Promise<TestBot> {
  const logs = new LogSink();
  const config: SlackConfig = {
    botToken: 'xoxb-stand-in-bot-token',
    appToken: undefined,
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: api.apiUrl,
    privateByDefault: false,
    moderators: ['UMOD'],
    commands: { ask: '/ask', check: '/check', sources: '/sources', crosscheck: '/crosscheck' },
    ...options.config,
  };
  const slack = await startSlack({
    config,
    cooldownSeconds: options.cooldownSeconds ?? 0,
    engine: options.engine ?? knowledge(),
    logger: createLogger({ level: 'debug', stream: logs }),
    moderation: options.moderation,
    httpTimeoutMs: options.httpTimeoutMs,
  });
  return { slack, url: `http://127.0.0.1:${slack.port}/slack/events`, logs };
}

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  /** Texts of a context block; buttons (action_id, text.text) of an actions block. */
  elements?: { text: string; action_id?: string }[];
}

/** Every string anywhere in a payload. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Slack markup that would ping, link or broadcast: <!channel>, <!here>, <@U…>, <#C…>, <http…>. */
const LIVE_MARKUP = /<[!@#]|<(https?|mailto):/i;

export function expectNoLiveMentions(payload: unknown): void {
  const live = strings(payload).filter((s) => LIVE_MARKUP.test(s));
  expect(live).toEqual([]);
  expect(JSON.stringify(payload)).not.toMatch(/"(link_names|parse)"/);
}

/** A message as Slack would accept it: blocks within count, each text within the limit and not empty. */
export function expectWithinSlackLimits(message: { text?: unknown; blocks?: unknown }): void {
  expect(typeof message.text).toBe('string');
  expect((message.text as string).length).toBeGreaterThan(0);
  const blocks = message.blocks as Block[];
  expect(Array.isArray(blocks)).toBe(true);
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const b of blocks) {
    // A button's label is plain text in an object; its limit is 75 characters.
    const texts =
      b.type === 'actions'
        ? (b.elements ?? []).map((e) => (e.text as unknown as { text: string }).text)
        : [b.text?.text, ...(b.elements ?? []).map((e) => e.text)];
    if (b.type === 'actions') expect(texts.every((t) => t!.length <= 75)).toBe(true);
    for (const t of texts.filter((x) => x !== undefined)) {
      expect(t.length).toBeGreaterThan(0);
      expect(t.length).toBeLessThanOrEqual(MAX_TEXT);
    }
  }
}

export const blocksOf = (message: { blocks?: unknown }) => message.blocks as Block[];
export const citationBlocks = (message: { blocks?: unknown }) =>
  blocksOf(message).filter((b) => b.type === 'context' && /^\*\[\d+\]\*/.test(b.elements?.[0]?.text ?? ''));

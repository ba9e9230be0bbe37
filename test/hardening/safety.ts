/**
 * What every reply must satisfy whatever the input, on every platform: shared by the
 * property tests and the hostile-input corpus. The platform checks reuse the adapter
 * tests' own assertions (limits, live mentions); this adds the slur check, well-formed
 * text and a clean terminal.
 */
import { expect } from 'vitest';
import { renderConsole } from '../../adapters/console/render.js';
import type { DiscordReplyPayload } from '../../adapters/discord/payload.js';
import { renderDiscord } from '../../adapters/discord/render.js';
import type { MessageReply as Reply } from '../../adapters/pipeline/reply.js';
import { renderSlack, type SlackMessage } from '../../adapters/slack/render.js';
import type { Engine } from '../../src/core/engine.js';
import { wordMatcher } from '../../src/knowledge/text.js';
import { expectWithinLimits, RAW_MENTION } from '../adapters/discord/expectations.js';
import { expectNoLiveMentions, expectWithinSlackLimits, strings } from '../adapters/slack/bot.js';

/** The pack's denylist as the engine matches it: whole words, any case. */
export function denylistMatcher(engine: Engine): RegExp {
  const m = wordMatcher(engine.pack.meta.denylist, 'iu');
  if (!m) throw new Error('the pack has no denylist to test against');
  return m;
}

/** Discord text as a reader sees it: escape backslashes and the zero-width breaks gone. */
export const shownOnDiscord = (text: string) => text.replace(/\\(.)/gsu, '$1').replace(/\u200b/g, '');
/** Slack mrkdwn as a reader sees it: entities decoded, word joiners gone. */
export const shownOnSlack = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u2060/g, '');

/** A lone surrogate: text that is not valid Unicode, which platforms reject or mangle. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control characters a terminal could act on (C0 but newline, DEL, C1). */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
/** Discord's masked link `[label](url)` needs "](" together; escaping breaks the pair. */
const MASKED_LINK = /\]\(/;

/** No denylisted term in any text of `output`, as sent or (with `shown`) as displayed. */
export function expectNoDenylisted(output: unknown, denied: RegExp, shown: (text: string) => string = (t) => t): void {
  const hits = strings(output).filter((s) => denied.test(s) || denied.test(shown(s)));
  expect(hits, 'a denylisted term appears in the output').toEqual([]);
}

export function expectWellFormed(output: unknown): void {
  expect(
    strings(output).filter((s) => LONE_SURROGATE.test(s)),
    'text with a lone surrogate',
  ).toEqual([]);
}

export function expectDiscordSafe(payload: DiscordReplyPayload): void {
  expectWithinLimits(payload);
  const texts = strings([payload.content ?? '', payload.embeds]);
  expect(
    texts.filter((s) => RAW_MENTION.test(s)),
    'a live Discord mention',
  ).toEqual([]);
  expect(
    texts.filter((s) => MASKED_LINK.test(s)),
    'a live masked link',
  ).toEqual([]);
}

export function expectSlackSafe(message: SlackMessage): void {
  expectWithinSlackLimits(message);
  expectNoLiveMentions(message);
}

/** Without colour, no control character at all; with colour, only the renderer's own SGR codes. */
export function expectConsoleSafe(text: string, color: boolean): void {
  const rest = color ? text.replace(/\x1b\[\d+m/g, '') : text;
  expect(CONTROL.test(rest), `a control character in console output: ${JSON.stringify(rest.match(CONTROL)?.[0])}`).toBe(
    false,
  );
}

export interface Rendered {
  discord: DiscordReplyPayload;
  slack: SlackMessage;
  console: string;
}

export interface SafetyOptions {
  /** Also check that no denylisted term shows (for replies the engine built from user text). */
  denied?: RegExp;
  /**
   * Also check the terminal output is free of control characters. The console renderer
   * prints what the core hands it, so this holds for the engine's replies (whose echoes
   * safeEcho cleans), not for arbitrary models.
   */
  cleanTerminal?: boolean;
}

/** Renders a reply for Discord (public and ephemeral), Slack and the terminal (plain and coloured), checking each is safe. */
export function expectSafeEverywhere(reply: Reply, options: SafetyOptions = {}): Rendered {
  const discord = renderDiscord(reply);
  const ephemeral = renderDiscord(reply, { ephemeral: true });
  const slack = renderSlack(reply);
  const plain = renderConsole(reply, { color: false });
  const colored = renderConsole(reply, { color: true });
  expectDiscordSafe(discord);
  expectDiscordSafe(ephemeral);
  expectSlackSafe(slack);
  if (options.cleanTerminal) {
    expectConsoleSafe(plain, false);
    expectConsoleSafe(colored, true);
  }
  expectWellFormed([discord, slack, plain]);
  if (options.denied) {
    expectNoDenylisted(discord, options.denied, shownOnDiscord);
    expectNoDenylisted(slack, options.denied, shownOnSlack);
    expectNoDenylisted(plain, options.denied);
  }
  return { discord, slack, console: plain };
}

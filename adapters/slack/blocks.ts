/**
 * Block Kit as this bot uses it: the block types, Slack's limits, and escaping. Shared by
 * the answer renderer (render.ts) and the moderators' payloads (components-render.ts).
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import { cutEnd } from '../shared/cut.js';

/** Slack's limits: blocks per message, and characters per section or context text. */
export const MAX_BLOCKS = 50;
export const MAX_TEXT = 3000;

/** mrkdwn with `verbatim`, so Slack does not auto-link names or parse mentions in it. */
export type SlackText = MrkdwnElement & { verbatim: true };

/** The blocks this bot sends, as @slack/types has them, narrowed to verbatim mrkdwn text. */
export type SlackSection = Omit<SectionBlock, 'text'> & { text: SlackText };
export type SlackContext = Omit<ContextBlock, 'elements'> & { elements: SlackText[] };
export type SlackBlock = SlackSection | SlackContext | DividerBlock | ActionsBlock;
export type SlackButton = Button;
export type PlainText = PlainTextElement;

export interface SlackMessage {
  /** Plain fallback for notifications and clients without Block Kit. */
  text: string;
  blocks: SlackBlock[];
}

/**
 * Escapes Slack's control characters, so `<!channel>`, `<@U…>` or `<http://…|…>` in user
 * text shows as typed instead of pinging or linking. Broadcast words get a word joiner
 * after the @ as well, in case a client ever parses them without angle brackets.
 */
export function escapeSlack(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u2060$1');
}

/** Cuts an escaped text to `max` characters without splitting an entity such as `&amp;`, a character or a word (see cutEnd). */
export function clampText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  return `${cutEnd(text, max - 1).replace(/&[a-z]{0,4}$/, '')}…`;
}

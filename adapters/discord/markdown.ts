/**
 * Text the bot shows on Discord: escaped so that nothing a user typed (or a source quoted)
 * formats, hides, links or mentions. `allowed_mentions: { parse: [] }` already stops pings;
 * breaking the mention syntax as well means nobody even sees a highlighted @everyone.
 *
 *   escapeDiscord('**wow** @everyone <@&123>')  // '\*\*wow\*\* @\u200beveryone <@\u200b&123\>'
 */
import { cutEnd } from '../shared/cut.js';

const ZWSP = '\u200b';

export function escapeDiscord(text: string): string {
  return defuseMentions(
    text
      // Inline markdown: bold, italics, underline, strike, code, spoilers, quotes.
      .replace(/[\\*_~`|>]/g, '\\$&')
      // Masked links need "](", so breaking that pair is enough and keeps [n] markers readable.
      .replace(/\]\(/g, ']\\(')
      // Block syntax only counts at the start of a line: headings, -# subtext, lists.
      .replace(/^(\s*)(#|-|\+|\d+\.)/gm, '$1\\$2'),
  );
}

/** Mentions: @everyone, @here, <@id>, <@!id>, <@&role>; channel <#id> and command </x:id>. Also for code blocks, where markdown is not parsed. */
export function defuseMentions(text: string): string {
  return text.replace(/@/g, `@${ZWSP}`).replace(/<([#/])/g, `<$1${ZWSP}`);
}

/**
 * Shortens already-escaped text to `max` characters with an ellipsis, without leaving a
 * dangling escape backslash, half a surrogate pair or a word fragment (see cutEnd).
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = cutEnd(text, max - 1);
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

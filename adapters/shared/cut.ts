/**
 * Where a shortened text may end. Never inside a surrogate pair (half a character is not
 * text), and not after a short fragment of a word, which reads as a word of its own: a long
 * question about Pakistan cut to "… Paki…" would have the bot say a slur it was never given.
 *
 *   cutEnd('when did Pakistan', 13)  // 'when did '
 */

/** Longer fragments are kept: no word that long can pass for another word. */
const MAX_FRAGMENT = 24;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** At most `n` UTF-16 units from the start of `text`, ending at a safe place. */
export function cutEnd(text: string, n: number): string {
  if (text.length <= n) return text;
  let cut = text.slice(0, Math.max(0, n));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const next = String.fromCodePoint(text.codePointAt(cut.length) ?? 32);
  const fragment = /[\p{L}\p{N}\p{M}]+$/u.exec(cut)?.[0] ?? '';
  if (WORD_CHAR.test(next) && fragment.length > 0 && fragment.length <= MAX_FRAGMENT)
    cut = cut.slice(0, -fragment.length);
  return cut;
}

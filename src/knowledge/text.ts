/** Text normalisation shared by the validator and the engine. */

const QUOTES: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
};

/**
 * Normalises only what a copy-paste changes: whitespace, curly versus straight quotes,
 * and dashes. A quote is verbatim when its normal form stands in its document's normal form.
 */
export function normalizeForQuote(text: string): string {
  return text
    .replace(/[‘’‚′“”„″]/g, (c) => QUOTES[c] ?? c)
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, case-insensitive matcher for any of the given terms (null when none). */
export function wordMatcher(terms: readonly string[], flags = 'iu'): RegExp | null {
  if (terms.length === 0) return null;
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);
}

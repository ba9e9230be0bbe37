/**
 * Abbreviations the sources define themselves: "the Narmada Bachao Andolan (NBA)", "the
 * Shanghai Cooperation Organisation (SCO)". Each becomes an alias, so a question that says
 * "NBA" finds a sentence that spells the name out, in any pack, with no aliases.yaml.
 *
 *   definedAbbreviations(['Narmada Bachao Andolan (NBA) filed a case.']);   // [['narmada bachao andolan', 'nba']]
 */

/** A run of capitalised words (with "of", "and", "the", "for" between them) and an upper-case abbreviation in brackets. */
const DEFINED = /((?:\p{Lu}[\p{L}'’-]*\s+(?:(?:of|and|for|the|de|&)\s+)*){1,7}\p{Lu}[\p{L}'’-]*)\s*\((\p{Lu}{2,6})\)/gu;

/** The name's words that the abbreviation's letters stand for: its initials, with small words optional. */
function standsFor(name: string, abbreviation: string): string | null {
  const words = name.split(/\s+/);
  // The shortest tail of the name whose initials (small words skipped or kept) spell the abbreviation.
  for (let from = words.length - 1; from >= 0; from--) {
    const tail = words.slice(from);
    const all = tail.map((w) => w[0]!.toUpperCase()).join('');
    const capitals = tail
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0]!)
      .join('');
    if (all === abbreviation || capitals === abbreviation) return tail.join(' ');
  }
  return null;
}

/** Each abbreviation defined in the texts, with the name it stands for, lower case: [name, abbreviation]. */
export function definedAbbreviations(texts: Iterable<string>): string[][] {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const m of text.matchAll(DEFINED)) {
      const name = standsFor(m[1]!.trim(), m[2]!);
      if (name) found.set(`${name.toLowerCase()}|${m[2]!.toLowerCase()}`, name);
    }
  }
  return [...found.keys()].map((key) => key.split('|'));
}

/**
 * Abbreviations the sources define themselves: "the Narmada Bachao Andolan (NBA)", "the
 * Shanghai Cooperation Organisation (SCO)". Each becomes an alias, so a question that says
 * "NBA" finds a sentence that spells the name out, in any pack, with no aliases.yaml. And the
 * initials of the names they write out without defining any ("George Washington University"
 * for a question's "gwu"), where only one name has them.
 *
 *   definedAbbreviations(['Narmada Bachao Andolan (NBA) filed a case.']);   // [['narmada bachao andolan', 'nba']]
 *   initials(['A George Washington University study.']).get('gwu');          // 'george washington university'
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

/** Runs of two to seven capitalised words, with small words between them: names as the sources write them. */
const NAME_RUN = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|and|for|the|de|&)\s+)*\p{Lu}[\p{L}'’-]*){1,6}/gu;

/** Initials (lower case) → the one name (lower case) that has them; initials two names share are left out. */
export function initials(texts: Iterable<string>): Map<string, string> {
  const names = new Map<string, Set<string>>();
  const add = (key: string, name: string) => {
    const list = names.get(key) ?? new Set<string>();
    list.add(name);
    names.set(key, list);
  };
  for (const text of texts) {
    for (const m of text.matchAll(NAME_RUN)) {
      const words = m[0].split(/\s+/);
      // Any tail that starts with a capital: a run may open the sentence ("The New York Times") or
      // join two names ("Gazprom and Pakistan's Oil and Gas Development Company": "ogdc").
      for (let from = 0; from < words.length - 1; from++) {
        const name = words.slice(from);
        const capitals = name.filter((w) => /^\p{Lu}/u.test(w));
        if (!/^\p{Lu}/u.test(name[0]!) || capitals.length < 2) continue;
        const written = name
          .join(' ')
          .toLowerCase()
          .replace(/['’]s$/, '');
        add(capitals.map((w) => w[0]!.toLowerCase()).join(''), written);
        // Small words may have their letter too: "Memorandum of Understanding" is "mou".
        const all = name.filter((w) => w !== '&').map((w) => w[0]!.toLowerCase());
        if (all.length > capitals.length) add(all.join(''), written);
      }
    }
  }
  return new Map([...names].filter(([, list]) => list.size === 1).map(([key, list]) => [key, [...list][0]!]));
}

/**
 * The text with each word that `known` rejects written out as the one name its initials stand
 * for. Only words of three to six letters standing alone: "su" in "su-35" or "su 35" is part
 * of a name, and two letters are as often chat ("rn") as initials. `names` is called only
 * when a word needs it, so a pack's names are read on the first question that has one.
 */
export function spellOut(
  text: string,
  known: (word: string) => boolean,
  names: () => ReadonlyMap<string, string>,
): string {
  return text.replace(/(?<![\p{L}\p{N}-])[A-Za-z]{3,6}(?![\p{L}\p{N}-]|\s+\d)/gu, (word) => {
    const lower = word.toLowerCase();
    return known(lower) ? word : (names().get(lower) ?? word);
  });
}

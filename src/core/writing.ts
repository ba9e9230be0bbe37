/**
 * Questions that ask what a kind of writing says: "according to the overview", "what does the
 * forum say", "in the 2019 article". The kind names where the answer is said, not what it is
 * about, so no fact need have the word; the facts of documents of that kind answer first.
 *
 *   const asked = sourceWriting('what does the overview say about trade', writingWords(['overview']));
 *   // { text: 'what does the say about trade', kind: 'overview' }
 */

/** "according to the overview", "in the 2019 article", "from Korybko's analysis". */
const AFTER = /\b(?:according to|in|per|from|by) (?:the |this |that |a |an |one )?(?:(?:\d{4}|[a-z]+'s?) )?([a-z]+)\b/g;
/** "the overview says", "what does the forum think", "the 2019 article argues". */
const BEFORE =
  /\b(?:the|this|that) (?:\d{4} )?([a-z]+) (?=(?:says?|said|claims?|claimed|argues?|argued|thinks?|describes?|described|puts?|sums?|calls?|called|reports?|reported|notes?|noted|mentions?|suggests?|suggested)\b)/g;

/**
 * The question without the word naming the kind of writing it asks of, and that kind; the
 * question as it is when it names none of `kinds` (the kinds of the pack's documents, one
 * word each: "forum" for a forum thread).
 */
export function sourceWriting(text: string, kinds: ReadonlyMap<string, string>): { text: string; kind?: string } {
  const lower = text.toLowerCase();
  for (const pattern of [AFTER, BEFORE])
    for (const m of lower.matchAll(pattern)) {
      const kind = kinds.get(m[1]!.replace(/s$/, '')) ?? kinds.get(m[1]!);
      if (!kind) continue;
      const at = m.index + m[0].lastIndexOf(m[1]!);
      return { text: `${text.slice(0, at)}${text.slice(at + m[1]!.length)}`.replace(/\s+/g, ' ').trim(), kind };
    }
  return { text };
}

/** The words that name each kind of the pack's documents ("forum thread" → "forum", "thread"), to the kind. */
export function writingWords(kinds: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of kinds) for (const w of kind.split(' ')) out.set(w, kind);
  return out;
}

/** The hits from documents of the kind asked first, the others after; all as they were when none is asked. */
export function ofWriting<T>(hits: T[], kind: string | undefined, kindOf: (hit: T) => string | undefined): T[] {
  if (!kind) return hits;
  return [...hits.filter((h) => kindOf(h) === kind), ...hits.filter((h) => kindOf(h) !== kind)];
}

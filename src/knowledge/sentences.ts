/**
 * Sentence boundaries in a document's text, as character offsets. `Intl.Segmenter` (ICU's
 * rules) finds the candidates; it breaks at every line end, which keeps headings, list items
 * and forum metadata lines apart, and it knows decimals ("2.5") and a full stop before a
 * lower-case word. What ICU does not know is corrected here: it breaks after an abbreviation
 * or an initial followed by a capital ("Mr. ", "U.S. President", "J. R. Smith"), inside an
 * open quotation or bracket, and before a line that only continues the previous one.
 *
 *   sentenceSpans('He met Mr. Smith. Then he left.');   // [{ start: 0, end: 17 }, { start: 18, end: 31 }]
 */

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** A line at least this long that stops mid-sentence was wrapped; a shorter one is a line of its own. */
const WRAPPED_LINE = 30;

/**
 * Titles before a name: a full stop after them never ends a sentence. Each with the word it
 * stands for where the index reads it as that word too ("Gov. Rick Scott" is a governor; see
 * analyzer.ts), or '' where the title is read as it is.
 */
export const TITLE_WORDS: Readonly<Record<string, string>> = {
  mr: '',
  mrs: '',
  ms: '',
  messrs: '',
  dr: 'doctor',
  prof: 'professor',
  st: '',
  gen: 'general',
  col: 'colonel',
  lt: 'lieutenant',
  maj: 'major',
  capt: 'captain',
  cmdr: 'commander',
  adm: 'admiral',
  sgt: 'sergeant',
  brig: 'brigadier',
  gov: 'governor',
  sen: 'senator',
  rep: 'representative',
  rev: '',
  hon: '',
  pres: 'president',
  amb: 'ambassador',
  fr: '',
  mt: '',
  ft: '',
};
const TITLES = new Set(Object.keys(TITLE_WORDS));
/** Abbreviations that stand inside a sentence ("e.g.", "vs."). */
const INSIDE = new Set('e.g i.e cf vs viz approx ca incl esp fig figs vol pp ch sec art est'.split(' '));
/** Abbreviations that end a sentence only when the next word starts one ("Apple Inc. The…"). */
const ENDINGS = new Set('inc ltd co corp bros jr sr dept univ'.split(' '));
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
/** Capitalised words that begin sentences: after "U.S." or "Inc." one of these starts a new sentence. */
const STARTERS = new Set(
  (
    'the a an it its he she they we i you this that these those there here in on at for but and or so yet ' +
    'however meanwhile moreover after before when while if as since although though despite with by from to of ' +
    'some many most all both each such what why how who which where his her their our my your not no yes still ' +
    'also then now later earlier last next one two several other another'
  ).split(' '),
);

/** The sentences of `text` between `from` and `to`, trimmed of surrounding whitespace, in order. */
export function sentenceSpans(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  for (const { segment, index } of segmenter.segment(text.slice(from, to))) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (!body) continue;
    const start = from + index + lead;
    for (const span of gluedSentences(text, start, start + body.length)) {
      const last = spans.at(-1);
      if (last && falseBreak(text, last, span)) last.end = span.end;
      else spans.push(span);
    }
  }
  return spans;
}

/**
 * Text copied from web pages often loses the space after a full stop ("was completed.Narmada
 * Bachao Andolan took…"), and ICU then sees one sentence. A word of two or more lower-case
 * letters, a full stop and a capitalised word is two sentences; "U.S.A." and "ndtv.com" are not.
 */
function gluedSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  for (const m of text
    .slice(start, end)
    .matchAll(/(?<![\p{L}.])(?!www\.)\p{L}*\p{Ll}{2}[.!?]["”’)]?(?=\p{Lu}\p{Ll})/gu)) {
    const cut = start + m.index! + m[0].length;
    out.push({ start: from, end: cut });
    from = cut;
  }
  out.push({ start: from, end });
  return out;
}

/** True when ICU's break between `prev` and `next` is not a sentence boundary. */
function falseBreak(text: string, prev: Span, next: Span): boolean {
  const gap = text.slice(prev.end, next.start);
  const before = text.slice(prev.start, prev.end);
  const after = text.slice(next.start, next.end);
  const continues = /^\p{Ll}/u.test(after);
  if (gap.includes('\n')) {
    // A line break ends a sentence, unless a long line stopped mid-sentence (a wrapped line).
    const lastLine = before.slice(before.lastIndexOf('\n') + 1);
    return continues && lastLine.length >= WRAPPED_LINE && !/[.!?…:;"”')\]*_]$/.test(before);
  }
  return continues || afterAbbreviation(before, after) || openQuotation(before);
}

/** True if the full stop that ends `before` closes an abbreviation or an initial, not a sentence ("Rep. Ron", "U.S. President"). */
export function afterAbbreviation(before: string, after: string): boolean {
  const m = /(?:^|[\s(["“'‘])((?:\p{L}\.)*\p{L}+)\.$/u.exec(before);
  if (!m) return false;
  const word = m[1]!;
  const lower = word.toLowerCase();
  const nextWord = /^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? '';
  const startsSentence = STARTERS.has(nextWord.toLowerCase());
  if (TITLES.has(lower) || INSIDE.has(lower)) return true;
  if ((lower === 'no' || lower === 'nos' || MONTHS.has(lower)) && /^\d/.test(nextWord)) return true;
  // An initial: "J. R. R. Tolkien", "George W. Bush".
  if (/^\p{Lu}$/u.test(word)) return /^\p{Lu}/u.test(nextWord) && !startsSentence;
  // Dotted initialisms ("U.S.", "U.S.S.R.") and company suffixes usually go on: "U.S. President".
  if (word.includes('.') || ENDINGS.has(lower)) return !startsSentence;
  return false;
}

/** A quotation or bracket opened in `before` and not yet closed. */
function openQuotation(before: string): boolean {
  const count = (re: RegExp) => before.match(re)?.length ?? 0;
  if (before.length > 800) return false; // an unbalanced mark must not swallow a paragraph
  return count(/“/g) > count(/”/g) || count(/\(/g) > count(/\)/g) || count(/"/g) % 2 === 1;
}

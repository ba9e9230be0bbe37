/**
 * Passages: every sentence of every source document, citable as it stands. A passage is a
 * pair of character offsets into its document; its text is the slice between them, so its
 * quote is verbatim by construction. It carries what citing it needs: the forum post it
 * belongs to, its kind (report, opinion, forum claim) and whose words it is, all from
 * `documents.yaml`.
 *
 *   const passages = buildPassages(documents, { denylist: meta.denylist });
 *   new PassageFinder(passages, documents).find('four high-profile visits', '000_…');   // [Passage]
 *
 * A sentence that cannot stand alone ("He added…", "However, …") joins the one before it.
 * Not content, so never a passage: a heading, a fragment of under five words (a list's item
 * or a fact box's line that gives a figure, "Height: 122 metres", states something in three), page and
 * forum chrome and a page's footer (see boilerplate.ts), the document's own title, a
 * sentence with a denylisted term, and a sentence repeated verbatim in several documents (a
 * publisher's notice), except that one copy of a repeated sentence naming the document's
 * author (an author's bio) is kept: it is the only place that says who the author is. A
 * sentence repeated within one document (a forum reply quoting a post) is kept where it
 * first stands, with the one who first wrote it.
 */
import { isBoilerplate, startsFooter } from './boilerplate.js';
import { moduleVersion } from './cache.js';
import type { DocumentKind, FactKind, PostKind, SourceDocument } from './schema.js';
import { sentenceSpans, type Span } from './sentences.js';
import { normalizeForQuote, wordMatcher } from './text.js';

export type PassageKind = Exclude<FactKind, 'proposal'>;

export interface Passage {
  /** `<document>:<start>`: stable while the text before it is unchanged. */
  id: string;
  document: string;
  /** The forum post it belongs to; null outside forum threads. */
  post: number | null;
  /** Character offsets into the document's text: `text === documentText.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  kind: PassageKind;
  /** Whose words these are: the post's author, or the document's; null when unknown. */
  author: string | null;
}

/** What passages are made from: a document's entry in documents.yaml and its text. */
export type PassageDocument = Pick<SourceDocument, 'id' | 'title' | 'author' | 'kind' | 'posts'> & { text: string };

/** A passage of one document before the checks that look across documents; what the cache keeps. */
export interface Candidate extends Span {
  post: number | null;
}

const DOCUMENT_KINDS: Record<DocumentKind, PassageKind> = {
  analysis: 'report',
  article: 'report',
  overview: 'report',
  report: 'report',
  opinion: 'opinion',
  // A thread whose posts are not listed: every sentence is some member's claim.
  'forum thread': 'forum_claim',
};
const POST_KINDS: Record<PostKind, PassageKind> = {
  article: 'report',
  summary: 'report',
  opinion: 'opinion',
  claim: 'forum_claim',
  question: 'forum_claim',
};

/** Fewer words than this is a fragment, not a statement. */
const MIN_WORDS = 5;
/** Fewer words than this is a fragment even where it gives a figure: "Height: 122 metres" is a statement. */
const MIN_DATUM_WORDS = 3;
/** A line that gives a figure for a label: "Cost: Rs 22,000 crore", "ARS patients who died later: 19". */
const DATUM = /^[^:.!?]{2,80}:\s+[^:]*\d/;
/** Most words of an unmarked heading. */
const MAX_HEADING_WORDS = 10;
/** Post kinds whose text is a member's own words, where a short unpunctuated line is a claim, not a heading. */
const MEMBERS_WORDS = new Set<PostKind>(['opinion', 'claim', 'question']);
/** Most sentences one passage joins. */
const MAX_SENTENCES = 3;
/** Words and phrases that point back at the sentence before, so a sentence starting with one joins it. */
const DEPENDENT_START =
  /^(?:(?:he|she|it|they|them|his|her|its|their|this|that|these|those|such|however|but|and|also|moreover|furthermore|nonetheless|nevertheless|still|yet|thus|hence|therefore|consequently|accordingly|instead|meanwhile|otherwise|besides|indeed|likewise|similarly|so|then|thereafter|afterwards|later|additionally)\b|(?:in addition|as such|as a result|in turn|in return|on the other hand|for example|for instance|even so|despite this|after that|the latter|the former|at the same time)\b)/i;

/** A part of what the sentence before counted, early in the sentence: "More than 1,500 of those deaths…". */
const POINTS_BACK = /^(?:\S+\s+){0,4}of (?:those|these|them)\b/i;

/** All the passages of a pack's documents, in document order. */
export function buildPassages(
  documents: Iterable<PassageDocument>,
  options: { denylist?: readonly string[]; candidates?: (doc: PassageDocument) => Candidate[] } = {},
): Passage[] {
  const candidatesOf = options.candidates ?? documentCandidates;
  const denied = wordMatcher(options.denylist ?? []);
  const drafts: { passage: Passage; key: string; bio: boolean }[] = [];
  for (const doc of documents) {
    for (const c of candidatesOf(doc)) {
      const text = doc.text.slice(c.start, c.end);
      const plain = plainText(text);
      if (denied?.test(plain) || denied?.test(text)) continue;
      const post = c.post === null ? undefined : doc.posts?.find((p) => p.n === c.post);
      const passage: Passage = {
        id: `${doc.id}:${c.start}`,
        document: doc.id,
        post: c.post,
        start: c.start,
        end: c.end,
        text,
        ...voiceOf(doc, post),
      };
      drafts.push({
        passage,
        key: normalizeForQuote(plain).toLowerCase(),
        bio: names(plain, [doc.author, post?.author]),
      });
    }
  }
  // Where each sentence occurs: a repeat across documents is a notice, not content.
  const documentsOf = new Map<string, Set<string>>();
  for (const d of drafts) {
    const set = documentsOf.get(d.key) ?? new Set<string>();
    set.add(d.passage.document);
    documentsOf.set(d.key, set);
  }
  const seen = new Set<string>();
  const passages: Passage[] = [];
  for (const d of drafts) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    if (documentsOf.get(d.key)!.size > 1 && !d.bio) continue;
    passages.push(d.passage);
  }
  return passages;
}

/** A passage's kind and whose words it is: its post's, or its document's. */
function voiceOf(
  doc: Pick<PassageDocument, 'kind' | 'author'>,
  post: NonNullable<PassageDocument['posts']>[number] | undefined,
): Pick<Passage, 'kind' | 'author'> {
  return post
    ? { kind: POST_KINDS[post.kind], author: post.author }
    : { kind: DOCUMENT_KINDS[doc.kind], author: doc.author };
}

/**
 * A passage read back from its offsets (a saved index): its id and text are made when read,
 * and the object itself only when a passage is asked for (see PassageTable).
 */
class PassageAt implements Passage {
  constructor(
    private readonly doc: PassageDocument,
    readonly start: number,
    readonly end: number,
    readonly post: number | null,
  ) {}

  get kind(): PassageKind {
    return this.voice.kind;
  }

  get author(): string | null {
    return this.voice.author;
  }

  private get voice(): Pick<Passage, 'kind' | 'author'> {
    return voiceOf(this.doc, this.post === null ? undefined : this.doc.posts?.find((p) => p.n === this.post));
  }

  get id(): string {
    return `${this.doc.id}:${this.start}`;
  }

  get document(): string {
    return this.doc.id;
  }

  get text(): string {
    return this.doc.text.slice(this.start, this.end);
  }
}

/**
 * A pack's passages by position: what the index and its lazy facts read. A document's
 * passages stand together, in order. Read back from a saved index it is four typed arrays,
 * and a passage object is made only when one is asked for: a million passages are then not
 * a million objects to make and keep at every start.
 *
 *   const table = PassageTable.of(pack.passages);
 *   table.at(table.range('doc1')![0]).text;   // the first passage of doc1
 */
export abstract class PassageTable {
  abstract readonly length: number;
  /** The i-th passage (0 ≤ i < length). */
  abstract at(i: number): Passage;
  /** The i-th passage's start, without making it. */
  abstract start(i: number): number;
  /** Where a document's passages stand, [first, end), or undefined when it has none. */
  abstract range(document: string): readonly [number, number] | undefined;

  /** A table over passages made in memory; they must stand together by document, or this throws. */
  static of(passages: readonly Passage[]): PassageTable {
    return new ListTable(passages);
  }

  /**
   * A table over offsets read back (a saved index): the passages of `docs[d]` are positions
   * `first[d]` to `first[d + 1]`, passage i from `start[i]` to `end[i]`, in post `post[i]` (-1
   * outside a forum post). The caller has checked the arrays: `first` rising from 0 to the
   * passages' count, and each document's starts rising.
   */
  static saved(
    docs: readonly PassageDocument[],
    arrays: { first: Int32Array; start: Int32Array; end: Int32Array; post: Int32Array },
  ): PassageTable {
    return new SavedTable(docs, arrays);
  }

  /** Every passage, made now. */
  toArray(): Passage[] {
    const out: Passage[] = new Array(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }
}

/** Each document's range of positions, from the document of each position in turn. */
function rangesOf(length: number, documentAt: (i: number) => string): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  let last: [number, number] | undefined;
  let lastDocument: string | undefined;
  for (let i = 0; i < length; i++) {
    const document = documentAt(i);
    if (document === lastDocument) {
      last![1] = i + 1;
      continue;
    }
    if (ranges.has(document)) throw new Error(`the passages of "${document}" are not together`);
    last = [i, i + 1];
    lastDocument = document;
    ranges.set(document, last);
  }
  return ranges;
}

class ListTable extends PassageTable {
  private readonly ranges: Map<string, [number, number]>;

  constructor(private readonly passages: readonly Passage[]) {
    super();
    this.ranges = rangesOf(passages.length, (i) => passages[i]!.document);
  }

  get length(): number {
    return this.passages.length;
  }

  at(i: number): Passage {
    return this.passages[i]!;
  }

  start(i: number): number {
    return this.passages[i]!.start;
  }

  range(document: string): readonly [number, number] | undefined {
    return this.ranges.get(document);
  }

  override toArray(): Passage[] {
    return [...this.passages];
  }
}

class SavedTable extends PassageTable {
  /** Each document's position in `docs`, by id: made on first use. */
  private numbers: Map<string, number> | undefined;

  constructor(
    private readonly docs: readonly PassageDocument[],
    private readonly arrays: { first: Int32Array; start: Int32Array; end: Int32Array; post: Int32Array },
  ) {
    super();
  }

  get length(): number {
    return this.arrays.start.length;
  }

  at(i: number): Passage {
    const { first, start, end, post } = this.arrays;
    // The document whose range holds i: the last one starting at or before it.
    let lo = 0;
    let hi = this.docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (first[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    const p = post[i]!;
    return new PassageAt(this.docs[lo]!, start[i]!, end[i]!, p < 0 ? null : p);
  }

  start(i: number): number {
    return this.arrays.start[i]!;
  }

  range(document: string): readonly [number, number] | undefined {
    this.numbers ??= new Map(this.docs.map((d, n) => [d.id, n]));
    const n = this.numbers.get(document);
    return n === undefined ? undefined : [this.arrays.first[n]!, this.arrays.first[n + 1]!];
  }
}

/** One document's passages as offsets: per forum post where it lists posts, else over the whole text. */
export function documentCandidates(doc: PassageDocument): Candidate[] {
  const title = normalizeForQuote(doc.title).toLowerCase();
  if (!doc.posts?.length)
    return scopeCandidates(doc.text, 0, doc.text.length, null, title, doc.kind !== 'forum thread');
  const lineStarts = [0];
  for (let i = doc.text.indexOf('\n'); i !== -1; i = doc.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return doc.posts.flatMap((p) => {
    const [first, last] = p.lines.split('-').map(Number) as [number, number];
    const from = lineStarts[first - 1] ?? doc.text.length;
    const to = last < lineStarts.length ? lineStarts[last]! - 1 : doc.text.length;
    return scopeCandidates(doc.text, from, to, p.n, title, !MEMBERS_WORDS.has(p.kind));
  });
}

interface Unit extends Span {
  /** Units on one line (one paragraph) share a block; a passage never crosses blocks. */
  block: number;
  heading: boolean;
  /** After a list's marker ("• Irrigate 5.5 lakh hectares"): an item, never a heading. */
  item: boolean;
}

/**
 * The passages between `from` and `to`. Where `titled` (an article, not a forum member's own
 * words), a short line without a full stop is a heading even unmarked ("On Opposite Sides of
 * the Cold War"); in a member's post it may be the claim itself ("Russia: No talks happened").
 */
function scopeCandidates(
  text: string,
  from: number,
  to: number,
  post: number | null,
  title: string,
  titled: boolean,
): Candidate[] {
  const units: Unit[] = [];
  let block = 0;
  let previousEnd = from;
  for (const span of sentenceSpans(text, from, to)) {
    if (text.slice(previousEnd, span.start).includes('\n')) block++;
    previousEnd = span.end;
    const unit = withoutMarkup(text, span);
    if (unit && unit.start - from > (to - from) / 2 && startsFooter(plainText(text.slice(unit.start, unit.end)))) break;
    // A heading line ICU splits in two ("# Title. Subtitle") is a heading throughout.
    if (unit)
      units.push({ ...unit, block, heading: unit.heading || (units.at(-1)?.block === block && units.at(-1)!.heading) });
  }
  // Join each sentence that points back to the one before it, within a paragraph.
  const groups: { start: number; end: number; sentences: number; heading: boolean; item: boolean }[] = [];
  units.forEach((u, i) => {
    const last = groups.at(-1);
    const joins =
      last &&
      !last.heading &&
      units[i - 1]!.block === u.block &&
      last.sentences < MAX_SENTENCES &&
      (DEPENDENT_START.test(text.slice(u.start, u.end)) || POINTS_BACK.test(text.slice(u.start, u.end)));
    if (joins) {
      last.end = u.end;
      last.sentences++;
    } else {
      groups.push({ start: u.start, end: u.end, sentences: 1, heading: u.heading, item: u.item });
    }
  });
  return groups
    .filter((g) => {
      if (g.heading) return false;
      const plain = plainText(text.slice(g.start, g.end));
      const words = wordCount(plain);
      // A list's item is no heading; one that gives a figure, or a label's line that does
      // ("Height: 122 metres"), states something in a few words.
      const datum = /\d/.test(plain) && (g.item || DATUM.test(plain));
      if (
        titled &&
        !g.item &&
        !datum &&
        words <= MAX_HEADING_WORDS &&
        !/[.!?…]["”')\]]*$/.test(plain) &&
        aloneOnLine(text, g)
      )
        return false;
      return (
        words >= (datum ? MIN_DATUM_WORDS : MIN_WORDS) &&
        !isBoilerplate(plain) &&
        normalizeForQuote(plain).toLowerCase() !== title
      );
    })
    .map((g) => ({ start: g.start, end: g.end, post }));
}

/** True when a span is its line's only text, markup aside. */
function aloneOnLine(text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = text.indexOf('\n', span.end);
  return (
    /^[\s#>*_+•\d.)-]*$/.test(text.slice(lineStart, span.start)) &&
    /^[\s*_]*$/.test(text.slice(span.end, lineEnd === -1 ? text.length : lineEnd))
  );
}

/**
 * A sentence's span without the markdown around it: heading, list and quotation markers
 * before it, emphasis wrapped around it. Null when nothing is left.
 */
function withoutMarkup(text: string, span: Span): Omit<Unit, 'block'> | null {
  let { start, end } = span;
  const marker = /^(?:#{1,6}[ \t]+|>[ \t]*|[-*+•][ \t]+|\d{1,3}[.)][ \t]+)+/.exec(text.slice(start, end));
  const heading = !!marker && marker[0].startsWith('#');
  const item = !!marker && /^[-*+•]|^\d/.test(marker[0]);
  if (marker) start += marker[0].length;
  const body = text.slice(start, end);
  // Emphasis is stripped only where it does not also stand inside ("**Note:** text").
  const open = /^[*_]{1,3}(?=\S)/.exec(body)?.[0];
  if (open && !body.slice(open.length).includes(open)) start += open.length;
  const close = /(?<=\S)[*_]{1,3}$/.exec(text.slice(start, end))?.[0];
  if (close && !text.slice(start, end - close.length).includes(close)) end -= close.length;
  return end > start ? { start, end, heading, item } : null;
}

/** A passage's words as read: markdown links, emphasis and HTML tags removed. */
export function plainText(text: string): string {
  return text
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/<[^>]+>/g, '')
    .replace(/[[\]*_`#]|\\(?=\S)/g, '');
}

/** A section's heading: where it stands in its document, and its words without markup. */
export interface Heading {
  start: number;
  text: string;
}

/**
 * The section headings of a document's text, in order: a markdown heading, or a short line
 * alone without a sentence's full stop ("Gas pipeline “Pakistan Stream”", "Joint exercises:").
 * Lines before the first paragraph of text are the document's title, not a section's.
 */
export function sectionHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  let body = false;
  for (const line of text.matchAll(/^[^\n]+$/gm)) {
    const plain = plainText(line[0])
      .replace(/^[\s>*+•-]+/, '')
      .trim();
    const words = wordCount(plain);
    if (words === 0) continue;
    // Not a list's item, a byline or a link's label ("Ricky Flores, USA TODAY", "More: Hotels make a comeback").
    const heading =
      /^\s*#/.test(line[0]) ||
      (words <= MAX_HEADING_WORDS &&
        !/^\s*(?:[-*+•]|\d+[.)])\s/.test(line[0]) &&
        !/[.!?…]["”')\]]*$/.test(plain) &&
        !/[,;]|:./.test(plain) &&
        /^[\p{Lu}\p{N}“"]/u.test(plain));
    if (!heading) body ||= words >= MIN_WORDS;
    else if (body) out.push({ start: line.index!, text: plain.replace(/:$/, '') });
  }
  return out;
}

const wordCount = (plain: string): number => plain.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

const names = (plain: string, people: readonly (string | null | undefined)[]): boolean => {
  const lower = plain.toLowerCase();
  return people.some((p) => !!p && p.length > 2 && lower.includes(p.toLowerCase()));
};

/**
 * Finds the passages a verbatim quote lies in, as the quote checks do: only whitespace,
 * curly versus straight quotes, dashes and markup may differ. Used to keep a curated fact and the
 * passage it quotes from being said twice.
 *
 *   const finder = new PassageFinder(pack.passages, pack.documents);
 *   finder.find(fact.quote, fact.source.document, fact.source.post);   // [] when in no passage
 */
export class PassageFinder {
  private readonly table: PassageTable;
  /**
   * The passages in normal form of the document a quote was last looked for in. Only the one
   * is kept: they are a copy of its text, and a pack whose every document has curated facts
   * would keep a copy of every passage (a third of the engine's heap at 100,000 facts). Look
   * for a document's quotes together (as Covered does) and each is put in normal form once.
   */
  private normals: { document: string; list: Normal[] } | null = null;

  constructor(
    passages: PassageTable | readonly Passage[],
    private readonly documents: ReadonlyMap<string, { text: string }>,
  ) {
    this.table = passages instanceof PassageTable ? passages : PassageTable.of(passages);
  }

  /**
   * The passages holding `quote` (each, where the document says it twice: a lead repeated in
   * its body), or the consecutive passages it runs across (at most three); empty when the
   * quote is in no passage (a dropped fragment, another post).
   */
  find(quote: string, document: string, post?: number | null): Passage[] {
    return this.positions(quote, document, post).map((i) => this.table.at(i));
  }

  /** The same passages as `find`, by their positions in the table. */
  positions(quote: string, document: string, post?: number | null): number[] {
    const wanted = asQuoted(quote);
    const text = this.documents.get(document)?.text;
    const list = this.normalsOf(document).filter((e) => post === undefined || post === null || e.passage.post === post);
    if (!wanted || text === undefined) return [];
    const holding = list.filter((e) => e.normal.includes(wanted));
    if (holding.length) return holding.map((e) => e.at);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < Math.min(i + 3, list.length); j++) {
        const run = asQuoted(text.slice(list[i]!.passage.start, list[j]!.passage.end));
        if (run.includes(wanted)) return list.slice(i, j + 1).map((e) => e.at);
      }
    }
    return [];
  }

  private normalsOf(document: string): Normal[] {
    if (this.normals?.document !== document) {
      const [first, end] = this.table.range(document) ?? [0, 0];
      const list = [];
      for (let at = first; at < end; at++) {
        const passage = this.table.at(at);
        list.push({ at, passage, normal: asQuoted(passage.text) });
      }
      this.normals = { document, list };
    }
    return this.normals.list;
  }
}

/** A passage, its position in the table, and its text in normal form (see asQuoted). */
interface Normal {
  at: number;
  passage: Passage;
  normal: string;
}

/** A text as a quote gives it: without the markup a source's copy has ("[Rusi-Pakistani Yaar Yaar](#)"), in normal form. */
const asQuoted = (text: string): string => normalizeForQuote(plainText(text));

let version: string | null | undefined;
/**
 * What a document's passages depend on besides the document: the code of the segmentation
 * rules and ICU's version. Cached passages carry it, so a change to the rules is never
 * answered with offsets from the old ones. Null when the code cannot be read (no cache then).
 */
export function segmentationVersion(): string | null {
  if (version === undefined)
    version = moduleVersion(import.meta.url, ['passages', 'sentences', 'boilerplate'], process.versions.icu ?? '');
  return version;
}

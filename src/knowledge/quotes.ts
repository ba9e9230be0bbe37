/**
 * Whether a quote stands verbatim in its source: the one check behind the pack's facts
 * (load.ts) and the facts moderators approve (src/moderation/proposals.ts). A forum
 * thread's quote must stand in the post it names; any other document's, in its text.
 *
 *   const quotes = new QuoteChecker();
 *   quotes.check(doc, 5, 'words copied from post 5')   // { ok: true } when they stand in it
 */
import { normalizeForQuote } from './text.js';

/** What the check needs of a document (a `LoadedDocument` has it). */
export interface QuotedDocument {
  id: string;
  /** The full text, and its normal form. */
  text: string;
  normalized: string;
  posts?: { n: number; lines: string }[];
}

export type QuoteCheck =
  | { ok: true }
  /** A forum thread, but the post is missing or not one of its posts. */
  | { ok: false; problem: 'post-needed'; posts: number }
  /** A post was named, but the document has no posts. */
  | { ok: false; problem: 'no-posts' }
  | { ok: false; problem: 'not-verbatim' };

/** The first and last line of a post's "first-last" span. */
export function postLines(spec: string): [number, number] {
  const [a, b] = spec.split('-').map(Number);
  return [a ?? 0, b ?? 0];
}

export class QuoteChecker {
  /** A post's normal form, made once however many quotes cite it. */
  private readonly postTexts = new Map<string, string>();

  check(doc: QuotedDocument, post: number | undefined, quote: string): QuoteCheck {
    const haystack = this.textOf(doc, post);
    if (doc.posts && haystack === null) return { ok: false, problem: 'post-needed', posts: doc.posts.length };
    if (haystack === null) return { ok: false, problem: 'no-posts' };
    return haystack.includes(normalizeForQuote(quote)) ? { ok: true } : { ok: false, problem: 'not-verbatim' };
  }

  /** The normal form of the text a quote must stand in: the post's, or the document's; null if there is none such. */
  textOf(doc: QuotedDocument, post: number | undefined): string | null {
    if (doc.posts) {
      const p = doc.posts.find((x) => x.n === post);
      return p ? this.postText(doc, p.lines) : null;
    }
    return post === undefined ? doc.normalized : null;
  }

  private postText(doc: QuotedDocument, lines: string): string {
    const key = `${doc.id}#${lines}`;
    let text = this.postTexts.get(key);
    if (text === undefined) {
      const [first, last] = postLines(lines);
      text = normalizeForQuote(
        doc.text
          .split('\n')
          .slice(first - 1, last)
          .join('\n'),
      );
      this.postTexts.set(key, text);
    }
    return text;
  }
}

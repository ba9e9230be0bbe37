/**
 * What a page carries besides its content: forum chrome (member titles, "Likes Received:"),
 * bylines, dates standing alone, share prompts, copyright and tag lines. Such a line is never
 * cited. The patterns are about pages in general, never about one pack's subject; they match
 * a passage's plain text (markdown removed) as a whole, so a content sentence that merely
 * mentions a copyright or a member is kept. A footer (copyright, disclaimer, "the original
 * source of this article is…") ends a document's content: the notices after it are dropped
 * even when they are whole sentences.
 */

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
/** "Sep 30, 2015", "13th April, 2019", "September 27, 2015", "2019-04-13". */
const DATE = `(?:(?:${DAY}\\s+${MONTH},?\\s+\\d{4})|(?:${MONTH}\\s+${DAY},?\\s+\\d{4})|\\d{4}-\\d{2}-\\d{2})`;

const PATTERNS: RegExp[] = [
  // Forums.
  // A member's tallies, a figure after a label: "Likes Received: 4", "Messages: 1,203".
  /^(?:likes received|messages|trophy points|reaction score|reactions received|ratings?):?\s*[\d,.]*$/i,
  /^click to expand/i,
  /^last edited\b/i,
  /\blikes? this\.?$/i,
  /^discussion in .* started by\b/i,
  /^(?:\S+\s+){0,8}(?:member|moderator|administrator|admin)$/i,
  // Bylines, dates and where a page was first published.
  new RegExp(`^(?:[^.!?]{0,60},\\s*)?${DATE}\\.?$`, 'i'),
  /^(?:written |posted )?by\s+[^.!?]{1,60}$/i,
  /^(?:this article was )?(?:originally|first) published (?:on|in|by)\b/i,
  /^the original source of this article is\b/i,
  // Page furniture and legal lines.
  /^(?:region|theme|tags?|topics?|categor(?:y|ies)|filed under|in-depth report|keywords|posted in|related):/i,
  /^note to readers:/i,
  /^(?:forward|share|crosspost|comment on|become a member|subscribe|sign up|click here|read more)\b/i,
  /^(?:articles|posts) by:/i,
  /^about the author:?$/i,
  /^disclaimer:/i,
  /^all images\b/i,
  /^for media inquiries\b/i,
  /(?:^copyright\b|©)/i,
  /^(?:top|bottom) of page$/i,
  /^\d+\s*views?\b/i,
];

export function isBoilerplate(plain: string): boolean {
  return PATTERNS.some((p) => p.test(plain));
}

/** Lines that open a page's footer: from one of them on, in a document's second half, nothing is content. */
const FOOTER: RegExp[] = [
  /^the original source of this article is\b/i,
  /^copyright\b/i,
  /^©/,
  /^disclaimer:/i,
  /\ball rights reserved\.?$/i,
];

export function startsFooter(plain: string): boolean {
  return FOOTER.some((p) => p.test(plain));
}

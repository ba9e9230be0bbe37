/**
 * A file's text and what it says about itself (title, author, date, publisher, address),
 * for .txt, .md, .html and .pdf. HTML goes through Readability, the reader view of Firefox,
 * which keeps the article and leaves menus, footers and comments behind; PDF text and
 * information come from unpdf (pdf.js). Whatever a file does not say is null.
 *
 *   const { text, title, author } = await extract('article.html');
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isBoilerplate } from '../boilerplate.js';
import { plainText } from '../passages.js';
import { readDate } from './dates.js';
import { ImportError } from './import-error.js';

export interface Extracted {
  text: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

const FORMATS: Record<string, (bytes: Buffer, name: string) => Promise<Extracted> | Extracted> = {
  '.txt': (b) => fromPlainText(utf8(b), false),
  '.md': (b) => fromPlainText(utf8(b), true),
  '.markdown': (b) => fromPlainText(utf8(b), true),
  '.html': (b) => fromHtml(utf8(b)),
  '.htm': (b) => fromHtml(utf8(b)),
  '.pdf': (b, name) => fromPdf(b, name),
};

export const SUPPORTED = Object.keys(FORMATS);

export async function extract(path: string): Promise<Extracted> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  const format = FORMATS[ext];
  if (!format)
    throw new ImportError(
      `${name}: unsupported file type "${ext || 'none'}"; knowledge:add reads .txt, .md, .html and .pdf`,
    );
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ImportError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const extracted = await format(bytes, name);
  if (!/[\p{L}\p{N}]/u.test(extracted.text)) throw new ImportError(`${name} has no text`);
  return extracted;
}

/** UTF-8 without a byte-order mark, with Unix line ends (forum posts are counted in lines). */
const utf8 = (bytes: Buffer): string =>
  bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');

const clean = (s: unknown): string | null => {
  const text = typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '';
  return text || null;
};

/** What opens a byline: "By", "Written by", "Reported by", "Author:", "Authors -". */
const BYLINE =
  /^\s*(?:(?:(?:written|reported|posted|story|words|text)\s+)?by\b:?|(?:authors?|byline|writer)\s*[:\-–—])\s*/i;
/** A person's name as a byline gives it: two to four capitalised words ("Jane Doe", "Mary-Ann de la Cruz"). */
const NAME = "\\p{Lu}(?:\\p{Ll}[\\p{L}'’-]*|\\.)";
const PERSON = new RegExp(`^${NAME}(?:\\s+(?:(?:de|van|von|der|da|di|la|le|al|bin|el)\\s+)*${NAME}){1,3}$`, 'u');

/**
 * A byline's name and, where it names one, the publisher after it: "By Jane Doe, Reuters",
 * "Written by Jane Doe | March 3, 2021", "Author: [Jane Doe](…)". Null when it names nobody.
 */
export function readByline(s: string | null | undefined): { author: string; publisher: string | null } | null {
  const line = clean(s?.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(BYLINE, ''));
  if (!line) return null;
  const parts = line
    .split(/\s*(?:[,|•·]|\s[-–—]\s)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A date or time after the name says when, not who: "Jane Doe | March 3, 2021 10:00".
  const named = parts.filter((p) => !readDate(p) && !/\d/.test(p));
  if (named.length === 0) return null;
  const [author, publisher] = named;
  // "Jane Doe and John Roe, Reuters": one author line; a second part that is a short name is who published it.
  return {
    author: author!,
    publisher: publisher && named.length === 2 && publisher.split(/\s+/).length <= 5 ? publisher : null,
  };
}

const bylineName = (s: string | null | undefined): string | null => readByline(s)?.author ?? null;

const absoluteUrl = (s: unknown): string | null => {
  try {
    return typeof s === 'string' && /^https?:\/\//.test(s) ? new URL(s).href : null;
  } catch {
    return null;
  }
};

/**
 * Plain text and markdown: the text as it is, with what its header says about it. Markdown
 * front matter, where present, says it outright and is not part of the text.
 */
function fromPlainText(source: string, markdown: boolean): Extracted {
  let text = source;
  let front: Record<string, unknown> = {};
  const fm = markdown ? /^---\n([\s\S]*?)\n---\n/.exec(source) : null;
  if (fm) {
    try {
      const parsed: unknown = parseYaml(fm[1]!);
      if (parsed && typeof parsed === 'object') front = parsed as Record<string, unknown>;
      text = source.slice(fm[0].length);
    } catch {
      // Not front matter after all: the text keeps it.
    }
  }
  const header = readHeader(text, markdown);
  return {
    text,
    title: clean(front.title) ?? header.title,
    author: clean(front.author) ?? header.author,
    publisher: clean(front.publisher ?? front.site) ?? header.publisher,
    date: readDate(front.date instanceof Date ? front.date.toISOString() : clean(front.date)) ?? header.date,
    url: absoluteUrl(front.url),
  };
}

/**
 * What the lines before a text's body say: a `# heading` (markdown) or the first short line
 * that is not page chrome is the title, "By …" the author, a dateline ("Global Research,
 * August 10, 2018") the date and publisher.
 */
export function readHeader(text: string, markdown: boolean): Omit<Extracted, 'text' | 'url'> {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 12);
  const words = (l: string) => l.split(/\s+/).length;
  const heading = markdown ? lines.find((l) => /^#\s/.test(l))?.replace(/^#\s+/, '') : undefined;
  const first = lines.find((l) => !isBoilerplate(plainText(l)) && !/^(?:[-•*]|\d+[.)])\s/.test(l) && words(l) >= 2);
  const titleLine =
    heading ?? (first && words(first) <= 20 && !/[.,;]$/.test(first) ? first.replace(/^#+\s+/, '') : undefined);
  const byline =
    lines.find((l) => BYLINE.test(l) && /^\[?\p{Lu}/u.test(l.replace(BYLINE, '')) && words(l) <= 12) ??
    // "Jane Doe, Reuters" under the title: a person's name, then who published it.
    lines
      .slice(0, 6)
      .find(
        (l) =>
          l !== titleLine &&
          l !== heading &&
          !readDate(l) &&
          PERSON.test(l.split(/\s*[,|]\s*/)[0]!) &&
          /[,|]/.test(l) &&
          words(l) <= 8,
      );
  const by = readByline(byline);
  const dateline = lines.find((l) => words(l) <= 10 && readDate(l));
  // "Global Research, August 10, 2018": who published it, then when.
  const [, publisher, when] = /^([^,]{2,60}),\s*(.+)$/.exec(dateline ?? '') ?? [];
  return {
    title: clean(titleLine && plainText(titleLine)),
    author: by?.author ?? null,
    publisher:
      (publisher && readDate(when) && !readDate(publisher) && !isBoilerplate(publisher) && words(publisher) <= 6
        ? clean(publisher)
        : null) ??
      by?.publisher ??
      null,
    date: readDate(dateline),
  };
}

/** HTML: the article Readability finds, as text with headings, list items and paragraphs on lines of their own. */
function fromHtml(html: string): Extracted {
  const { document } = parseHTML(html);
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const found = {
    title: meta('og:title', 'twitter:title', 'citation_title'),
    pageTitle: clean(document.querySelector('title')?.textContent),
    author: meta('author', 'article:author', 'citation_author', 'dc.creator'),
    publisher: meta('og:site_name', 'citation_publisher', 'dc.publisher'),
    date: readDate(
      meta('article:published_time', 'datePublished', 'date', 'pubdate', 'citation_publication_date', 'dc.date') ??
        document.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
    url: absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url')),
  };
  // Readability changes the tree it reads, so the metadata above is read first.
  const article = new Readability(document as never, { serializer: (node: unknown) => node }).parse();
  const body = (article?.content ?? document.body) as unknown as HtmlNode | null;
  return {
    text: body ? blockText(body) : '',
    // Readability's title leaves out the site name that a page's <title> often adds.
    title: found.title ?? clean(article?.title) ?? found.pageTitle,
    author: (found.author && !/^https?:/.test(found.author) ? found.author : null) ?? bylineName(article?.byline),
    publisher: found.publisher ?? clean(article?.siteName) ?? readByline(article?.byline)?.publisher ?? null,
    date: found.date ?? readDate(article?.publishedTime),
    url: found.url,
  };
}

interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
}

const BLOCKS = new Set(
  'address article aside blockquote dd div dl dt figcaption figure footer form header hr li main nav ol p pre section table tbody thead tfoot tr td th ul'.split(
    ' ',
  ),
);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON']);

/** An element's text, a line per block: "# " before headings, "- " before list items. */
function blockText(root: HtmlNode): string {
  let out = '';
  const walk = (node: HtmlNode) => {
    if (node.nodeType === 3) {
      out += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    const heading = /^H([1-6])$/.exec(tag);
    const block = heading || BLOCKS.has(tag.toLowerCase());
    if (block) out += '\n\n';
    if (heading) out += `${'#'.repeat(Number(heading[1]))} `;
    if (tag === 'LI') out += '- ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) out += '\n\n';
  };
  walk(root);
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/^(- |#+ )\n+/gm, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * PDF: the text of every page, its lines rejoined into paragraphs (a PDF breaks lines where
 * the page did), and the title, author and date of its information dictionary.
 */
async function fromPdf(bytes: Buffer, name: string): Promise<Extracted> {
  const { extractText, getDocumentProxy, getMeta } = await import('unpdf');
  let pages: string[];
  let info: Record<string, unknown> = {};
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }); // errors only: pdf.js warns on stdout
    ({ text: pages } = await extractText(pdf, { mergePages: false }));
    info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new ImportError(`${name} is not a readable PDF: ${(e as Error).message.split('\n')[0]}`);
  }
  const text = pages.map(reflow).filter(Boolean).join('\n\n');
  if (!/[\p{L}\p{N}]/u.test(text))
    throw new ImportError(`${name} has no text layer (a scanned PDF?); run OCR on it and import the text`);
  const first = text.split('\n')[0]?.trim();
  return {
    text,
    title: clean(info.Title) ?? (first && first.split(/\s+/).length <= 20 ? first : null),
    author: clean(info.Author),
    publisher: null,
    date: readDate(clean(info.CreationDate)),
    url: null,
  };
}

/** Joins a page's wrapped lines: a long line that does not end a sentence goes on in the next. */
function reflow(page: string): string {
  const lines = page.split('\n').map((l) => l.trim());
  const width = Math.max(...lines.map((l) => l.length), 0);
  let out = '';
  lines.forEach((line, i) => {
    if (i === 0) return void (out = line);
    const previous = lines[i - 1]!;
    const wrapped =
      previous.length >= width * 0.6 &&
      line !== '' &&
      !/[.!?:;”"]$/.test(previous) &&
      !/^(?:[-•*]|\d+[.)])\s/.test(line);
    out += wrapped ? (previous.endsWith('-') ? '' : ' ') + line : `\n${line}`;
  });
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

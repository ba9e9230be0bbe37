/**
 * Adds one document to a pack: its text to `sources/<id>.txt`, its entry to
 * `documents.yaml`. What the file says about itself (title, author, date, publisher) is read
 * from it; what the caller gives wins. Bad input is refused with one line and the pack is
 * left as it was; so is an import after which the pack would not load.
 *
 *   const added = await addDocument('article.html', { pack: 'knowledge' });   // { entry, passages, … }
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { formatProblem, loadPack, PackError, type Pack } from '../load.js';
import { DocumentSchema, type SourceDocument } from '../schema.js';
import { isBoilerplate } from '../boilerplate.js';
import { plainText } from '../passages.js';
import { normalizeForQuote } from '../text.js';
import { exactDate } from './dates.js';
import { withDocument } from './documents-file.js';
import { extract, readHeader, type Extracted } from './extract.js';
import { ImportError } from './import-error.js';
import { splitPosts } from './posts.js';

export interface AddOptions {
  pack: string;
  id?: string;
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
  kind?: string;
  url?: string;
  reliability?: string;
  /** A pattern whose match starts each post of a forum thread, with a group `poster`. */
  posts?: string;
}

export interface AddResult {
  entry: SourceDocument;
  /** Where the text was written. */
  source: string;
  /** How many citable passages the document gives. */
  passages: number;
  /** The entry's fields read from the file itself ("title (its first sentence…)" where it had none to read). */
  read: string[];
}

const FIELDS = ['title', 'author', 'publisher', 'date', 'url'] as const;
/** The command-line flag behind each field of an entry, for messages. */
const FLAG: Record<string, string> = {
  id: '--id',
  title: '--title',
  author: '--author',
  publisher: '--publisher',
  date: '--date',
  kind: '--kind',
  url: '--url',
  reliability: '--reliability',
  posts: '--posts',
};

export async function addDocument(file: string, options: AddOptions): Promise<AddResult> {
  checkGiven(options);
  const documents = currentDocuments(options.pack);
  const extracted = await extract(file);
  const id = options.id ?? slug(file);
  if (documents.has(id) || existsSync(join(options.pack, 'sources', `${id}.txt`))) {
    throw new ImportError(`a document with id "${id}" is already in the pack; give another with --id`);
  }
  const text = extracted.text.endsWith('\n') ? extracted.text : `${extracted.text}\n`;
  const same = [...documents.values()].find((d) => fingerprint(d.text) === fingerprint(text));
  if (same) throw new ImportError(`${basename(file)} has the same text as document "${same.id}", already in the pack`);

  const thread = options.posts ? splitPosts(extracted.text, options.posts) : null;
  // In a thread, only the lines before the first post describe the thread; the posts' own dates and names do not.
  const ext = extname(file).toLowerCase();
  const found: Omit<Extracted, 'text'> =
    thread && ['.txt', '.md', '.markdown'].includes(ext)
      ? { ...readHeader(extracted.text.slice(0, thread.headerEnd), ext !== '.txt'), url: extracted.url }
      : extracted;
  const read: string[] = FIELDS.filter((f) => options[f] === undefined && found[f] !== null);
  let title = options.title ?? found.title;
  if (!title) {
    // No short first line to be the title: the first sentence, else the file's name, and the user is told which.
    const sentence = firstSentence(extracted.text);
    const name = titleFromName(file);
    title = sentence ?? name;
    if (!title) throw new ImportError(`could not read a title from ${basename(file)}; give one with --title`);
    read.unshift(
      sentence ? 'title (its first sentence; --title to change it)' : 'title (the file name; --title to change it)',
    );
  }
  const entry = valid({
    id,
    title,
    author: options.author ?? found.author,
    publisher: options.publisher ?? found.publisher,
    date: options.date ?? found.date,
    kind: options.kind ?? (thread ? 'forum thread' : 'article'),
    ...((options.url ?? found.url) ? { url: options.url ?? found.url } : {}),
    reliability: options.reliability ?? `Imported by knowledge:add from ${basename(file)}; not yet reviewed.`,
    ...(thread ? { posts: thread.posts } : {}),
  });
  const pack = write(options.pack, entry, text);
  const passages = pack.passages.filter((p) => p.document === id).length;
  return { entry, source: join(options.pack, 'sources', `${id}.txt`), passages, read };
}

/** The options checked before any file is read, so a typo is told first. */
function checkGiven(options: AddOptions): void {
  if (options.date !== undefined && !exactDate(options.date))
    throw new ImportError(`invalid --date "${options.date}": dates are YYYY, YYYY-MM or YYYY-MM-DD`);
  const given = {
    id: 'given',
    title: 'given',
    author: null,
    publisher: null,
    date: null,
    kind: 'article',
    reliability: 'given',
  };
  valid({
    ...given,
    ...Object.fromEntries(Object.entries(options).filter(([k, v]) => k in FLAG && k !== 'posts' && v !== undefined)),
  });
}

function valid(raw: Record<string, unknown>): SourceDocument {
  const parsed = DocumentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  throw new ImportError(`invalid ${FLAG[field] ?? field}: ${issue.message}`);
}

/**
 * The pack's documents as they are now: none yet in a new pack (pack.yaml alone). A pack
 * that does not load is refused: an import would only hide its problems.
 */
function currentDocuments(dir: string): Pack['documents'] {
  if (!existsSync(join(dir, 'pack.yaml')))
    throw new ImportError(
      `${dir} is not a knowledge pack (it has no pack.yaml); start one with a pack.yaml of two lines, "name: <the subject>" and "covers: <what the documents cover>"`,
    );
  if (!existsSync(join(dir, 'documents.yaml'))) return new Map();
  try {
    return loadPack(dir).documents;
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    throw new ImportError(
      `the pack in ${dir} has ${e.problems.length} problem(s) already, first ${formatProblem(e.problems[0]!)}; see npm run knowledge:check`,
    );
  }
}

/**
 * Writes the text and the entry, then loads the pack: if it would not load, or a write
 * fails, both files are put back as they were.
 */
function write(dir: string, entry: SourceDocument, text: string): Pack {
  const listPath = join(dir, 'documents.yaml');
  const sourcePath = join(dir, 'sources', `${entry.id}.txt`);
  const before = existsSync(listPath) ? readFileSync(listPath, 'utf8') : null;
  let list: string;
  try {
    list = withDocument(before, entry);
  } catch (e) {
    throw new ImportError((e as Error).message);
  }
  const aside = `${listPath}.${process.pid}`;
  let wroteSource = false;
  let wroteAside = false;
  try {
    mkdirSync(join(dir, 'sources'), { recursive: true });
    writeFileSync(sourcePath, text, { flag: 'wx' });
    wroteSource = true;
    // Written aside and renamed, so documents.yaml is never half written.
    writeFileSync(aside, list, { flag: 'wx' });
    wroteAside = true;
    renameSync(aside, listPath);
    return loadPack(dir);
  } catch (e) {
    if (wroteSource) rmSync(sourcePath, { force: true });
    if (wroteAside) rmSync(aside, { force: true });
    if (before === null) rmSync(listPath, { force: true });
    else writeFileSync(listPath, before);
    if (e instanceof PackError)
      throw new ImportError(`the pack would not load with it: ${formatProblem(e.problems[0]!)}`);
    throw new ImportError(`could not write to ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Two texts that differ only in spacing, quotes or dashes are the same document. */
const fingerprint = (text: string): string => createHash('sha256').update(normalizeForQuote(text)).digest('hex');

/** A document id from a file name: "My Article (2019).html" → "my-article-2019". */
export function slug(file: string): string {
  const id = basename(file, extname(file))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  if (!id) throw new ImportError(`could not make an id from the file name ${basename(file)}; give one with --id`);
  return id;
}

/** At most this many characters of a first sentence make a title. */
const TITLE_MAX = 80;

/**
 * A title from the text's first sentence, for a file with no short first line: "The bridge
 * over the river was opened in 1999 at a cost of $5 million" (no closing stop), cut at a
 * word boundary with "…" when longer than 80 characters. Null when the text opens with no
 * sentence of two words.
 */
export function firstSentence(text: string): string | null {
  const line = text
    .split('\n')
    .map((l) => plainText(l.replace(/^\s*(?:#+|[-•*]|\d+[.)])\s+/, '')).trim())
    .find((l) => /\p{L}/u.test(l) && !isBoilerplate(l));
  if (!line) return null;
  const sentence = (/^.+?[.!?](?=\s+["“(\p{Lu}\d]|$)/u.exec(line)?.[0] ?? line).replace(/[.!?]+$/, '').trim();
  if (sentence.split(/\s+/).length < 2) return null;
  if (sentence.length <= TITLE_MAX) return sentence;
  const cut = sentence.slice(0, TITLE_MAX + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut.slice(0, TITLE_MAX)).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** A title from a file's name: "bridge_report-2021.txt" → "bridge report 2021"; null for a name of no letters. */
export function titleFromName(file: string): string | null {
  const name = basename(file, extname(file)).replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return /\p{L}/u.test(name) ? name : null;
}

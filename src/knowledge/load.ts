/**
 * Loads a knowledge pack from a directory and validates it completely. A pack with any
 * problem is refused as a whole, with `file:line` and a plain message for each problem,
 * so a broken pack never reaches users. `pack.yaml`, `documents.yaml` and `sources/` are
 * a whole pack: every sentence of the sources is a citable passage. Curated facts
 * (`facts/`), topics and aliases are optional.
 *
 *   const pack = loadPack('knowledge');          // throws PackError listing every problem
 *   const problems = checkPack('knowledge');     // the same checks, returned
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import {
  AliasesFileSchema,
  DocumentsFileSchema,
  FactsFileSchema,
  PackMetaSchema,
  TopicsFileSchema,
  type Fact,
  type PackMeta,
  type SourceDocument,
  type Topic,
} from './schema.js';
import { type FileStat, ParsedCache } from './parsed-cache.js';
import {
  buildPassages,
  documentCandidates,
  segmentationVersion,
  type Candidate,
  type Passage,
  type PassageDocument,
  PassageTable,
} from './passages.js';
import { postLines, QuoteChecker } from './quotes.js';
import { normalizeForQuote, wordMatcher } from './text.js';

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface LoadedDocument extends SourceDocument {
  /** The document's full text, and its normal form for quote checks. */
  text: string;
  normalized: string;
}

export interface Pack {
  dir: string;
  meta: PackMeta;
  documents: Map<string, LoadedDocument>;
  facts: Fact[];
  topics: Map<string, Topic>;
  aliases: string[][];
  /** Every sentence of every source, citable as it stands (see passages.ts). */
  passages: Passage[];
}

export class PackError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the knowledge pack has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'PackError';
  }
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.message}`;

/** The YAML parser, loaded on first need: a start whose files all come from the parsed cache never needs it. */
let yaml: typeof Yaml | undefined;
const yamlParser = (): typeof Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/**
 * One YAML file, able to say which line a path inside it starts on. It is parsed into a
 * document on first need only: a file read back from the cache needs it just to report a
 * problem.
 */
class YamlFile {
  private parsed: { doc: Yaml.Document; lines: Yaml.LineCounter } | null = null;
  /** `text`: the file's text, or how to read it (a file read back from the cache by its stat is read only to report a problem). */
  constructor(
    readonly path: string,
    readonly name: string,
    private text: string | (() => string),
  ) {}
  get doc(): Yaml.Document {
    return this.parse().doc;
  }
  lineAt(offset: number): number {
    return this.parse().lines.linePos(offset).line;
  }
  lineOf(path: readonly PropertyKey[]): number {
    for (let end = path.length; end >= 0; end--) {
      const node = this.doc.getIn(path.slice(0, end) as unknown[], true);
      if (yamlParser().isNode(node) && node.range) return this.lineAt(node.range[0]);
    }
    return 1;
  }
  private parse(): { doc: Yaml.Document; lines: Yaml.LineCounter } {
    if (!this.parsed) {
      const { LineCounter, parseDocument } = yamlParser();
      const lines = new LineCounter();
      if (typeof this.text !== 'string') this.text = this.text();
      this.parsed = { doc: parseDocument(this.text, { lineCounter: lines, prettyErrors: false }), lines };
    }
    return this.parsed;
  }
}

class ProblemList {
  readonly items: Problem[] = [];
  add(file: string, line: number, message: string): void {
    this.items.push({ file, line, message });
  }
}

function readYaml<S extends z.ZodType>(
  dir: string,
  path: string,
  schema: S,
  problems: ProblemList,
  cache: ParsedCache,
): { file: YamlFile; data: z.infer<S> } | null {
  const name = relative(dir, path) || path;
  // Unchanged since it was parsed (size, time, inode): not read at all. Else read, and looked up by its text.
  const info = statSync(path, { throwIfNoEntry: false });
  const stat: FileStat | undefined = info?.isFile() ? [info.size, info.mtimeMs, info.ino] : undefined;
  const known = stat ? cache.unchanged(name, stat) : undefined;
  let text: string | (() => string) = () => readFileSync(path, 'utf8');
  if (known === undefined) {
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      problems.add(name, 1, 'file is missing or unreadable');
      return null;
    }
  }
  const file = new YamlFile(path, name, text);
  let data = known ?? (typeof text === 'string' ? cache.get(name, text, stat) : undefined);
  if (data === undefined && typeof text === 'string') {
    if (file.doc.errors.length > 0) {
      for (const e of file.doc.errors)
        problems.add(name, file.lineAt(e.pos[0]), `malformed YAML: ${e.message.split('\n')[0]}`);
      return null;
    }
    data = file.doc.toJS();
    cache.set(name, text, data, stat);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
      problems.add(name, file.lineOf(issue.path), `${issue.message}${where}`);
    }
    return null;
  }
  return { file, data: parsed.data };
}

/** Validates the pack in `dir` and returns every problem found (empty when it is sound). */
export function checkPack(dir: string): Problem[] {
  return readPack(dir).problems;
}

export interface LoadOptions {
  /**
   * The pack's passages over its documents as they were saved with its index (see
   * src/core/index-store.ts), or null: then they are made from the sources.
   */
  passages?: (documents: ReadonlyMap<string, LoadedDocument>) => PassageTable | null;
}

/** Loads the pack in `dir`, or throws a PackError naming every problem. */
export function loadPack(dir: string, options: LoadOptions = {}): Pack {
  const { pack, problems } = readPack(dir, options);
  if (!pack || problems.length > 0) throw new PackError(problems);
  return pack;
}

function readPack(dir: string, options: LoadOptions = {}): { pack: Pack | null; problems: Problem[] } {
  const problems = new ProblemList();
  if (!existsSync(dir)) {
    problems.add(dir, 1, 'knowledge directory does not exist');
    return { pack: null, problems: problems.items };
  }
  const cache = new ParsedCache(dir);
  const meta = readYaml(dir, join(dir, 'pack.yaml'), PackMetaSchema, problems, cache);
  const docs = readYaml(dir, join(dir, 'documents.yaml'), DocumentsFileSchema, problems, cache);
  const optional = <S extends z.ZodType>(name: string, schema: S) =>
    existsSync(join(dir, name)) ? readYaml(dir, join(dir, name), schema, problems, cache) : null;
  const topicsFile = optional('topics.yaml', TopicsFileSchema);
  const aliasesFile = optional('aliases.yaml', AliasesFileSchema);

  const factDir = join(dir, 'facts');
  const factFiles = existsSync(factDir)
    ? readdirSync(factDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(factDir, f))
    : [];
  const factSets = factFiles.map((f) => readYaml(dir, f, FactsFileSchema, problems, cache));

  // Documents and their texts.
  const documents = new Map<string, LoadedDocument>();
  // One listing of sources/, not a look-up per document (a big pack has tens of thousands).
  const sources = new Set(existsSync(join(dir, 'sources')) ? readdirSync(join(dir, 'sources')) : []);
  if (docs) {
    docs.data.documents.forEach((d, i) => {
      // Lines are looked up only for a problem: that needs the YAML parsed, which the cache spares.
      const line = () => docs.file.lineOf(['documents', i]);
      if (documents.has(d.id)) return problems.add(docs.file.name, line(), `duplicate document id "${d.id}"`);
      const textPath = join(dir, 'sources', `${d.id}.txt`);
      if (!sources.has(`${d.id}.txt`) && !existsSync(textPath))
        return problems.add(docs.file.name, line(), `document "${d.id}" has no text at sources/${d.id}.txt`);
      const document = loadedDocument(d, textPath);
      const seenPosts = new Set<number>();
      const lineCount = d.posts?.length ? document.text.split('\n').length : 0;
      d.posts?.forEach((p, j) => {
        const [first, last] = postLines(p.lines);
        const pline = () => docs.file.lineOf(['documents', i, 'posts', j]);
        if (seenPosts.has(p.n)) problems.add(docs.file.name, pline(), `duplicate post number ${p.n} in "${d.id}"`);
        seenPosts.add(p.n);
        if (first < 1 || last < first || last > lineCount) {
          problems.add(
            docs.file.name,
            pline(),
            `post ${p.n} lines "${p.lines}" are outside the document's ${lineCount} lines`,
          );
        }
      });
      documents.set(d.id, document);
    });
  }

  // Topics, and the aliases.
  const topics = new Map<string, Topic>();
  topicsFile?.data.topics.forEach((t, i) => {
    if (topics.has(t.id))
      problems.add(topicsFile.file.name, topicsFile.file.lineOf(['topics', i]), `duplicate topic id "${t.id}"`);
    topics.set(t.id, t);
  });

  // Facts: ids, references, verbatim quotes, and the denylist.
  const denied = wordMatcher(meta?.data.denylist ?? []);
  const facts: Fact[] = [];
  const factIds = new Set<string>();
  const quotes = new QuoteChecker();
  for (const set of factSets) {
    if (!set) continue;
    set.data.facts.forEach((fact, i) => {
      const at = (key?: string) => set.file.lineOf(key ? ['facts', i, key] : ['facts', i]);
      const name = set.file.name;
      if (factIds.has(fact.id)) problems.add(name, at('id'), `duplicate fact id "${fact.id}"`);
      factIds.add(fact.id);
      facts.push(fact);
      if (!topics.has(fact.topic)) {
        const where = topicsFile ? '' : ' (the pack has no topics.yaml)';
        problems.add(name, at('topic'), `fact "${fact.id}" points at undefined topic "${fact.topic}"${where}`);
      }
      if (denied?.test(fact.quote))
        problems.add(name, at('quote'), `fact "${fact.id}" quote contains a denylisted term`);
      if (denied?.test(fact.statement))
        problems.add(name, at('statement'), `fact "${fact.id}" statement contains a denylisted term`);
      const doc = documents.get(fact.source.document);
      if (!doc) {
        if (docs)
          problems.add(name, at('source'), `fact "${fact.id}" cites unknown document "${fact.source.document}"`);
        return;
      }
      const quoted = quotes.check(doc, fact.source.post, fact.quote);
      if (quoted.ok) return;
      if (quoted.problem === 'post-needed') {
        const which = fact.source.post === undefined ? 'no post number' : `unknown post ${fact.source.post}`;
        problems.add(name, at('source'), `fact "${fact.id}" cites ${which} of forum thread "${doc.id}"`);
      } else if (quoted.problem === 'no-posts') {
        problems.add(
          name,
          at('source'),
          `fact "${fact.id}" cites post ${fact.source.post}, but "${doc.id}" has no posts`,
        );
      } else {
        const where = fact.source.post ? `post ${fact.source.post} of ` : '';
        problems.add(name, at('quote'), `fact "${fact.id}" quote is not verbatim in ${where}"${doc.id}"`);
      }
    });
  }

  // Positions must name facts that exist.
  topicsFile?.data.topics.forEach((t, i) => {
    t.disagreement?.positions.forEach((p, j) => {
      for (const [k, id] of p.facts.entries()) {
        if (factSets.length && !factIds.has(id)) {
          const line = topicsFile.file.lineOf(['topics', i, 'disagreement', 'positions', j, 'facts', k]);
          problems.add(
            topicsFile.file.name,
            line,
            `position "${p.label}" of topic "${t.id}" names unknown fact "${id}"`,
          );
        }
      }
    });
  });

  if (!meta || !docs || problems.items.length > 0) {
    cache.save();
    return { pack: null, problems: problems.items };
  }
  const saved = options.passages?.(documents) ?? null;
  // The passages' offsets are kept apart from the YAML: a start from a saved index never reads them.
  const offsets = saved ? null : new ParsedCache(dir, 'passages');
  const passages = offsets
    ? buildPassages(documents.values(), {
        denylist: meta.data.denylist,
        candidates: (d) => cachedCandidates(d, offsets),
      })
    : null;
  offsets?.save();
  cache.save();
  const pack: Pack = {
    dir,
    meta: meta.data,
    documents,
    facts,
    topics,
    aliases: aliasesFile?.data.aliases ?? [],
    passages: passages ?? [],
  };
  if (saved) {
    // Read back from a saved index, the passages are a table; as an array, made on first use only.
    let made: Passage[] | undefined;
    Object.defineProperty(pack, 'passages', { enumerable: true, get: () => (made ??= saved.toArray()) });
    tables.set(pack, saved);
  }
  return { pack, problems: problems.items };
}

/** The passage tables of packs read back from a saved index, by pack. */
const tables = new WeakMap<object, PassageTable>();

/**
 * A pack's passages as a table (see PassageTable): the one read back from its saved index,
 * else one over `pack.passages`. The engine reads passages through it, so that a start from a
 * saved index never makes an object per passage.
 */
export function passageTableOf(pack: Pick<Pack, 'passages'>): PassageTable {
  return tables.get(pack) ?? PassageTable.of(pack.passages);
}

/**
 * A document whose text is read from `path`, and put in normal form for quote checks, when
 * first used: most documents of a big pack are never quoted by a curated fact, and a start
 * from a saved index (see src/core/index-store.ts) cuts passages from a source only when a
 * search returns one.
 */
function loadedDocument(entry: SourceDocument, path: string): LoadedDocument {
  let text: string | undefined;
  let normal: string | undefined;
  // Getters in the literal, not defineProperties: tens of thousands of documents at a start.
  const document: LoadedDocument = {
    ...entry,
    get text() {
      text ??= readFileSync(path, 'utf8');
      return text;
    },
    get normalized() {
      normal ??= normalizeForQuote(document.text);
      return normal;
    },
  };
  return document;
}

/**
 * Segmenting the sources is most of building passages (some 40 ms for the first pack on a
 * cold start), so a document's passage offsets are kept in a parsed cache, keyed by its
 * text, its title and posts, and the segmentation rules that produced them.
 */
function cachedCandidates(doc: PassageDocument, cache: ParsedCache): Candidate[] {
  const version = segmentationVersion();
  if (!version) return documentCandidates(doc);
  const name = `passages:${doc.id}`;
  const key = JSON.stringify([version, doc.title, doc.posts?.map((p) => [p.n, p.lines]) ?? null, doc.text]);
  const stored = cache.get(name, key);
  if (isCandidateList(stored, doc.text.length)) return stored;
  const candidates = documentCandidates(doc);
  cache.set(name, key, candidates);
  return candidates;
}

const isCandidateList = (v: unknown, length: number): v is Candidate[] =>
  Array.isArray(v) &&
  v.every(
    (c: Candidate) =>
      Number.isInteger(c?.start) && Number.isInteger(c.end) && c.start >= 0 && c.start < c.end && c.end <= length,
  );

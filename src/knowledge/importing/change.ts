/**
 * Takes a document out of a pack, or corrects its entry: `knowledge:remove` and
 * `knowledge:edit`. A document that curated facts cite is neither removed nor renamed (the
 * facts would point at nothing); the refusal names the first fact's file:line. As with
 * knowledge:add, bad input changes nothing, documents.yaml is written aside and renamed (never
 * half written), and a change after which the pack would not load is put back.
 *
 *   removeDocument('knowledge', 'old-article');                 // { entry, source }
 *   editDocument('knowledge', 'bridge', { title: 'Bridge opens', author: '' });   // '' clears a field
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { formatProblem, loadPack, PackError } from '../load.js';
import { DocumentSchema, type SourceDocument } from '../schema.js';
import { exactDate } from './dates.js';
import { withDocumentReplaced, withoutDocument } from './documents-file.js';
import { ImportError } from './import-error.js';

/** The fields knowledge:edit corrects; '' clears author, publisher, date or url. */
export interface EditOptions {
  id?: string;
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
  kind?: string;
  url?: string;
  reliability?: string;
}

export function removeDocument(dir: string, id: string): { entry: SourceDocument; source: string } {
  const entry = existing(dir, id);
  refuseIfCited(dir, id, 'remove');
  const source = join(dir, 'sources', `${id}.txt`);
  change(dir, (before) => withoutDocument(before, id), { from: source, to: null });
  return { entry, source };
}

export function editDocument(
  dir: string,
  id: string,
  options: EditOptions,
): { before: SourceDocument; entry: SourceDocument } {
  const changes = Object.entries(options).filter(([, v]) => v !== undefined);
  if (changes.length === 0)
    throw new ImportError(
      'say what to change: --title, --author, --publisher, --date, --kind, --url, --reliability or --id',
    );
  if (options.date && !exactDate(options.date))
    throw new ImportError(`invalid --date "${options.date}": dates are YYYY, YYYY-MM or YYYY-MM-DD`);
  const before = existing(dir, id);
  const raw: Record<string, unknown> = { ...before };
  for (const [key, value] of changes) {
    if (value === '' && ['author', 'publisher', 'date'].includes(key)) raw[key] = null;
    else if (value === '' && key === 'url') delete raw.url;
    else raw[key] = value;
  }
  // Fields in the order documents.yaml gives them, with url where knowledge:add puts it.
  const { id: newId, title, author, publisher, date, kind, url, reliability, posts } = raw;
  const parsed = DocumentSchema.safeParse({ id: newId, title, author, publisher, date, kind, url, reliability, posts });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`invalid --${String(issue.path[0] ?? '')}: ${issue.message}`);
  }
  const entry = parsed.data;
  let move: { from: string; to: string } | undefined;
  if (entry.id !== id) {
    const to = join(dir, 'sources', `${entry.id}.txt`);
    if (existsSync(to) || loadPack(dir).documents.has(entry.id))
      throw new ImportError(`a document with id "${entry.id}" is already in the pack; choose another --id`);
    refuseIfCited(dir, id, 'rename');
    move = { from: join(dir, 'sources', `${id}.txt`), to };
  }
  change(dir, (text) => withDocumentReplaced(text, id, entry), move);
  return { before, entry };
}

/** The entry `id` as documents.yaml has it; the pack must load and hold it. */
function existing(dir: string, id: string): SourceDocument {
  if (!existsSync(join(dir, 'documents.yaml')))
    throw new ImportError(`${dir} has no documents.yaml: it is not a knowledge pack, or has no documents yet`);
  let documents: Map<string, SourceDocument>;
  try {
    documents = loadPack(dir).documents;
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    throw new ImportError(
      `the pack in ${dir} has ${e.problems.length} problem(s) already, first ${formatProblem(e.problems[0]!)}; see npm run knowledge:check`,
    );
  }
  const doc = documents.get(id);
  if (!doc) {
    const ids = [...documents.keys()];
    const some = ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, … (${ids.length} in all)` : '');
    throw new ImportError(
      `no document "${id}" in ${dir}${ids.length ? `; its documents are ${some}` : ' (it has none)'}`,
    );
  }
  const {
    text: _text,
    normalized: _normalized,
    ...entry
  } = doc as SourceDocument & { text?: string; normalized?: string };
  return JSON.parse(JSON.stringify(entry)) as SourceDocument;
}

/** Refuses when a curated fact cites the document, naming the first at file:line. */
function refuseIfCited(dir: string, id: string, verb: string): void {
  const factDir = join(dir, 'facts');
  if (!existsSync(factDir)) return;
  const citing: string[] = [];
  for (const name of readdirSync(factDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(join(factDir, name), 'utf8'), { lineCounter: lines });
    const facts = doc.get('facts', true);
    if (!isSeq(facts)) continue;
    for (const fact of facts.items) {
      if (!isMap(fact) || fact.getIn(['source', 'document']) !== id) continue;
      const node = fact.get('source', true) as { range?: [number, number, number] } | undefined;
      const at = node?.range?.[0] ?? fact.range?.[0] ?? 0;
      citing.push(`fact "${String(fact.get('id'))}" at facts/${name}:${lines.linePos(at).line}`);
    }
  }
  if (citing.length > 0)
    throw new ImportError(
      `cannot ${verb} "${id}": ${citing[0]} cites it${citing.length > 1 ? ` (and ${citing.length - 1} more fact(s))` : ''}; remove those facts or cite another document first`,
    );
}

/**
 * Writes the new documents.yaml and moves (or takes away) the source text, then loads the
 * pack: if it would not load, or a step fails, both are put back as they were.
 */
function change(dir: string, edit: (before: string) => string, move?: { from: string; to: string | null }): void {
  const listPath = join(dir, 'documents.yaml');
  const before = readFileSync(listPath, 'utf8');
  let list: string;
  try {
    list = edit(before);
  } catch (e) {
    throw new ImportError((e as Error).message);
  }
  const aside = `${listPath}.${process.pid}`;
  // A removed text is kept aside until the pack loads without it.
  const parked = move && (move.to ?? `${move.from}.${process.pid}.removed`);
  let moved = false;
  let wroteAside = false;
  let wroteList = false;
  try {
    if (move && parked) {
      renameSync(move.from, parked);
      moved = true;
    }
    writeFileSync(aside, list, { flag: 'wx' });
    wroteAside = true;
    renameSync(aside, listPath);
    wroteList = true;
    loadPack(dir);
    if (move && move.to === null) rmSync(parked!, { force: true });
  } catch (e) {
    if (wroteAside && !wroteList) rmSync(aside, { force: true });
    if (wroteList) {
      writeFileSync(aside, before);
      renameSync(aside, listPath);
    }
    if (moved) renameSync(parked!, move!.from);
    if (e instanceof PackError)
      throw new ImportError(`the pack would not load after it: ${formatProblem(e.problems[0]!)}`);
    throw new ImportError(`could not write to ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Adds an entry to a pack's documents.yaml without touching the rest of the file: its
 * comments, folded notes and flow-style posts stay byte for byte. The YAML Document API
 * finds where the list ends and renders the new entry in the list's indentation; the result
 * is parsed again to prove it holds exactly the old entries and the new one.
 *
 *   writeFileSync(path, withDocument(readFileSync(path, 'utf8'), entry));
 *   writeFileSync(path, withoutDocument(readFileSync(path, 'utf8'), 'old-id'));
 *   writeFileSync(path, withDocumentReplaced(readFileSync(path, 'utf8'), 'old-id', corrected));
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { SourceDocument } from '../schema.js';

const HEADER = '# One entry per source document. The text itself is sources/<id>.txt, kept unchanged.\n';

/** documents.yaml's text with `entry` appended to its list (a new file when `source` is null). */
export function withDocument(source: string | null, entry: SourceDocument): string {
  const lines = new LineCounter();
  const doc = source === null ? null : parseDocument(source, { lineCounter: lines });
  if (doc && doc.errors.length > 0)
    throw new Error(`documents.yaml is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const before = (doc?.toJS() as { documents?: unknown[] } | null)?.documents ?? [];
  const list = doc?.get('documents', true);
  let result: string;
  if (doc && isSeq(list) && list.items.length > 0 && !list.flow && list.range) {
    // Inserted after the last entry, in the column the entries use.
    const column = lines.linePos(list.range[0]).col - 1;
    const at = list.range[1];
    const head = source!.slice(0, at).replace(/\s*$/, '');
    const tail = source!.slice(at).replace(/^[ \t]*\n?/, '');
    result = `${head}\n\n${render(entry, column)}\n${tail}`;
  } else if (doc && doc.contents !== null) {
    // An empty or flow-style list: nothing of its layout to keep.
    doc.set('documents', doc.createNode([entry]));
    flowPosts((doc.get('documents') as { items: YAMLMap[] }).items[0]!);
    result = doc.toString({ lineWidth: 100 });
  } else {
    result = `${source ?? HEADER}documents:\n${render(entry, 2)}\n`;
  }
  const check = parseDocument(result).toJS() as { documents?: unknown[] };
  if (!isDeepStrictEqual(check.documents, [...before, JSON.parse(JSON.stringify(entry))])) {
    throw new Error('documents.yaml could not be extended without changing its other entries');
  }
  return result;
}

/** One list item, indented by `column` spaces; posts one flow mapping a line, as the pack writes them. */
function render(entry: SourceDocument, column: number): string {
  const doc = new Document([entry]);
  flowPosts((doc.contents as { items: YAMLMap[] }).items[0]!);
  const pad = ' '.repeat(column);
  return doc
    .toString({ lineWidth: 100 })
    .trimEnd()
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

function flowPosts(item: YAMLMap): void {
  const posts = item.get('posts', true);
  if (isSeq(posts)) for (const p of posts.items) if (isMap(p)) p.flow = true;
}

/**
 * documents.yaml's text without the entry `id`: its lines, and the comment lines right above
 * it, are cut out; every other byte stays. The last entry leaves `documents: []`.
 */
export function withoutDocument(source: string, id: string): string {
  const { doc, at, column, start, end } = locate(source, id);
  const before = (doc.toJS() as { documents: unknown[] }).documents;
  let result: string;
  if (before.length === 1) {
    const list = doc.get('documents', true) as { range: [number, number, number] };
    const head = source.slice(0, list.range[0]).replace(/[ \t]*\n?[ \t]*$/, '');
    result = `${head} []\n${source.slice(list.range[2]).replace(/^\n+/, '')}`;
  } else {
    // The comment lines just above the entry are about it, and go with it.
    let from = start;
    for (;;) {
      const prev = source.lastIndexOf('\n', from - 2) + 1;
      if (from === 0 || !new RegExp(`^ {${column}}#`).test(source.slice(prev, from))) break;
      from = prev;
    }
    const head = source.slice(0, from);
    let tail = source.slice(end);
    // The blank line that set the entry apart goes too.
    if (at === 0 || /\n\n$/.test(head)) tail = tail.replace(/^(?:[ \t]*\n)+/, '');
    result = tail === '' ? head.replace(/\n+$/, '\n') : head + tail;
  }
  check(
    result,
    doc,
    before.filter((_, i) => i !== at),
  );
  return result;
}

/** documents.yaml's text with the entry `id` written again as `entry`, where it was; every other byte stays. */
export function withDocumentReplaced(source: string, id: string, entry: SourceDocument): string {
  const { doc, at, column, start, end } = locate(source, id);
  const before = (doc.toJS() as { documents: unknown[] }).documents;
  // The entry's span ends after a line break (or at the end of a file without one).
  const result = `${source.slice(0, start)}${render(entry, column)}${source[end - 1] === '\n' ? '\n' : ''}${source.slice(end)}`;
  const after = [...before];
  after[at] = JSON.parse(JSON.stringify(entry));
  check(result, doc, after);
  return result;
}

/** Where the entry `id` is: its index, its column, and the span from its line's start to its end. */
function locate(source: string, id: string) {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines });
  if (doc.errors.length > 0)
    throw new Error(`documents.yaml is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const list = doc.get('documents', true);
  if (!isSeq(list) || list.flow) throw new Error('documents.yaml has no block list of documents to change');
  const at = list.items.findIndex((item) => isMap(item) && item.get('id') === id);
  const item = list.items[at] as YAMLMap | undefined;
  if (!item?.range) throw new Error(`documents.yaml has no entry "${id}"`);
  const start = source.lastIndexOf('\n', item.range[0] - 1) + 1;
  const column = lines.linePos(list.range![0]).col - 1;
  let end =
    source[item.range[2] - 1] === '\n' ? item.range[2] : source.indexOf('\n', item.range[2]) + 1 || source.length;
  // Blank lines after the entry are the list's layout, not the entry.
  while (/\n[ \t]*\n$/.test(source.slice(start, end))) end = source.lastIndexOf('\n', end - 2) + 1;
  return { doc, at, column, start, end };
}

function check(result: string, doc: Document.Parsed | Document, documents: unknown[]): void {
  const expected = { ...(doc.toJS() as object), documents };
  if (!isDeepStrictEqual(parseDocument(result).toJS(), expected))
    throw new Error('documents.yaml could not be changed without changing its other entries');
}

/**
 * Adds an entry to a pack's documents.yaml without touching the rest of the file: its
 * comments, folded notes and flow-style posts stay byte for byte. The YAML Document API
 * finds where the list ends and renders the new entry in the list's indentation; the result
 * is parsed again to prove it holds exactly the old entries and the new one.
 *
 *   writeFileSync(path, withDocument(readFileSync(path, 'utf8'), entry));
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

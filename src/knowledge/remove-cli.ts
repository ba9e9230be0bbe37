/**
 * `npm run knowledge:remove -- <id> [--pack DIR]`: takes a document out of a pack, its entry
 * in documents.yaml and its text in sources/. Refused, with one line and nothing changed,
 * when a curated fact cites it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { removeDocument } from './importing/change.js';
import { ImportError } from './importing/import-error.js';

const HELP = `Usage: npm run knowledge:remove -- <id> [--pack DIR]

Removes a document from a knowledge pack: its entry in documents.yaml and its text
sources/<id>.txt. A document that curated facts cite is not removed: the command names
the first such fact (file:line); remove those facts, or cite another document, first.
To correct a document's title, author, date or id instead, see npm run knowledge:edit.

Options:
  --pack DIR   the pack (default: $KNOWLEDGE_DIR or knowledge)
  -h, --help   this help
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { pack: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new ImportError(`give exactly one document id to remove (got ${positionals.length}); see --help`);
  const removed = removeDocument(resolve(values.pack ?? process.env.KNOWLEDGE_DIR ?? 'knowledge'), positionals[0]!);
  console.log(`removed "${removed.entry.id}": ${removed.entry.title}, and its text ${removed.source}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const known = e instanceof ImportError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(
      `knowledge:remove: ${known ? (e as Error).message : `unexpected error: ${(e as Error).message ?? e}`}`.split(
        '\n',
      )[0],
    );
    process.exit(1);
  },
);

/**
 * `npm run knowledge:edit -- <id> --title … [--author …] [--id NEW]`: corrects a document's
 * entry in documents.yaml (and renames its text when the id changes). Bad input gets one
 * line on stderr and exit code 1, and changes nothing.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { editDocument } from './importing/change.js';
import { ImportError } from './importing/import-error.js';

const HELP = `Usage: npm run knowledge:edit -- <id> [options]

Corrects a document's entry in documents.yaml: what knowledge:add read wrong, or a
reliability note once someone has read it. Only the fields given change; the rest of the
file stays as it was. An empty value ('') clears --author, --publisher, --date or --url.

Options:
  --pack DIR          the pack (default: $KNOWLEDGE_DIR or knowledge)
  --title TEXT        --author NAME   --publisher NAME   --url URL
  --date DATE         YYYY, YYYY-MM or YYYY-MM-DD
  --kind KIND         analysis | article | opinion | overview | report | forum thread
  --reliability TEXT  a note on the source's reliability and slant
  --id NEW            rename the document (and sources/<id>.txt); refused while curated facts cite it
  -h, --help          this help
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pack: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      publisher: { type: 'string' },
      date: { type: 'string' },
      kind: { type: 'string' },
      url: { type: 'string' },
      reliability: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new ImportError(`give exactly one document id to edit (got ${positionals.length}); see --help`);
  const { help: _help, pack, ...changes } = values;
  const dir = resolve(pack ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const { before, entry } = editDocument(dir, positionals[0]!, changes);
  const changed = (Object.keys(changes) as (keyof typeof entry)[]).map(
    (k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(entry[k] ?? null)}`,
  );
  console.log(`edited "${entry.id}": ${changed.join('; ')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const known = e instanceof ImportError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(
      `knowledge:edit: ${known ? (e as Error).message : `unexpected error: ${(e as Error).message ?? e}`}`.split(
        '\n',
      )[0],
    );
    process.exit(1);
  },
);

/**
 * `npm run knowledge:add -- <file> [options]`: adds a .txt, .md, .html or .pdf document to a
 * pack. Bad input gets one line on stderr and exit code 1, and changes nothing.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDocument } from './importing/add.js';
import { ImportError } from './importing/import-error.js';

const HELP = `Usage: npm run knowledge:add -- <file> [options]

Adds a document (.txt, .md, .html or .pdf) to a knowledge pack: its text goes to
sources/<id>.txt and its entry to documents.yaml. Title, author, date and publisher are
read from the file where it says them (HTML meta tags and byline, PDF information, a
markdown "# heading", a "By …" line, a dateline); an option below overrides what was read.

Options:
  --pack DIR          the pack (default: $KNOWLEDGE_DIR or knowledge)
  --id ID             the document's id (default: a slug of the file name)
  --title TEXT        --author NAME   --publisher NAME   --url URL
  --date DATE         YYYY, YYYY-MM or YYYY-MM-DD
  --kind KIND         analysis | article | opinion | overview | report | forum thread
                      (default: article; forum thread with --posts)
  --reliability TEXT  a note on the source's reliability and slant
  --posts REGEX       split a forum thread into posts: each match starts a post and
                      names its poster in a group "poster" (optional groups "n", "date"),
                      e.g. --posts '^\\s*(?<n>\\d+)\\. (?<poster>.+)$'
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
      posts: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new ImportError(`give exactly one file to add (got ${positionals.length}); see --help`);
  const { help: _help, pack, ...given } = values;
  const added = await addDocument(positionals[0]!, {
    ...given,
    pack: resolve(pack ?? process.env.KNOWLEDGE_DIR ?? 'knowledge'),
  });
  const e = added.entry;
  const by = [e.author, e.publisher, e.date].filter(Boolean).join(', ');
  console.log(
    `added "${e.id}": ${e.title}${by ? ` (${by})` : ''}, ${e.kind}${e.posts ? ` with ${e.posts.length} posts` : ''}`,
  );
  console.log(`  ${added.source}: ${added.passages} citable passage${added.passages === 1 ? '' : 's'}`);
  console.log(`  read from the file: ${added.read.join(', ') || 'nothing'}; check the entry in documents.yaml`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    // parseArgs says what was wrong with the options in one line, too.
    const known = e instanceof ImportError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(
      `knowledge:add: ${known ? (e as Error).message : `unexpected error: ${(e as Error).message ?? e}`}`.split(
        '\n',
      )[0],
    );
    process.exit(1);
  },
);

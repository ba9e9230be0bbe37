/**
 * knowledge:remove and knowledge:edit: a document taken out or corrected with every other
 * byte of documents.yaml as it was, a document that curated facts cite kept, and each bad
 * input refused with one line, exit code 1 and no change. Every fixture is made here.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDocument } from '../../src/knowledge/importing/add.js';
import { editDocument, removeDocument } from '../../src/knowledge/importing/change.js';
import { withDocumentReplaced, withoutDocument } from '../../src/knowledge/importing/documents-file.js';
import { loadPack } from '../../src/knowledge/load.js';
import type { SourceDocument } from '../../src/knowledge/schema.js';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';

const run = promisify(execFile);

let pack: PackCopy;
let files: string;
beforeEach(() => {
  pack = copyPack();
  files = mkdtempSync(join(tmpdir(), 'crosscheck-change-'));
});
afterEach(() => {
  pack.remove();
  rmSync(files, { recursive: true, force: true });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'base64');
  }
  return out;
}

const list = () => readFileSync(join(pack.dir, 'documents.yaml'), 'utf8');

/** Adds an uncited document to the pack copy, for removing and renaming. */
async function addBridge(): Promise<string> {
  const path = join(files, 'bridge.txt');
  writeFileSync(
    path,
    'The river bridge opens\n\nBy Ann Author\n\nThe bridge over the river was opened in 1999 at a cost of $5 million.\n',
  );
  await addDocument(path, { pack: pack.dir });
  return 'bridge';
}

const cli = async (script: string, ...args: string[]) => {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', `src/knowledge/${script}-cli.ts`, ...args], {
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('documents.yaml keeps its layout when an entry goes or changes', () => {
  const source = [
    '# head',
    'documents:',
    '  # about a',
    '  - id: a',
    '    title: A',
    '',
    '  # about b',
    '  - id: b',
    '    title: B',
    '    posts:',
    '      - { n: 1, poster: x, author: x, kind: claim, date: null, lines: "1-2" }',
    '',
    '  - id: c',
    '    title: C',
    '',
    '# tail',
    'other: 1',
    '',
  ].join('\n');

  it('cuts an entry out with the comment above it and one blank line, and nothing else', () => {
    expect(withoutDocument(source, 'b')).toBe(
      source.replace(
        '  # about b\n  - id: b\n    title: B\n    posts:\n      - { n: 1, poster: x, author: x, kind: claim, date: null, lines: "1-2" }\n\n',
        '',
      ),
    );
    expect(withoutDocument(source, 'a')).toBe(source.replace('  # about a\n  - id: a\n    title: A\n\n', ''));
    expect(withoutDocument(source, 'c')).toBe(source.replace('\n  - id: c\n    title: C\n', ''));
    expect(withoutDocument('documents:\n  - id: a\n    title: A\n# end\n', 'a')).toBe('documents: []\n# end\n');
  });

  it('writes a corrected entry where it was', () => {
    const entry: SourceDocument = {
      id: 'b2',
      title: 'B two',
      author: null,
      publisher: null,
      date: '2021',
      kind: 'article',
      reliability: 'r',
    };
    const result = withDocumentReplaced(source, 'b', entry);
    const [before, after] = source.split(/ {2}- id: b\n[\s\S]*?"1-2" \}\n/);
    expect(result.startsWith(`${before}  - id: b2\n    title: B two\n`)).toBe(true);
    expect(result.endsWith(`    reliability: r\n${after}`)).toBe(true);
  });

  it('refuses an id it does not hold', () => {
    expect(() => withoutDocument(source, 'z')).toThrow(/no entry "z"/);
  });
});

describe('knowledge:remove', () => {
  it('takes out the entry and the text, and the pack still loads', async () => {
    const before = list();
    const id = await addBridge();
    const { code, stdout, stderr } = await cli('remove', id, '--pack', pack.dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^removed "bridge": The river bridge opens, and its text .*sources\/bridge\.txt\n$/);
    expect(list()).toBe(before);
    expect(existsSync(join(pack.dir, 'sources', 'bridge.txt'))).toBe(false);
    expect(loadPack(pack.dir).documents.has('bridge')).toBe(false);
  });

  it('a write that fails half way puts the text back', async () => {
    const id = await addBridge();
    mkdirSync(join(pack.dir, `documents.yaml.${process.pid}`));
    const before = snapshot(pack.dir);
    expect(() => removeDocument(pack.dir, id)).toThrow(/^could not write to /);
    expect(snapshot(pack.dir)).toEqual(before);
  });
});

describe('knowledge:edit', () => {
  it('changes only the fields given; an empty value clears one', async () => {
    const before = list();
    const { code, stdout } = await cli(
      'edit',
      'doc1',
      '--title',
      'A corrected article',
      '--author',
      '',
      '--pack',
      pack.dir,
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      'edited "doc1": title: "A small article" → "A corrected article"; author: "Ann Author" → null\n',
    );
    expect(list()).toBe(
      before.replace('title: A small article\n    author: Ann Author', 'title: A corrected article\n    author: null'),
    );
    expect(loadPack(pack.dir).documents.get('doc1')).toMatchObject({ title: 'A corrected article', author: null });
  });

  it('renames a document that no fact cites, text and all', async () => {
    const id = await addBridge();
    const { entry } = editDocument(pack.dir, id, { id: 'river-bridge', date: '1999' });
    expect(entry).toMatchObject({ id: 'river-bridge', date: '1999', author: 'Ann Author' });
    expect(existsSync(join(pack.dir, 'sources', 'bridge.txt'))).toBe(false);
    const loaded = loadPack(pack.dir);
    expect(loaded.documents.get('river-bridge')?.text).toMatch(/^The river bridge opens/);
    expect(loaded.documents.has('bridge')).toBe(false);
  });
});

describe('knowledge:remove and knowledge:edit refuse bad input with one line, exit code 1, and no change', () => {
  const cases: [string, string, string[], RegExp][] = [
    [
      'removing a document a curated fact cites',
      'remove',
      ['thread1'],
      /^knowledge:remove: cannot remove "thread1": fact "[\w-]+" at facts\/bridge\.yaml:19 cites it;/,
    ],
    [
      'renaming a document curated facts cite',
      'edit',
      ['doc1', '--id', 'doc9'],
      /^knowledge:edit: cannot rename "doc1": fact "bridge-opened" at facts\/bridge\.yaml:5 cites it \(and 1 more fact\(s\)\)/,
    ],
    [
      'an unknown id',
      'remove',
      ['nope'],
      /^knowledge:remove: no document "nope" in .*; its documents are doc1, thread1$/,
    ],
    ['no id', 'remove', [], /^knowledge:remove: give exactly one document id/],
    ['nothing to change', 'edit', ['doc1'], /^knowledge:edit: say what to change/],
    ['an invalid date', 'edit', ['doc1', '--date', '2020-13'], /^knowledge:edit: invalid --date "2020-13"/],
    ['an unknown kind', 'edit', ['doc1', '--kind', 'essay'], /^knowledge:edit: invalid --kind/],
    ['a bad new id', 'edit', ['doc1', '--id', 'a b'], /^knowledge:edit: invalid --id/],
    [
      'an id already taken',
      'edit',
      ['doc1', '--id', 'thread1'],
      /^knowledge:edit: a document with id "thread1" is already/,
    ],
    ['an empty title', 'edit', ['doc1', '--title', ''], /^knowledge:edit: invalid --title/],
    ['an unknown option', 'edit', ['doc1', '--colour', 'red'], /^knowledge:edit: Unknown option '--colour'/],
  ];

  it.each(cases)('%s', async (_name, script, args, message) => {
    const before = snapshot(pack.dir);
    const { code, stdout, stderr } = await cli(script, ...args, '--pack', pack.dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(snapshot(pack.dir)).toEqual(before);
  });

  it('--help', async () => {
    expect((await cli('remove', '--help')).stdout).toMatch(/^Usage: npm run knowledge:remove -- <id>/);
    expect((await cli('edit', '--help')).stdout).toMatch(/^Usage: npm run knowledge:edit -- <id>/);
  });
});

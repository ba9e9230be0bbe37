/**
 * knowledge:add: each format read with what the file says about itself, the pack still
 * loading after each import, and each bad input refused with one line, exit code 1 and no
 * change to the pack. Every fixture is made here, PDFs included.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/knowledge/load.js';
import { cachePath } from '../../src/knowledge/parsed-cache.js';
import { addDocument, slug } from '../../src/knowledge/importing/add.js';
import { withDocument } from '../../src/knowledge/importing/documents-file.js';
import type { SourceDocument } from '../../src/knowledge/schema.js';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';

const run = promisify(execFile);

let pack: PackCopy;
let files: string;
beforeEach(() => {
  pack = copyPack();
  files = mkdtempSync(join(tmpdir(), 'crosscheck-import-'));
});
afterEach(() => {
  pack.remove();
  rmSync(files, { recursive: true, force: true });
});

const file = (name: string, content: string | Uint8Array) => {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
};

/** Every file of the pack and its bytes, to show an import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'base64');
  }
  return out;
}

const ARTICLE = [
  'The river bridge opens at last',
  'The bridge over the river was opened in 1999 at a cost of $5 million. It had been planned for a decade.',
  'Critics called it a vanity project that the town could not afford.',
  'Traffic on the bridge has doubled since it opened, according to the town council.',
];

async function textPdf(
  lines: string[],
  info: { title?: string; author?: string; date?: Date } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (info.title) pdf.setTitle(info.title);
  if (info.author) pdf.setAuthor(info.author);
  if (info.date) pdf.setCreationDate(info.date);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage();
  lines.forEach((line, i) => {
    page.drawText(line, { x: 40, y: 760 - i * 16, size: 10, font });
  });
  return pdf.save();
}

/** A page that is only a picture, as a scanner makes it: a grey PNG drawn over the page. */
async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(greyPng(8, 8));
  pdf.addPage().drawImage(image, { x: 0, y: 0, width: 600, height: 800 });
  return pdf.save();
}

function greyPng(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, ...Array(width).fill(128)])));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** After an import: the pack loads, and the document's passages are verbatim slices of its text. */
function expectImported(id: string) {
  const loaded = loadPack(pack.dir);
  const doc = loaded.documents.get(id)!;
  expect(doc, id).toBeDefined();
  const passages = loaded.passages.filter((p) => p.document === id);
  expect(passages.length).toBeGreaterThan(0);
  for (const p of passages) expect(p.text).toBe(doc.text.slice(p.start, p.end));
  return { doc, passages };
}

describe('knowledge:add reads each format', () => {
  it('plain text: title, byline and dateline from the header', async () => {
    const path = file(
      'Bridge Report (2021).txt',
      ['Bridge report for the river town', '', 'By Ann Author', 'Test Press, March 3, 2021', '', ...ARTICLE].join('\n'),
    );
    const added = await addDocument(path, { pack: pack.dir });
    expect(added.entry).toMatchObject({
      id: 'bridge-report-2021',
      title: 'Bridge report for the river town',
      author: 'Ann Author',
      publisher: 'Test Press',
      date: '2021-03-03',
      kind: 'article',
    });
    expect(added.read).toEqual(['title', 'author', 'publisher', 'date']);
    const { doc, passages } = expectImported('bridge-report-2021');
    expect(doc.text).toBe(`${readFileSync(path, 'utf8')}\n`);
    expect(passages.map((p) => p.text)).toContain('Critics called it a vanity project that the town could not afford.');
    expect(passages.every((p) => p.kind === 'report' && p.author === 'Ann Author')).toBe(true);
  });

  it('markdown: the # heading is the title, a linked byline the author; front matter wins', async () => {
    const plain = file(
      'bridge.md',
      ['# The river bridge opens', '', 'By [Ann Author](#)', '', ...ARTICLE.map((l) => `- ${l}`)].join('\n'),
    );
    expect((await addDocument(plain, { pack: pack.dir })).entry).toMatchObject({
      title: 'The river bridge opens',
      author: 'Ann Author',
      date: null,
    });
    expectImported('bridge');
    const front = file(
      'ferry.md',
      [
        '---',
        'title: The old ferry closes',
        'author: Bo Writer',
        'date: 2022-05-01',
        'url: https://example.org/ferry',
        '---',
        '# Ferry news',
        '',
        'The old ferry across the river will close next year after ninety years of service.',
      ].join('\n'),
    );
    const added = await addDocument(front, { pack: pack.dir });
    expect(added.entry).toMatchObject({
      title: 'The old ferry closes',
      author: 'Bo Writer',
      date: '2022-05-01',
      url: 'https://example.org/ferry',
    });
    expect(expectImported('ferry').doc.text.startsWith('# Ferry news')).toBe(true);
  });

  it('HTML: the article through Readability, with meta tags, and without menus and footer', async () => {
    const html = `<!doctype html><html><head><title>Bridge opens | Test Press</title>
      <meta property="og:title" content="The river bridge opens at last"><meta property="og:site_name" content="Test Press">
      <meta name="author" content="Ann Author"><meta property="article:published_time" content="2020-01-02T10:00:00Z">
      <link rel="canonical" href="https://example.org/bridge"></head>
      <body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">All the news sections</a></li></ul></nav>
      <article><h1>The river bridge opens at last</h1>${ARTICLE.map((l) => `<p>${l} ${l}</p>`).join('')}
      <h2>What comes next</h2><ul><li>A second bridge is planned further north by 2030.</li><li>The old ferry will close next year after ninety years.</li></ul></article>
      <footer><p>Subscribe to our newsletter for more news every single morning.</p></footer></body></html>`;
    const added = await addDocument(file('bridge.html', html), { pack: pack.dir });
    expect(added.entry).toMatchObject({
      title: 'The river bridge opens at last',
      author: 'Ann Author',
      publisher: 'Test Press',
      date: '2020-01-02',
      url: 'https://example.org/bridge',
    });
    const { doc, passages } = expectImported('bridge');
    expect(doc.text).not.toMatch(/Subscribe|All the news sections|<p>/);
    expect(passages.map((p) => p.text)).toContain('A second bridge is planned further north by 2030.');
  });

  it('PDF: the text of its pages with wrapped lines rejoined, and its information', async () => {
    const pdf = await textPdf(
      [
        'The river bridge over the wide valley was opened in 1999 at a cost of five',
        'million dollars, after ten years of planning and argument.',
        '',
        'Critics called it a vanity project that the town could not afford.',
      ],
      { title: 'Bridge report', author: 'Ann Author', date: new Date('2020-05-06T00:00:00Z') },
    );
    const added = await addDocument(file('report.pdf', pdf), { pack: pack.dir });
    expect(added.entry).toMatchObject({
      id: 'report',
      title: 'Bridge report',
      author: 'Ann Author',
      date: '2020-05-06',
    });
    const { passages } = expectImported('report');
    expect(passages.map((p) => p.text)).toContain(
      'The river bridge over the wide valley was opened in 1999 at a cost of five million dollars, after ten years of planning and argument.',
    );
  });

  it('a forum thread split into posts by a pattern, each with its poster', async () => {
    const thread = [
      'Is the river bridge worth it?',
      'Thread started by alice, 3 March 2021',
      '',
      '#1 alice wrote:',
      'The bridge cost far more than the council ever admitted to anyone.',
      'Likes Received: 4',
      '#2 bob wrote:',
      'The council published every figure of the bridge in its yearly report.',
      '',
    ].join('\n');
    const added = await addDocument(file('thread.txt', thread), {
      pack: pack.dir,
      posts: '^#(?<n>\\d+) (?<poster>\\S+) wrote:$',
    });
    expect(added.entry).toMatchObject({
      kind: 'forum thread',
      title: 'Is the river bridge worth it?',
      date: '2021-03-03',
      author: null,
    });
    expect(added.entry.posts).toEqual([
      { n: 1, poster: 'alice', author: 'alice', kind: 'claim', date: null, lines: '4-6' },
      { n: 2, poster: 'bob', author: 'bob', kind: 'claim', date: null, lines: '7-9' },
    ]);
    const { passages } = expectImported('thread');
    expect(passages.map((p) => [p.post, p.author, p.kind, p.text])).toEqual([
      [1, 'alice', 'forum_claim', 'The bridge cost far more than the council ever admitted to anyone.'],
      [2, 'bob', 'forum_claim', 'The council published every figure of the bridge in its yearly report.'],
    ]);
  });

  it('what the caller gives overrides what the file says', async () => {
    const path = file('note.txt', ['A note on the bridge', '', 'By Ann Author', '', ...ARTICLE].join('\n'));
    const added = await addDocument(path, {
      pack: pack.dir,
      id: 'bridge-note',
      author: 'Someone Else',
      kind: 'opinion',
      date: '2021',
    });
    expect(added.entry).toMatchObject({
      id: 'bridge-note',
      author: 'Someone Else',
      kind: 'opinion',
      date: '2021',
      title: 'A note on the bridge',
    });
    expect(added.read).toEqual(['title']);
    expect(
      expectImported('bridge-note').passages.every((p) => p.kind === 'opinion' && p.author === 'Someone Else'),
    ).toBe(true);
  });

  it('starts a new pack from a pack.yaml alone', async () => {
    const dir = join(files, 'new-pack');
    mkdirSync(dir);
    writeFileSync(join(dir, 'pack.yaml'), 'name: River towns\ncovers: the river bridge and the ferry\n');
    await addDocument(file('bridge.txt', ARTICLE.join('\n')), { pack: dir });
    const loaded = loadPack(dir);
    expect([...loaded.documents.keys()]).toEqual(['bridge']);
    expect(loaded.facts).toEqual([]);
    expect(loaded.passages.length).toBeGreaterThan(0);
    rmSync(cachePath(dir)!, { force: true });
  });

  it('starts a new pack whose lists are still empty ("documents:" with nothing under it)', async () => {
    const dir = join(files, 'empty-lists');
    mkdirSync(join(dir, 'facts'), { recursive: true });
    writeFileSync(join(dir, 'pack.yaml'), 'name: River towns\ncovers: the river bridge and the ferry\n');
    writeFileSync(join(dir, 'documents.yaml'), 'documents:\n');
    writeFileSync(join(dir, 'topics.yaml'), 'topics:\n');
    writeFileSync(join(dir, 'aliases.yaml'), 'aliases:\n');
    writeFileSync(join(dir, 'facts', 'none.yaml'), 'facts:\n');
    expect(loadPack(dir).documents.size).toBe(0);
    await addDocument(file('bridge.txt', ARTICLE.join('\n')), { pack: dir });
    const loaded = loadPack(dir);
    expect([...loaded.documents.keys()]).toEqual(['bridge']);
    expect(loaded.facts).toEqual([]);
    expect(loaded.topics.size).toBe(0);
    rmSync(cachePath(dir)!, { force: true });
  });

  it.each([
    ['a name and a publisher under the title', 'Jane Doe, Reuters', { author: 'Jane Doe', publisher: 'Reuters' }],
    [
      '"Written by", with a date after',
      'Written by Jane Doe | March 3, 2021',
      { author: 'Jane Doe', date: '2021-03-03' },
    ],
    ['"Author:"', 'Author: Jane Doe', { author: 'Jane Doe', publisher: null }],
    [
      '"Reported by" with a publisher',
      'Reported by Jane Doe, The Valley Times',
      { author: 'Jane Doe', publisher: 'The Valley Times' },
    ],
    ['"By" and two names', 'By Jane Doe and John Roe', { author: 'Jane Doe and John Roe' }],
  ])('plain text: a byline as %s', async (_name, byline, expected) => {
    const path = file('bridge.txt', ['The river bridge opens', byline, '', ...ARTICLE].join('\n'));
    expect((await addDocument(path, { pack: pack.dir })).entry).toMatchObject({
      title: 'The river bridge opens',
      ...expected,
    });
  });

  it('plain text: a sentence that starts "By" or a place and a country is no byline', async () => {
    const path = file(
      'bridge.txt',
      [
        'The river bridge opens',
        'By the end of the year the ferry will close.',
        'London, England',
        '',
        ...ARTICLE,
      ].join('\n'),
    );
    expect((await addDocument(path, { pack: pack.dir })).entry).toMatchObject({ author: null, publisher: null });
  });

  it('HTML: a byline with the publisher after the name', async () => {
    const html = `<html><head><title>Dam news</title></head><body><article><h1>Dam news</h1>
      <p class="byline">By Kim Lee, The Valley Times</p>${ARTICLE.map((l) => `<p>${l} ${l}</p>`).join('')}</article></body></html>`;
    expect((await addDocument(file('dam.html', html), { pack: pack.dir })).entry).toMatchObject({
      author: 'Kim Lee',
      publisher: 'The Valley Times',
    });
  });

  it('a text whose first line is a paragraph: its first sentence is the title, cut at a word, and said so', async () => {
    const paragraph =
      'The bridge over the river was opened in 1999 at a cost of five million dollars after a decade of planning and argument. Critics called it a vanity project.';
    const added = await addDocument(file('para.txt', `${paragraph}\n\n${ARTICLE.slice(1).join('\n')}`), {
      pack: pack.dir,
    });
    expect(added.entry.title).toBe('The bridge over the river was opened in 1999 at a cost of five million dollars…');
    expect(added.entry.title.length).toBeLessThanOrEqual(81);
    expect(added.read[0]).toMatch(/^title \(its first sentence/);
    const short = await addDocument(
      file(
        'short.txt',
        'The ferry closes next year after ninety years of service, the council said. It opened in 1931.\n',
      ),
      {
        pack: pack.dir,
      },
    );
    expect(short.entry.title).toBe('The ferry closes next year after ninety years of service, the council said');
  });

  it('a text with no sentence to title it: the file name, and said so', async () => {
    const added = await addDocument(file('ferry_timetable-2021.txt', '08:00\n09:30\nferry\n'), {
      pack: pack.dir,
    });
    expect(added.entry.title).toBe('ferry timetable 2021');
    expect(added.read[0]).toMatch(/^title \(the file name/);
  });

  it('makes ids from file names', () => {
    expect(slug('/x/My Article – Été (2019).HTML')).toBe('my-article-ete-2019');
  });
});

describe('documents.yaml keeps its layout', () => {
  const entry: SourceDocument = {
    id: 'new-doc',
    title: 'A: new document',
    author: null,
    publisher: null,
    date: '2020',
    kind: 'article',
    reliability: 'Not yet reviewed.',
  };

  it('appends after the last entry and leaves every other byte as it was', () => {
    const source = readFileSync('knowledge/documents.yaml', 'utf8');
    const result = withDocument(source, entry);
    expect(result.startsWith(source.trimEnd())).toBe(true);
    expect(result.slice(source.trimEnd().length)).toMatch(/^\n\n {2}- id: new-doc\n {4}title: "A: new document"\n/);
  });

  it('starts a list in a pack that has none', () => {
    expect(withDocument(null, entry)).toMatch(/^# .*\ndocuments:\n {2}- id: new-doc\n/);
    expect(withDocument('# mine\ndocuments: []\n', entry)).toMatch(/^# mine\ndocuments:\n {2}- id: new-doc/);
  });
});

describe('knowledge:add refuses bad input with one line, exit code 1, and no change', () => {
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/knowledge/add-cli.ts', ...args], {
        encoding: 'utf8',
      });
      return { code: 0, stdout, stderr: '' };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  const cases: [string, () => Promise<string[]>, RegExp][] = [
    ['an unreadable file', async () => [join(files, 'missing.txt')], /cannot read .*missing\.txt: ENOENT/],
    [
      'an unsupported type',
      async () => [file('notes.docx', 'The bridge opened in 1999 at a cost of $5 million.')],
      /unsupported file type "\.docx"/,
    ],
    ['an empty text', async () => [file('empty.txt', '\n  \n\n')], /empty\.txt has no text/],
    [
      'a scanned PDF with no text layer',
      async () => [file('scan.pdf', await scannedPdf())],
      /scan\.pdf has no text layer/,
    ],
    ['a file that is not a PDF', async () => [file('fake.pdf', 'not a pdf at all')], /fake\.pdf is not a readable PDF/],
    [
      'a duplicate id',
      async () => [file('doc1.txt', ARTICLE.join('\n'))],
      /a document with id "doc1" is already in the pack/,
    ],
    [
      'a duplicate text',
      async () => [file('copy.txt', readFileSync(join(pack.dir, 'sources', 'doc1.txt'), 'utf8'))],
      /same text as document "doc1"/,
    ],
    [
      'an invalid date',
      async () => [file('a.txt', ARTICLE.join('\n')), '--date', '2020-13'],
      /invalid --date "2020-13"/,
    ],
    ['an unknown kind', async () => [file('a.txt', ARTICLE.join('\n')), '--kind', 'essay'], /invalid --kind/],
    [
      'a posts pattern without a poster',
      async () => [file('a.txt', ARTICLE.join('\n')), '--posts', '^The'],
      /--posts needs a named group/,
    ],
    [
      'an unknown option',
      async () => [file('a.txt', ARTICLE.join('\n')), '--colour', 'red'],
      /Unknown option '--colour'/,
    ],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const before = snapshot(pack.dir);
    const { code, stdout, stderr } = await cli(...(await args()), '--pack', pack.dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(stderr).toMatch(/^knowledge:add: /);
    expect(snapshot(pack.dir)).toEqual(before);
  });

  it('a write that fails half way: the text already written is taken back', async () => {
    // documents.yaml is written aside first; a directory in that place makes the write fail after the text is in sources/.
    mkdirSync(join(pack.dir, `documents.yaml.${process.pid}`));
    const before = snapshot(pack.dir);
    await expect(addDocument(file('bridge.txt', ARTICLE.join('\n')), { pack: pack.dir })).rejects.toThrow(
      /^could not write to /,
    );
    expect(snapshot(pack.dir)).toEqual(before);
    expect(loadPack(pack.dir).documents.has('bridge')).toBe(false);
  });

  it('prints what it added, and --help', async () => {
    const added = await cli(
      file('bridge.txt', ['Bridge report for the river town', '', ...ARTICLE].join('\n')),
      '--pack',
      pack.dir,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^added "bridge": Bridge report for the river town, article\n {2}.*sources\/bridge\.txt: \d+ citable passages\n/,
    );
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run knowledge:add -- <file>/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { checkPack, loadPack, PackError } from '../../src/knowledge/load.js';
import { cachePath } from '../../src/knowledge/parsed-cache.js';
import { copyPack, MIN_PACK, type PackCopy } from '../helpers/pack-fixture.js';

let pack: PackCopy | undefined;
afterEach(() => pack?.remove());

/** Breaks the minimal pack in one way and returns the problems the validator reports. */
function breakWith(change: (p: PackCopy) => void) {
  pack = copyPack();
  change(pack);
  return checkPack(pack.dir);
}

describe('knowledge validation', () => {
  it('accepts the minimal pack', () => {
    expect(checkPack(MIN_PACK)).toEqual([]);
    expect(loadPack(MIN_PACK).facts.map((f) => f.id)).toEqual(['bridge-opened', 'bridge-vanity', 'bridge-never']);
  });

  const cases: [string, (p: PackCopy) => void, string, number, RegExp][] = [
    [
      'a quote that is not verbatim',
      (p) => p.edit('facts/bridge.yaml', 'was opened in 1999', 'was opened in 1998'),
      'facts/bridge.yaml',
      4,
      /quote is not verbatim in "doc1"/,
    ],
    [
      'an unknown document',
      (p) => p.edit('facts/bridge.yaml', '{ document: doc1 }', '{ document: doc9 }'),
      'facts/bridge.yaml',
      5,
      /unknown document "doc9"/,
    ],
    [
      'an unknown post',
      (p) => p.edit('facts/bridge.yaml', 'post: 1', 'post: 7'),
      'facts/bridge.yaml',
      19,
      /unknown post 7 of forum thread "thread1"/,
    ],
    [
      'a quote from the wrong post',
      (p) => p.edit('facts/bridge.yaml', 'post: 1', 'post: 2'),
      'facts/bridge.yaml',
      18,
      /not verbatim in post 2 of "thread1"/,
    ],
    [
      'a duplicate id',
      (p) => p.edit('facts/bridge.yaml', 'id: bridge-vanity', 'id: bridge-opened'),
      'facts/bridge.yaml',
      10,
      /duplicate fact id "bridge-opened"/,
    ],
    ['a missing field', (p) => p.edit('facts/bridge.yaml', '    kind: opinion\n', ''), 'facts/bridge.yaml', 10, /kind/],
    [
      'a position that names no facts',
      (p) => p.edit('topics.yaml', 'facts: [bridge-never]', 'facts: []'),
      'topics.yaml',
      9,
      /at least one fact/,
    ],
    [
      'a position naming an unknown fact',
      (p) => p.edit('topics.yaml', 'facts: [bridge-never]', 'facts: [no-such-fact]'),
      'topics.yaml',
      9,
      /unknown fact "no-such-fact"/,
    ],
    [
      'a fact pointing at an undefined topic',
      (p) => p.edit('facts/bridge.yaml', 'topic: bridge\n    tags', 'topic: tunnel\n    tags'),
      'facts/bridge.yaml',
      8,
      /undefined topic "tunnel"/,
    ],
    [
      'a quote over the length limit',
      (p) => p.edit('facts/bridge.yaml', 'quote: the bridge was never opened', `quote: "${'x'.repeat(301)}"`),
      'facts/bridge.yaml',
      18,
      /at most 300 characters/,
    ],
    [
      'a quote with a denylisted term',
      (p) => {
        p.edit('facts/bridge.yaml', 'quote: the bridge was never opened', 'quote: this badword is rude');
        p.edit('facts/bridge.yaml', 'post: 1', 'post: 2');
      },
      'facts/bridge.yaml',
      18,
      /denylisted term/,
    ],
    [
      'malformed YAML',
      (p) => p.edit('facts/bridge.yaml', '  - id: bridge-vanity', '  - id: [bridge-vanity'),
      'facts/bridge.yaml',
      11,
      /malformed YAML/,
    ],
  ];

  it.each(cases)('refuses %s with file:line and a plain message', (_name, change, file, line, message) => {
    const problems = breakWith(change);
    expect(problems.length).toBeGreaterThan(0);
    const problem = problems.find((p) => message.test(p.message));
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.file).toBe(file);
    expect(problem!.line).toBe(line);
  });

  it('treats curly quotes, dashes and whitespace as equal, and nothing else', () => {
    // The fixture's quote uses straight quotes and a hyphen where the document has curly ones and an em dash.
    expect(checkPack(MIN_PACK)).toEqual([]);
    const problems = breakWith((p) => p.edit('facts/bridge.yaml', 'too costly', 'too  costly!'));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/bridge-vanity" quote is not verbatim/)]);
  });

  it('accepts a pack of documents alone: pack.yaml, documents.yaml and sources/', () => {
    pack = copyPack();
    rmSync(`${pack.dir}/facts`, { recursive: true });
    rmSync(`${pack.dir}/topics.yaml`);
    expect(checkPack(pack.dir)).toEqual([]);
    const loaded = loadPack(pack.dir);
    expect(loaded.facts).toEqual([]);
    expect(loaded.topics.size).toBe(0);
    expect(new Set(loaded.passages.map((p) => p.document))).toEqual(new Set(['doc1', 'thread1']));
  });

  it('still refuses a documents-only pack with a broken entry, with file:line', () => {
    pack = copyPack();
    rmSync(`${pack.dir}/facts`, { recursive: true });
    rmSync(`${pack.dir}/topics.yaml`);
    pack.edit('documents.yaml', 'kind: analysis', 'kind: essay');
    expect(checkPack(pack.dir)).toEqual([{ file: 'documents.yaml', line: 7, message: expect.stringMatching(/kind/) }]);
  });

  it('names the missing topics.yaml when facts point at topics', () => {
    pack = copyPack();
    rmSync(`${pack.dir}/topics.yaml`);
    const problems = checkPack(pack.dir);
    expect(problems.length).toBe(3);
    expect(problems[0]).toEqual({
      file: 'facts/bridge.yaml',
      line: 8,
      message: 'fact "bridge-opened" points at undefined topic "bridge" (the pack has no topics.yaml)',
    });
  });

  it('refuses to load a broken pack at all', () => {
    pack = copyPack();
    pack.edit('facts/bridge.yaml', 'was opened in 1999', 'was opened in 2001');
    expect(() => loadPack(pack!.dir)).toThrow(PackError);
  });

  it('reads unchanged files back from the parsed cache, and parses an edited file again', () => {
    pack = copyPack();
    const fresh = loadPack(pack.dir);
    expect(loadPack(pack.dir)).toEqual(fresh);
    // Tamper with the cached parse (its hash still matches the file): the next load shows it was read.
    const cache = JSON.parse(readFileSync(cachePath(pack.dir)!, 'utf8'));
    cache['facts/bridge.yaml'].data.facts[0].statement = 'Read from the cache.';
    writeFileSync(cachePath(pack.dir)!, JSON.stringify(cache));
    expect(loadPack(pack.dir).facts[0]!.statement).toBe('Read from the cache.');
    // An edit changes the text, so the file is parsed (and validated) again.
    const original = readFileSync(`${pack.dir}/facts/bridge.yaml`, 'utf8');
    pack.edit('facts/bridge.yaml', 'id: bridge-vanity', 'id: bridge-opened');
    expect(checkPack(pack.dir)).toEqual([
      { file: 'facts/bridge.yaml', line: 10, message: 'duplicate fact id "bridge-opened"' },
    ]);
    pack.write('facts/bridge.yaml', original);
    expect(loadPack(pack.dir)).toEqual(fresh);
  });

  it('takes a file unchanged by size, time and inode from the cache unread, and reads it again once any changes', () => {
    pack = copyPack();
    const path = `${pack.dir}/facts/bridge.yaml`;
    const past = new Date(Date.now() - 3600_000);
    // Files changed in the last two seconds are never trusted by their time: dated an hour back.
    utimesSync(path, past, past);
    const fresh = loadPack(pack.dir);
    loadPack(pack.dir); // the first load after the cache was written by text records the file's stat
    const cache = JSON.parse(readFileSync(cachePath(pack.dir)!, 'utf8'));
    const stat = statSync(path);
    expect(cache['facts/bridge.yaml'].stat).toEqual([stat.size, stat.mtimeMs, stat.ino]);
    cache['facts/bridge.yaml'].data.facts[0].statement = 'Read from the cache.';
    writeFileSync(cachePath(pack.dir)!, JSON.stringify(cache));
    expect(loadPack(pack.dir).facts[0]!.statement).toBe('Read from the cache.');
    // Changed, to text of the same length, and dated back to another time: read and parsed again.
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('the bridge opened in 1999', 'the bridge opened in 1998'));
    utimesSync(path, past, new Date(past.getTime() - 1000));
    expect(statSync(path).size).toBe(cache['facts/bridge.yaml'].stat[0]);
    expect(loadPack(pack.dir).facts[0]!.statement).toBe(fresh.facts[0]!.statement.replace('1999', '1998'));
  });

  it('ignores a parsed cache it cannot read', () => {
    pack = copyPack();
    const fresh = loadPack(pack.dir);
    writeFileSync(cachePath(pack.dir)!, '{ not json');
    expect(loadPack(pack.dir)).toEqual(fresh);
  });

  it('knowledge:check exits non-zero with file:line lines for a broken pack', () => {
    pack = copyPack();
    pack.edit('facts/bridge.yaml', 'id: bridge-vanity', 'id: bridge-opened');
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'src/knowledge/check-cli.ts', pack.dir], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      output = err.stderr;
    }
    expect(status).toBe(1);
    expect(output).toMatch(/facts\/bridge\.yaml:10: duplicate fact id "bridge-opened"/);
  });
});

/**
 * The whole process (adapters/main.ts, spawned for real, in console mode): it keeps serving
 * after an unhandled rejection and an uncaught exception, and it refuses to start on a
 * broken knowledge pack with a file:line message per problem. There is no pack reload yet,
 * so "a broken reload keeps the last good pack" has nothing to test.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPack, type PackCopy } from '../helpers/pack-fixture.js';
import { cleanEnv, runEntry } from '../helpers/run.js';

const PRELOAD = pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'reject-preload.mjs')).href;

describe('an unhandled rejection in a running bot', () => {
  it('is logged, and the process keeps answering', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', PRELOAD, 'adapters/main.ts'], {
      env: cleanEnv(),
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Ask only once both faults have happened and been logged: the answer proves it survived them.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the faults were not logged:\n${stderr}`)), 20_000);
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/thrown on purpose/.test(stderr) && /rejected on purpose/.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.stdin.end('/ask when did russia lift the arms embargo\n');
    expect(await closed).toBe(0);

    const logged = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } });
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'unhandled rejection; still serving',
        err: expect.objectContaining({ message: 'hardening: rejected on purpose' }),
      }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'uncaught exception; still serving',
        err: expect.objectContaining({ message: 'hardening: thrown on purpose' }),
      }),
    );
    // A cited answer, given after the faults.
    expect(stdout).toMatch(/\[1\]/);
    expect(stdout).toMatch(/Sources\n\[1\] “/);
  }, 30_000);
});

describe('a broken knowledge pack at start-up', () => {
  const copies: PackCopy[] = [];
  afterAll(() => {
    for (const c of copies) c.remove();
  });

  /**
   * One way to break the minimal pack: the edit, the message the problem must carry, and
   * where it is reported relative to the edited line (the YAML parser notices an unclosed
   * flow sequence on the line after it).
   */
  const breaks: [string, string, string, string, RegExp, number][] = [
    ['malformed YAML', 'facts/bridge.yaml', '  - id: bridge-vanity', '  - id: [bridge-vanity', /malformed YAML/, 1],
    [
      'a fact pointing at a missing document',
      'facts/bridge.yaml',
      '{ document: doc1 }',
      '{ document: doc9 }',
      /unknown document "doc9"/,
      0,
    ],
    [
      'a duplicate id',
      'facts/bridge.yaml',
      'id: bridge-vanity',
      'id: bridge-opened',
      /duplicate fact id "bridge-opened"/,
      0,
    ],
    [
      'a quote that is not in its document',
      'facts/bridge.yaml',
      'was opened in 1999',
      'was opened in 1998',
      /quote is not verbatim/,
      0,
    ],
  ];

  it.each(breaks)(
    'refuses %s: exit code 1 and the file:line of the problem',
    async (_name, file, from, to, message, offset) => {
      const pack = copyPack();
      copies.push(pack);
      const before = readFileSync(join(pack.dir, file), 'utf8');
      const line = before.slice(0, before.indexOf(from)).split('\n').length + offset;
      pack.edit(file, from, to);

      const r = await runEntry('adapters/main.ts', [], { env: cleanEnv({ KNOWLEDGE_DIR: pack.dir }) });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((l) => l && !l.includes('npm warn'));
      expect(lines[0]).toBe(`knowledge: the pack in ${pack.dir} was refused:`);
      const problem = lines.find((l) => l.startsWith(`${file}:${line}: `));
      expect(problem, r.stderr).toMatch(message);
      // Plain lines, no stack trace.
      expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    },
  );
});

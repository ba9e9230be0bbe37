/**
 * scripts/build.mjs on a project of two files: it compiles once, skips the compiler when
 * nothing changed, and starts dist/ afresh when a file is removed, so nothing stale is loaded.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(): void {
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'adapters', 'commands'), { recursive: true });
  copyFileSync(join(ROOT, 'scripts', 'build.mjs'), join(dir, 'scripts', 'build.mjs'));
  copyFileSync(join(ROOT, 'tsconfig.build.json'), join(dir, 'tsconfig.build.json'));
  const base = {
    compilerOptions: { target: 'ES2022', module: 'NodeNext', outDir: 'dist', rootDir: '.', strict: true, types: [] },
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(base));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'package-lock.json'), '{}');
  writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'adapters', 'commands', 'gone.ts'), 'export const gone = 2;\n');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

const build = () => spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
const out = (file: string) => join(dir, 'dist', file);

describe('scripts/build.mjs', () => {
  it('builds, skips the compiler when nothing changed, and drops what a removed file compiled to', () => {
    project();
    expect(build().status).toBe(0);
    expect(existsSync(out('src/a.js'))).toBe(true);
    expect(existsSync(out('adapters/commands/gone.js'))).toBe(true);

    const built = statSync(out('src/a.js')).mtimeMs;
    expect(build().status).toBe(0);
    expect(statSync(out('src/a.js')).mtimeMs).toBe(built);

    rmSync(join(dir, 'adapters', 'commands', 'gone.ts'));
    expect(build().status).toBe(0);
    expect(existsSync(out('src/a.js'))).toBe(true);
    expect(existsSync(out('adapters/commands/gone.js'))).toBe(false);
  }, 60_000);

  it('fails as the compiler fails, and builds again once fixed', () => {
    writeFileSync(join(dir, 'src', 'a.ts'), 'export const a: number = "one";\n');
    const broken = build();
    expect(broken.status).not.toBe(0);
    expect(broken.stdout + broken.stderr).toMatch(/src\/a\.ts/);
    writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 3;\n');
    expect(build().status).toBe(0);
  }, 60_000);
});

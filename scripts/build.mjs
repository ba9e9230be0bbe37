/**
 * `npm run build` (and the first half of `npm start`): compiles src/ and adapters/ to dist/,
 * only when something changed. The sources' names, sizes and modification times are kept
 * in dist/.build-stamp; when they are all as they were, nothing runs (a start takes
 * milliseconds here, not the type checker's 20 seconds). An edit rebuilds incrementally
 * (tsc keeps its own build info); a file added or removed rebuilds dist/ from scratch, so a
 * deleted command cannot linger in dist/adapters/commands/ and still be loaded.
 *
 *   node scripts/build.mjs           # build if needed
 *   node scripts/build.mjs --force   # always build
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const USAGE =
  'usage: node scripts/build.mjs [--force]\n  Compiles src/ and adapters/ to dist/ when any of them changed since the last build.';

/** Everything the build depends on: the sources, and the settings that shape the output. */
function inputs() {
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
  for (const dir of ['src', 'adapters']) {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) files.push(relative(ROOT, join(e.parentPath, e.name)));
    }
  }
  return files.sort();
}

function fingerprint(files) {
  return files
    .map((f) => {
      const s = statSync(join(ROOT, f));
      return `${f}\t${s.size}\t${s.mtimeMs}`;
    })
    .join('\n');
}

function main() {
  const { values } = parseArgs({ options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const files = inputs();
  const now = fingerprint(files);
  const before = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : null;
  if (!values.force && before === now) return;
  // A file added or removed: start from an empty dist/, so nothing stale is left in it.
  const listed = (stamp) =>
    stamp
      ?.split('\n')
      .map((l) => l.split('\t')[0])
      .join('\n');
  if (values.force || listed(before) !== files.join('\n')) rmSync(DIST, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(STAMP, now);
}

main();

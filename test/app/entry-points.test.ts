/** Every entry point answers --help, refuses an unknown option plainly, and the CLI ends quietly on a closed pipe. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runEntry } from '../helpers/run.js';

const ENTRIES = [
  'adapters/main.ts',
  'adapters/cli/main.ts',
  'adapters/discord/deploy.ts',
  'adapters/discord/shard-process.ts',
  'adapters/slack/manifest-cli.ts',
  'src/knowledge/check-cli.ts',
  'src/moderation/export-cli.ts',
  'scripts/readme-commands.ts',
  'bench/run.ts',
  'bench/load.ts',
  'bench/million.ts',
];

describe('entry points', () => {
  it('print their usage for --help and exit 0 without doing their work', async () => {
    const env = cleanEnv({ DOTENV_CONFIG_PATH: '/nonexistent/.env' });
    // Three at a time: ten processes at once would starve the tests running beside this one.
    const runs = [];
    for (let i = 0; i < ENTRIES.length; i += 3) {
      runs.push(...(await Promise.all(ENTRIES.slice(i, i + 3).map((entry) => runEntry(entry, ['--help'], { env })))));
    }
    runs.forEach((r, i) => {
      expect({ entry: ENTRIES[i], code: r.code, stderr: r.stderr }).toEqual({ entry: ENTRIES[i], code: 0, stderr: '' });
      expect(r.stdout, ENTRIES[i]).toMatch(/^usage: /);
    });
  }, 60_000);

  it('refuse an option they do not know, with the usage, exit code 2', async () => {
    const runs = await Promise.all(
      ['adapters/cli/main.ts', 'bench/run.ts'].map((entry) => runEntry(entry, ['--frobnicate'], { env: cleanEnv() })),
    );
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Unknown option '--frobnicate'[\s\S]*usage: /);
    }
  });

  it('the CLI stops quietly when the reader closes the pipe (`cli facts | head -1`)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', 'facts'], {
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Like head -1: read the first chunk, then close the pipe.
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first.length).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

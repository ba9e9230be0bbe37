/**
 * README's command table, made from the registry (adapters/commands) in the words of the
 * knowledge pack in knowledge/. `npm run docs:commands` writes it between the markers in
 * README.md; test/scripts/readme-commands.test.ts fails when README is stale.
 *
 *   npm run docs:commands            # rewrite the table in README.md
 *   npm run docs:commands -- --check # exit 1 if README.md's table is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandSpec, type Registry, type Surface, worded } from '../adapters/pipeline/command.js';
import { loadRegistry } from '../adapters/pipeline/registry.js';
import { type PackWords, packWords } from '../adapters/pipeline/words.js';
import { readArgs } from '../src/entry-point.js';
import { Engine } from '../src/core/engine.js';

export const README = join(import.meta.dirname, '..', 'README.md');
export const START = '<!-- commands: made by npm run docs:commands from adapters/commands; edit those, not this -->';
export const END = '<!-- end of commands -->';

const WHERE: Record<Surface, string> = { discord: 'Discord', slack: 'Slack', console: 'console', cli: 'CLI' };
const AUDIENCE = { everyone: '', 'moderators-first': ' (shown to moderators)', moderators: ' (moderators)' } as const;

function row(c: CommandSpec, words: PackWords): string {
  const name =
    c.kind === 'message' ? `**${c.name}** on a message` : `\`${[`/${c.name}`, c.usage].filter(Boolean).join(' ')}\``;
  const where = c.surfaces.map((s) => WHERE[s]).join(', ') + AUDIENCE[c.audience ?? 'everyone'];
  const what = [worded(c.description, words), c.details].filter(Boolean).join(': ');
  return `| ${[name, where, what].map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

export function commandTable(registry: Registry, words: PackWords): string {
  return ['| command | where | what it does |', '|---|---|---|', ...registry.commands.map((c) => row(c, words))].join(
    '\n',
  );
}

/** README's text with the table between the markers replaced. */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${START}" … "${END}" markers`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

export async function currentTable(): Promise<string> {
  return commandTable(await loadRegistry(), packWords(Engine.fromDir(join(import.meta.dirname, '..', 'knowledge'))));
}

async function main(): Promise<void> {
  const usage = 'usage: npm run docs:commands [-- --check]\n  Writes README.md’s command table from adapters/commands.';
  const { values } = readArgs('docs:commands', usage, { check: { type: 'boolean' } });
  const readme = readFileSync(README, 'utf8');
  const updated = withTable(readme, await currentTable());
  if (values.check) {
    if (updated !== readme) {
      process.stderr.write('README.md’s command table is stale: run npm run docs:commands\n');
      process.exit(1);
    }
    return;
  }
  writeFileSync(README, updated);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((e: unknown) => {
    process.stderr.write(`docs:commands: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

/** README's command table is the registry's: a command added or changed without `npm run docs:commands` fails here. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../adapters/pipeline/registry.js';
import { currentTable, README, withTable } from '../../scripts/readme-commands.js';

describe('README’s command table', () => {
  it('matches the registry, one row per command, in the pack’s words', async () => {
    const readme = readFileSync(README, 'utf8');
    const table = await currentTable();
    expect(withTable(readme, table), 'README.md is stale: run npm run docs:commands').toBe(readme);
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength((await loadRegistry()).commands.length);
  });
});

/**
 * Finds the command declarations in adapters/commands/, one file per command, and checks
 * each one's shape. Adding a command is adding a file there.
 *
 *   const registry = await loadRegistry();
 *   registry.on('slack');   // the commands Slack offers, in file order
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCommandModule, Registry } from './command.js';

export const COMMANDS_DIR = join(import.meta.dirname, '..', 'commands');

/** Every command, in file order. Runs from source (.ts, under tsx or vitest) and from dist (.js). */
export async function loadRegistry(dir = COMMANDS_DIR): Promise<Registry> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const commands = await Promise.all(
    files.map(async (file) => parseCommandModule(await import(pathToFileURL(join(dir, file)).href), file)),
  );
  return new Registry(commands);
}

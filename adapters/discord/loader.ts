/**
 * Finds the command modules in commands/ and checks each one's shape. One file per command;
 * adding a command is adding a file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../../src/core/engine.js';
import { parseCommandModule, type Command, type CommandData } from './command.js';

export const COMMANDS_DIR = join(import.meta.dirname, 'commands');

/** The commands by name, in file order. Runs from source (.ts, under tsx or vitest) and from dist (.js). */
export async function loadCommands(engine: Engine, dir = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const command = parseCommandModule(await import(pathToFileURL(join(dir, file)).href), file, engine);
    if (commands.has(command.data.name)) throw new Error(`${file}: a second command named "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  return commands;
}

/** The definitions Discord registers: the one source of truth for the bot and `discord:deploy`. */
export function definitionsOf(commands: Map<string, Command>): CommandData[] {
  return [...commands.values()].map((c) => c.data);
}

/**
 * What every entry point (npm start, the CLI, the bench, the tools) does first: read its
 * arguments with Node's util.parseArgs, and load the knowledge pack. Each answers --help
 * with its usage and exit code 0; an argument it does not know stops it with the problem
 * and the usage (exit code 2), and a refused pack with one file:line per problem (exit 1).
 *
 *   const { values, positionals } = readArgs('bench', USAGE, { quick: { type: 'boolean', default: false } });
 *   const engine = loadEngineOrExit(config.knowledgeDir);
 */
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { Engine } from './core/engine.js';
import { formatProblem, PackError } from './knowledge/load.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readArgs<O extends Options, P extends boolean = false>(
  name: string,
  usage: string,
  options: O,
  allowPositionals?: P,
  args: string[] = process.argv.slice(2),
) {
  const config = { args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals } as const;
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: P }>>;
  try {
    parsed = parseArgs(config) as typeof parsed;
  } catch (e) {
    process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n${usage}\n`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}

/** The engine over the pack in `dir`; a refused pack ends the process with every problem, file:line. */
export function loadEngineOrExit(dir: string): Engine {
  try {
    return Engine.fromDir(resolve(dir));
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    process.stderr.write(
      `${[`knowledge: the pack in ${dir} was refused:`, ...e.problems.map(formatProblem)].join('\n')}\n`,
    );
    process.exit(1);
  }
}

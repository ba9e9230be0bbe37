/**
 * The arguments of an entry point (npm start, the CLI, the bench, the tools), read with
 * Node's util.parseArgs. Every entry point answers --help with its usage and exit code 0;
 * an argument it does not know stops it with the problem and the usage, exit code 2.
 *
 *   const { values, positionals } = readArgs('bench', USAGE, { quick: { type: 'boolean', default: false } });
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

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

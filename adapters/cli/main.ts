/**
 * The command line: the chat commands offered on the CLI (adapters/commands), through the
 * same pipeline as chat, and the tools `fact <id>`, `facts` and `report`. Readable and
 * coloured on a terminal; `--json` prints one JSON object per input line; `--render
 * discord|slack` prints the exact chat payload. A command that takes a question or claim
 * reads one per line from stdin when none is given. Only the command's output goes to
 * stdout; logs go to stderr; a closed pipe (`… | head`) ends it quietly.
 *
 *   npm run cli -- ask "who built the bridge"
 *   npm run --silent cli -- ask --json < questions.txt
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadEngineOrExit, readArgs } from '../../src/entry-point.js';
import { Engine } from '../../src/core/engine.js';
import { renderConsole } from '../console/render.js';
import { type CommandSpec, worded } from '../pipeline/command.js';
import { loadRegistry } from '../pipeline/registry.js';
import { asMessage, type MessageReply } from '../pipeline/reply.js';
import { createPipeline, serve } from '../pipeline/serve.js';
import { type PackWords, packWords } from '../pipeline/words.js';
import { answerJson, factJson, verdictJson } from './json.js';
import { RENDERERS } from './renderers.js';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  render: { type: 'string' },
  knowledge: { type: 'string', default: process.env.KNOWLEDGE_DIR || 'knowledge' },
  days: { type: 'string', default: '7' },
  tenant: { type: 'string' },
} as const;

/** --knowledge, read before the arguments are checked, so that even the usage is in the pack's words. */
function knowledgeDir(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--knowledge' || a.startsWith('--knowledge='));
  if (i < 0) return OPTIONS.knowledge.default;
  return argv[i]!.includes('=') ? argv[i]!.slice('--knowledge='.length) : (argv[i + 1] ?? OPTIONS.knowledge.default);
}

/** The tools that are not chat commands. */
const TOOLS = [
  ['fact <id>', 'show one fact'],
  ['facts', 'list every fact'],
  ['report', "one community's report from the store (--tenant discord:<guild>|slack:<team>, --days N, default 7)"],
] as const;

function usage(commands: CommandSpec[], words: PackWords): string {
  const rows: [string, string][] = [
    ...commands.map((c): [string, string] => [
      [c.name, c.usage].filter(Boolean).join(' '),
      worded(c.description, words) + (reads(c) ? ' (one per line from stdin when none is given)' : ''),
    ]),
    ...TOOLS.map(([a, b]): [string, string] => [a, b]),
  ];
  const width = Math.max(...rows.map(([a]) => a.length));
  return [
    'usage: npm run cli -- <command> [options] [text]',
    ...rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`),
    'options: --json (one JSON object per line)  --render discord|slack (print the chat payload)',
    '         --knowledge <dir> (default: $KNOWLEDGE_DIR or knowledge)  --help',
  ].join('\n');
}

/** A command whose text is required reads it from stdin, one per line, when none is given. */
const reads = (c: CommandSpec) => c.options?.some((o) => o.name === c.textOption && o.required) === true;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function* inputs(text: string | null): AsyncGenerator<string> {
  if (text !== null) {
    yield text;
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) yield line;
}

/** The JSON contract of a reply: fixed keys for answers and verdicts, the one value of any other kind. */
function jsonOf(reply: MessageReply): unknown {
  if (reply.kind === 'answer') return answerJson(reply.answer);
  if (reply.kind === 'verdict') return verdictJson(reply.verdict);
  if (reply.kind === 'verdicts') return reply.verdicts.map(verdictJson);
  const { kind, ...rest } = reply;
  const values = Object.values(rest);
  return values.length === 1 && kind !== 'notice' ? values[0] : reply;
}

async function main(): Promise<void> {
  // `… | head` closes the pipe early: stop there, without a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const registry = await loadRegistry();
  const commands = registry.on('cli');
  // The usage is worded with the pack's subject when the pack loads, and still shown when it does not.
  let loaded: Engine | undefined;
  try {
    loaded = Engine.fromDir(resolve(knowledgeDir(process.argv.slice(2))));
  } catch {}
  const helpWords: PackWords = loaded ? packWords(loaded) : { subject: 'what the knowledge pack covers' };
  const parsed = readArgs('cli', usage(commands, helpWords), OPTIONS, true);
  const o = parsed.values;
  const [command = '', ...words] = parsed.positionals;
  const text = words.length ? words.join(' ') : null;
  if (!command || command === 'help') {
    process.stdout.write(`${usage(commands, helpWords)}\n`);
    return;
  }
  if (o.render !== undefined && !RENDERERS[o.render]) {
    fail(`cli: --render takes ${Object.keys(RENDERERS).join(' or ')}, not "${o.render}"`);
  }
  const engine = loaded ?? loadEngineOrExit(o.knowledge);
  const color = !o.json && o.render === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const print = (value: unknown) =>
    process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  const show = (reply: MessageReply) => {
    if (o.render !== undefined) print(RENDERERS[o.render]!(reply));
    else if (o.json) print(jsonOf(reply));
    else print(`${renderConsole(reply, { color })}\n`);
  };

  const spec = registry.find(command, 'cli');
  if (spec) {
    const pipeline = createPipeline({ engine, registry, platform: 'cli' });
    for await (const line of reads(spec) ? inputs(text) : [text ?? '']) {
      show(asMessage((await serve(pipeline, { command: spec.name, text: line })).reply!));
    }
    return;
  }
  switch (command) {
    case 'fact': {
      const sample = engine.facts()[0]?.fact ?? 'a-fact-id';
      const id = text ?? fail(`cli: fact needs an id, e.g. npm run cli -- fact ${sample}`);
      const c = engine.fact(id) ?? fail(`cli: no fact "${id}"`);
      if (o.json) print(factJson(c, engine.pack.facts.find((f) => f.id === id)?.date ?? null));
      else {
        const where = `${c.source.title}${c.source.post ? `, post ${c.source.post}` : ''}, ${c.source.date ?? 'undated'}`;
        print(
          `${c.statement}\n  “${c.quote}”\n  — ${c.source.author ?? 'unknown'}, ${where} [${c.kind}, topic ${c.topic}]`,
        );
      }
      return;
    }
    case 'facts': {
      const dates = new Map(engine.pack.facts.map((f) => [f.id, f.date ?? null]));
      for (const c of engine.facts())
        print(o.json ? factJson(c, dates.get(c.fact) ?? null) : `${c.fact}: ${c.statement}`);
      return;
    }
    case 'report': {
      const days = Number(o.days);
      if (!Number.isInteger(days) || days < 1) fail('cli: --days takes a whole number of days, e.g. --days 7');
      // Each community's records are its own: the report is always of one.
      if (!o.tenant) fail('cli: report needs --tenant, e.g. --tenant discord:<guild id> or --tenant slack:<team id>');
      await import('dotenv/config');
      const { loadConfig } = await import('../../src/config.js');
      const { openStore } = await import('../../src/store/index.js');
      const { report, formatReport } = await import('../../src/moderation/index.js');
      // A read: the bot prunes, the report does not.
      const store = await openStore({ ...loadConfig().store, retentionDays: 0 });
      try {
        const r = await report(store, o.tenant, days, {
          statementOf: (id) => engine.fact(id)?.statement,
          mask: (t) => engine.safeEcho(t),
          found: engine.found,
        });
        print(o.json ? r : formatReport(r));
      } finally {
        await store.close();
      }
      return;
    }
    default:
      fail(`cli: unknown command "${command}"\n${usage(commands, packWords(engine))}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`cli: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

/**
 * The command line: `ask`, `check`, `sources`, `fact <id>`, `facts`, `report`. Readable and coloured
 * on a terminal; `--json` prints one JSON object per input line; `--render discord|slack`
 * prints the exact chat payload. With no text argument, one input per line is read from
 * stdin. Only the command's output goes to stdout; logs go to stderr.
 *
 *   npm run cli -- ask "when did russia lift the arms embargo"
 *   npm run --silent cli -- ask --json < questions.txt
 */
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { Engine } from '../../src/core/engine.js';
import { PackError, formatProblem } from '../../src/knowledge/load.js';
import { renderConsole } from '../console/render.js';
import { handleRequest, type Reply } from '../shared/requests.js';
import { answerJson, factJson, verdictJson } from './json.js';
import { RENDERERS } from './renderers.js';

const USAGE = `usage: npm run cli -- <command> [options] [text]
  ask [text]        answer a question (reads one per line from stdin without text)
  check [text]      check a claim (likewise)
  sources           list the source documents
  fact <id>         show one fact
  facts             list every fact
  report            the moderators' report from the store (--days N, default 7)
options: --json (one JSON object per line)  --render discord|slack (print the chat payload)
         --knowledge <dir> (default: $KNOWLEDGE_DIR or knowledge)`;

interface Options {
  command: string;
  text: string | null;
  json: boolean;
  render: string | null;
  knowledge: string;
  days: number;
}

function parseArgs(argv: string[]): Options {
  const rest: string[] = [];
  const o: Options = {
    command: '',
    text: null,
    json: false,
    render: null,
    knowledge: process.env.KNOWLEDGE_DIR || 'knowledge',
    days: 7,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--render') o.render = argv[++i] ?? '';
    else if (a === '--knowledge') o.knowledge = argv[++i] ?? o.knowledge;
    else if (a === '--days') o.days = Number(argv[++i]);
    else rest.push(a);
  }
  o.command = rest.shift() ?? '';
  o.text = rest.length ? rest.join(' ') : null;
  return o;
}

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

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (!o.command || o.command === 'help' || o.command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (o.render !== null && !RENDERERS[o.render])
    fail(`cli: --render takes ${Object.keys(RENDERERS).join(' or ')}, not "${o.render}"`);

  let engine: Engine;
  try {
    engine = Engine.fromDir(resolve(o.knowledge));
  } catch (e) {
    if (e instanceof PackError)
      fail(`cli: the knowledge pack was refused:\n${e.problems.map(formatProblem).join('\n')}`);
    throw e;
  }
  const color = !o.json && o.render === null && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const print = (value: unknown) =>
    process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  const show = (reply: Reply, json: () => unknown) => {
    if (o.render !== null) print(RENDERERS[o.render]!(reply));
    else if (o.json) print(json());
    else print(`${renderConsole(reply, { color })}\n`);
  };

  switch (o.command) {
    case 'ask':
      for await (const q of inputs(o.text)) {
        const answer = engine.ask(q);
        show({ kind: 'answer', answer }, () => answerJson(answer));
      }
      return;
    case 'check':
      for await (const c of inputs(o.text)) {
        const verdict = engine.check(c);
        show({ kind: 'verdict', verdict }, () => verdictJson(verdict));
      }
      return;
    case 'sources': {
      const reply = handleRequest(engine, { command: 'sources', text: o.text ?? '' });
      show(reply, () => (reply.kind === 'sources' ? reply.sources : reply.kind === 'source' ? reply.source : reply));
      return;
    }
    case 'fact': {
      const id = o.text ?? fail('cli: fact needs an id, e.g. npm run cli -- fact rafiq-su35-talks');
      const c = engine.fact(id) ?? fail(`cli: no fact "${id}"`);
      if (o.json) print(factJson(c, engine.pack.facts.find((f) => f.id === id)?.date ?? null));
      else
        print(
          `${c.statement}\n  “${c.quote}”\n  — ${c.source.author ?? 'unknown'}, ${c.source.title}${c.source.post ? `, post ${c.source.post}` : ''}, ${c.source.date ?? 'undated'} [${c.kind}, topic ${c.topic}]`,
        );
      return;
    }
    case 'facts': {
      const dates = new Map(engine.pack.facts.map((f) => [f.id, f.date ?? null]));
      for (const c of engine.facts()) {
        if (o.json) print(factJson(c, dates.get(c.fact) ?? null));
        else print(`${c.fact}: ${c.statement}`);
      }
      return;
    }
    case 'report': {
      if (!Number.isInteger(o.days) || o.days < 1) fail('cli: --days takes a whole number of days, e.g. --days 7');
      await import('dotenv/config');
      const { loadConfig } = await import('../../src/config.js');
      const { openStore } = await import('../../src/store/index.js');
      const { report, formatReport } = await import('../../src/moderation/index.js');
      // A read: the bot prunes, the report does not.
      const store = await openStore({ ...loadConfig().store, retentionDays: 0 });
      try {
        const r = await report(store, o.days, {
          statementOf: (id) => engine.fact(id)?.statement,
          mask: (t) => engine.safeEcho(t),
        });
        print(o.json ? r : formatReport(r));
      } finally {
        await store.close();
      }
      return;
    }
    default:
      fail(`cli: unknown command "${o.command}"\n${USAGE}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`cli: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

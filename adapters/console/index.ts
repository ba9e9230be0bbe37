/**
 * The console adapter: the chat commands (/ask, /check, /sources, /help) in a terminal,
 * so a newcomer sees answers without a Discord or Slack account. Interactive on a TTY;
 * with piped input it answers one command per line and ends at end of input.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import { renderConsole } from './render.js';
import { cutEnd } from '../shared/cut.js';
import { handleRequest, parseLine, SOMETHING_WENT_WRONG, type Reply } from '../shared/requests.js';

export interface ConsoleOptions {
  engine: Engine;
  logger: Logger;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  color?: boolean;
}

export interface RunningConsole {
  /** Resolves when input ends. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export function startConsole(options: ConsoleOptions): RunningConsole {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = (input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true;
  const color = options.color ?? (interactive && !process.env.NO_COLOR);
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  const write = (text: string) => output.write(`${text}\n`);

  const answer = (line: string): void => {
    if (!line.trim()) return;
    const parsed = parseLine(line);
    let reply: Reply;
    if ('unknown' in parsed) {
      // The name is user text: masked like any echo, and cut where no word fragment is left.
      reply = {
        kind: 'notice',
        text: `Unknown command /${cutEnd(options.engine.safeEcho(parsed.unknown), 40)}. Try /help.`,
      };
    } else {
      try {
        reply = handleRequest(options.engine, parsed);
      } catch (error) {
        options.logger.error({ err: error, platform: 'console' }, 'console request failed');
        reply = { kind: 'notice', text: SOMETHING_WENT_WRONG };
      }
    }
    write(`${renderConsole(reply, { color })}\n`);
  };

  const done = new Promise<void>((resolve) => {
    rl.on('line', (line) => {
      answer(line);
      if (interactive) rl.prompt();
    });
    rl.on('close', resolve);
  });
  if (interactive) {
    write('Type a question, or /help. Ctrl+D to quit.');
    rl.setPrompt('crosscheck> ');
    rl.prompt();
  }
  return {
    done,
    async stop() {
      rl.close();
      await done;
    },
  };
}

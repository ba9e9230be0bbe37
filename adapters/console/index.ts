/**
 * The console adapter: the chat commands in a terminal, so a newcomer sees answers without
 * a Discord or Slack account. Interactive on a TTY; with piped input it answers one line
 * at a time, in order, and ends at end of input. Each line goes through the pipeline like
 * any chat message: "/check …" is a command, anything else a question.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/log.js';
import type { Registry } from '../pipeline/command.js';
import { readLine } from '../pipeline/lines.js';
import { asMessage, type MessageReply, notice } from '../pipeline/reply.js';
import { loadRegistry } from '../pipeline/registry.js';
import { createPipeline, serve } from '../pipeline/serve.js';
import { SOMETHING_WENT_WRONG } from '../pipeline/texts.js';
import { renderConsole } from './render.js';

export interface ConsoleOptions {
  engine: Engine;
  logger: Logger;
  registry?: Registry;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  color?: boolean;
}

export interface RunningConsole {
  /** Resolves when input ends and every line is answered. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = (input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true;
  const color = options.color ?? (interactive && !process.env.NO_COLOR);
  const pipeline = createPipeline({
    engine: options.engine,
    registry: options.registry ?? (await loadRegistry()),
    platform: 'console',
  });
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  const write = (text: string) => output.write(`${text}\n`);

  const answer = async (line: string): Promise<void> => {
    let reply: MessageReply;
    try {
      reply = asMessage((await serve(pipeline, { ...readLine(line), typed: true })).reply ?? notice(''));
    } catch (error) {
      options.logger.error({ err: error, platform: 'console' }, 'console request failed');
      reply = notice(SOMETHING_WENT_WRONG);
    }
    write(`${renderConsole(reply, { color })}\n`);
  };

  // Lines are answered one after another, so the answers come out in the order asked.
  let answered = Promise.resolve();
  const done = new Promise<void>((resolve) => {
    rl.on('line', (line) => {
      if (!line.trim()) return;
      answered = answered.then(() => answer(line)).then(() => (interactive ? rl.prompt() : undefined));
    });
    rl.on('close', () => void answered.then(resolve));
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

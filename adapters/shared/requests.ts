/**
 * The one place where a user's command becomes a core call. Every adapter (console,
 * Discord, Slack) turns its platform event into a Request, calls `handleRequest`, and
 * renders the Reply; none of them decides what the answer says.
 */
import type { Engine } from '../../src/core/engine.js';
import type { Answer, SourceSummary, Verdict } from '../../src/core/model.js';
import { cutEnd } from './cut.js';

export type CommandName = 'ask' | 'check' | 'sources' | 'help';

export interface Request {
  command: CommandName;
  /** The question, claim, or document id for sources. */
  text: string;
}

export type Reply =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'verdicts'; verdicts: Verdict[]; claim: string }
  | { kind: 'sources'; sources: SourceSummary[] }
  | { kind: 'source'; source: SourceSummary }
  | { kind: 'help'; text: string }
  | { kind: 'notice'; text: string };

export const HELP_TEXT = [
  'I answer questions about Russia–Pakistan relations from cited sources, and say where they disagree.',
  '/ask <question> — a cited answer, e.g. /ask when did russia lift the arms embargo',
  '/check <claim> — supported, contradicted, disputed or unverified, with the evidence',
  '/sources — the documents I answer from',
  '/help — this text',
].join('\n');

export const EMPTY_INPUT = 'Please add a question or claim after the command, e.g. /ask who built Pakistan Steel Mills';
export const SOMETHING_WENT_WRONG = 'Sorry, something went wrong while answering. Please try again in a moment.';
export const cooldownNotice = (seconds: number) =>
  `You're going a little fast — please wait ${seconds}s before asking again.`;

/** Parses a chat line such as "/ask who built the steel mill"; a line without a slash is a question. */
export function parseLine(line: string): Request | { unknown: string } {
  const trimmed = line.trim();
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return { command: 'ask', text: trimmed };
  const name = m[1]!.toLowerCase();
  const text = m[2]!.trim();
  if (name === 'ask' || name === 'check' || name === 'sources' || name === 'help') return { command: name, text };
  return { unknown: name };
}

/** Runs a request against the core. Pure apart from the engine's reads; never throws for bad input. */
export function handleRequest(engine: Engine, request: Request): Reply {
  switch (request.command) {
    case 'help':
      return { kind: 'help', text: HELP_TEXT };
    case 'sources': {
      const all = engine.sources();
      const wanted = request.text.trim();
      if (!wanted) return { kind: 'sources', sources: all };
      const one = all.find((s) => s.document === wanted || s.document.startsWith(`${wanted}_`));
      return one
        ? { kind: 'source', source: one }
        : { kind: 'notice', text: `No source "${cutEnd(engine.safeEcho(wanted), 80)}". Use /sources to list them.` };
    }
    case 'ask':
      if (!request.text.trim()) return { kind: 'notice', text: EMPTY_INPUT };
      return { kind: 'answer', answer: engine.ask(request.text) };
    case 'check':
      if (!request.text.trim()) return { kind: 'notice', text: EMPTY_INPUT };
      return { kind: 'verdict', verdict: engine.check(request.text) };
  }
}

/** "Check claims" on a whole message: a verdict per checkable sentence, at most five. */
export function checkMessage(engine: Engine, text: string, max = 5): Reply {
  const verdicts = engine.checkMessage(text, max);
  if (verdicts.length === 0) return { kind: 'notice', text: 'That message has no claim I can check.' };
  return { kind: 'verdicts', verdicts, claim: engine.safeEcho(text) };
}

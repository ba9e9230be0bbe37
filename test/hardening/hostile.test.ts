/**
 * The hand-written hostile corpus (test/fixtures/hostile.txt), every case through the real
 * CLI (one process per mode, reading every case from stdin), the console adapter, and the
 * Discord, Slack and terminal renderers in-process. Each case gets an answer, "no answer",
 * a verdict or a notice: never a crash, never a live mention, never a denylisted word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../adapters/console/index.js';
import type { DiscordReplyPayload } from '../../adapters/discord/payload.js';
import { commandReplies } from '../helpers/replies.js';
import type { SlackMessage } from '../../adapters/slack/render.js';
import { Engine } from '../../src/core/engine.js';
import { capturedLogger, KNOWLEDGE } from '../adapters/discord/harness.js';
import { cleanEnv, runEntry, type RunResult } from '../helpers/run.js';
import {
  denylistMatcher,
  expectConsoleSafe,
  expectDiscordSafe,
  expectNoDenylisted,
  expectSafeEverywhere,
  expectSlackSafe,
  expectWellFormed,
  shownOnDiscord,
  shownOnSlack,
} from './safety.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'hostile.txt');

interface Case {
  /** The "#" comment that heads the case's group. */
  group: string;
  text: string;
}

/** The fixture's cases (see its header for the format), plus the generated 5,000-character word. */
function readCases(): Case[] {
  const cases: Case[] = [];
  let group = '';
  for (const line of readFileSync(FIXTURE, 'utf8').split('\n')) {
    if (line.startsWith('#')) group = line.slice(1).trim();
    else if (line.trim() === '') continue;
    else
      cases.push({
        group,
        text:
          line === '""'
            ? ''
            : line.replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))),
      });
  }
  const word = 'Pakistan'.repeat(625);
  cases.push({ group: 'a single 5,000-character word (generated here, not stored in the fixture)', text: word });
  return cases;
}

const cases = readCases();
const engine = Engine.fromDir(KNOWLEDGE);
const reply = await commandReplies(engine);
const denied = denylistMatcher(engine);
/** A case as a test title: quoted, invisible characters shown as escapes, long ones shortened. */
const label = (text: string) => {
  const quoted = JSON.stringify(text).replace(
    /[\u0080-\u00a0\u200b-\u200f\u202a-\u202e\u2060-\u2069\u3000\ufeff]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`,
  );
  return quoted.length > 70 ? `${quoted.slice(0, 60)}…" (${text.length} characters)` : quoted;
};
const titled = (list: Case[]) => list.map((c) => ({ ...c, label: label(c.text) }));

/** What a crash or a leaked internal would put in front of a user. */
const JUNK = /\b(Error|TypeError|undefined|NaN|null)\b|\[object Object\]|\bat \S+ \(/;

describe('the hostile corpus', () => {
  it('covers every group the issue names, one case per line', () => {
    const groups = cases.map((c) => c.group.toLowerCase()).join('\n');
    for (const name of [
      'empty',
      'whitespace',
      'punctuation',
      'emoji',
      'zero-width',
      'rtl',
      '5,000-character word',
      'markdown',
      'mass mentions',
      'regex',
      'russian and urdu',
      'slur',
    ]) {
      expect(groups, `no "${name}" group in hostile.txt`).toContain(name);
    }
    // The CLI reads one case per line, so none may hold a line break.
    expect(cases.filter((c) => /[\r\n]/.test(c.text))).toEqual([]);
    // The slur cases really carry denylisted terms, or the test below would prove nothing.
    const slurs = cases.filter((c) => /slur/.test(c.group));
    expect(slurs.length).toBeGreaterThan(0);
    for (const c of slurs) expect(c.text).toMatch(denied);
  });
});

describe('hostile input in-process', () => {
  it.each(titled(cases))('$group: $label is answered safely by /ask, /check and Check claims', ({ text }) => {
    const ask = reply('ask', text);
    const check = reply('check', text);
    for (const each of [ask, check, reply('Check claims', text)]) {
      const { console: shown } = expectSafeEverywhere(each, { denied, cleanTerminal: true });
      expect(shown).not.toMatch(JUNK);
      expect(shown.trim().length).toBeGreaterThan(0);
    }
    if (ask.kind === 'answer') expect(ask.answer.status !== 'answered' || ask.answer.citations.length > 0).toBe(true);
  });

  it.each(titled(cases.filter((c) => c.text.trim())))(
    '$group: $label gets a reply from the console adapter, with no denylisted word or control character',
    async ({ text }) => {
      const input = new PassThrough();
      const output = new PassThrough();
      let written = '';
      output.on('data', (d) => (written += d));
      const { logger, lines } = capturedLogger();
      const running = await startConsole({ engine, logger, input, output, color: false });
      input.end(`${text}\n`);
      await running.done;
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(written.trim().length).toBeGreaterThan(0);
      expect(written).not.toMatch(JUNK);
      expectConsoleSafe(written, false);
      expectNoDenylisted(written, denied);
    },
  );
});

describe('hostile input through the CLI, one process per mode reading every case from stdin', () => {
  const stdin = `${cases.map((c) => c.text).join('\n')}\n`;
  const modes = { json: ['--json'], discord: ['--render', 'discord'], slack: ['--render', 'slack'] } as const;
  type Mode = keyof typeof modes;
  const runs = new Map<string, RunResult>();
  const outputOf = (command: 'ask' | 'check', mode: Mode): unknown[] => {
    const r = runs.get(`${command} ${mode}`)!;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(cases.length);
    return lines.map((l) => JSON.parse(l));
  };

  beforeAll(async () => {
    const all = (['ask', 'check'] as const).flatMap((command) =>
      (Object.keys(modes) as Mode[]).map((mode) => [command, mode] as const),
    );
    const results = await Promise.all(
      all.map(([command, mode]) =>
        runEntry('adapters/cli/main.ts', [command, ...modes[mode], '--knowledge', KNOWLEDGE], {
          stdin,
          env: cleanEnv(),
        }),
      ),
    );
    for (const [i, [command, mode]] of all.entries()) runs.set(`${command} ${mode}`, results[i]!);
  }, 60_000);

  /** A blank line asks nothing: the CLI says so, as chat does, instead of answering it. */
  const expectAskedForInput = (out: unknown, text: string) => {
    expect(out, text).toMatchObject({ kind: 'notice', text: expect.stringMatching(/^Please add a (question|claim)/) });
  };

  it('ask --json: an answer with citations or no_answer with a note for every line, a request for a question for a blank one', () => {
    for (const [i, out] of outputOf('ask', 'json').entries()) {
      if (!cases[i]!.text.trim()) {
        expectAskedForInput(out, cases[i]!.text);
        continue;
      }
      const a = out as { query: string; status: string; text: string; citations: unknown[] };
      expect(['answered', 'no_answer', 'chat'], cases[i]!.text).toContain(a.status);
      expect(a.text.trim().length).toBeGreaterThan(0);
      expect(a.text).not.toMatch(JUNK);
      if (a.status === 'answered') expect(a.citations.length).toBeGreaterThan(0);
      else expect(a.citations).toEqual([]);
      expect(a.query.length).toBeLessThanOrEqual(1000);
      expectNoDenylisted(a, denied);
      expectWellFormed(a);
    }
  });

  it('check --json: one of the four verdicts with a reason for every line, a request for a claim for a blank one', () => {
    for (const [i, out] of outputOf('check', 'json').entries()) {
      if (!cases[i]!.text.trim()) {
        expectAskedForInput(out, cases[i]!.text);
        continue;
      }
      const v = out as { claim: string; verdict: string; reason: string };
      expect(['supported', 'contradicted', 'disputed', 'unverified'], cases[i]!.text).toContain(v.verdict);
      expect(v.reason.trim().length).toBeGreaterThan(0);
      expect(v.reason).not.toMatch(JUNK);
      expectNoDenylisted(v, denied);
      expectWellFormed(v);
    }
  });

  it('--render discord: every payload within Discord’s limits, with no live mention or link and no denylisted word', () => {
    for (const command of ['ask', 'check'] as const) {
      for (const payload of outputOf(command, 'discord') as DiscordReplyPayload[]) {
        expectDiscordSafe(payload);
        expectNoDenylisted(payload, denied, shownOnDiscord);
        expectWellFormed(payload);
      }
    }
  });

  it('--render slack: every message within Slack’s limits, with no live mention or link and no denylisted word', () => {
    for (const command of ['ask', 'check'] as const) {
      for (const message of outputOf(command, 'slack') as SlackMessage[]) {
        expectSlackSafe(message);
        expectNoDenylisted(message, denied, shownOnSlack);
        expectWellFormed(message);
      }
    }
  });

  it('the slur cases are masked in the echo, not dropped: the claim still shows, with the term starred out', () => {
    const checks = outputOf('check', 'json') as { claim: string }[];
    cases.forEach((c, i) => {
      if (/slur/.test(c.group)) expect(checks[i]!.claim).toMatch(/\*{3,}/);
    });
  });
});

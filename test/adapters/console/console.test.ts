import { describe, expect, it } from 'vitest';
import { cleanEnv, runEntry } from '../../helpers/run.js';

describe('the console adapter (npm start without tokens)', () => {
  it('answers piped commands, one per line, and exits at end of input', async () => {
    const stdin = [
      '/ask when did russia lift the arms embargo',
      'who built pakistan steel mills',
      '/check The Eiffel Tower is in Paris.',
      '/sources',
      '/help',
      '/frobnicate',
      '',
    ].join('\n');
    const r = await runEntry('adapters/main.ts', [], { stdin, env: cleanEnv() });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/No Discord or Slack credentials found.*console/);
    const out = r.stdout;
    // Cited answers: sentences with [n] markers and a Sources block with quotes and bylines.
    expect(out).toMatch(/embargo[^\n]*\[1\]/i);
    expect(out).toMatch(/Sources\n\[1\] “[^”]+”\n {4}— /);
    expect(out).toMatch(/Steel Mills/);
    expect(out).toMatch(/UNVERIFIED/);
    expect(out).toMatch(/Korybko/);
    expect(out).toMatch(/\/ask <question>/);
    expect(out).toMatch(/Unknown command \/frobnicate/);
    expect(out).not.toMatch(/\x1b\[/); // no colour when not a terminal
  });

  it('shows a disagreement block for a disputed point', async () => {
    const r = await runEntry('adapters/main.ts', [], {
      stdin: '/ask did russia and pakistan discuss selling su-35 jets\n',
      env: cleanEnv(),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/⚠ Sources disagree: .*\n {2}• .*\[\d+\]\n {2}• .*\[\d+\]/);
  });

  it('says plainly when it has no answer', async () => {
    const r = await runEntry('adapters/main.ts', [], { stdin: 'what is the capital of France\n', env: cleanEnv() });
    expect(r.stdout).toMatch(/I don't have a sourced answer to that/);
  });
});

import { describe, expect, it } from 'vitest';
import { slackCommandNames } from '../../adapters/pipeline/command.js';
import { loadRegistry } from '../../adapters/pipeline/registry.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { cleanEnv, runEntry } from '../helpers/run.js';

const slackCommands = slackCommandNames(await loadRegistry());

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env, { slackCommands });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('configuration', () => {
  it('defaults to the console with no credentials', () => {
    const c = loadConfig({});
    expect(c.discord).toBeNull();
    expect(c.slack).toBeNull();
    expect(c.knowledgeDir).toBe('knowledge');
    expect(c.cooldownSeconds).toBe(5);
  });

  it('enables Discord and Slack when their credentials are set', () => {
    const c = loadConfig({
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '123456',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(c.discord?.applicationId).toBe('123456');
    expect(c.slack?.appToken).toBe('xapp-1');
  });

  it('names each bad variable on its own line, saying how to fix it', () => {
    const problems = problemsOf({
      LOG_LEVEL: 'loud',
      COOLDOWN_SECONDS: 'soon',
      HTTP_PORT: '99999',
      DISCORD_API_URL: 'not a url',
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^config: LOG_LEVEL .*: use one of fatal, error, warn, info, debug, trace, silent\.$/);
    expect(problems.find((p) => p.includes('COOLDOWN_SECONDS'))).toMatch(/whole number of seconds/);
    expect(problems.find((p) => p.includes('HTTP_PORT'))).toMatch(/port/);
    expect(problems.find((p) => p.includes('DISCORD_API_URL'))).toMatch(/must be a URL/);
  });

  it('reads the store timeouts and proposal limits, with defaults, one line per bad one', () => {
    const c = loadConfig({});
    expect(c.store.timeouts).toEqual({ connectMs: 2000, statementMs: 2000, idleMs: 10_000 });
    expect(c.proposals).toEqual({ perHour: 10, pendingMax: 200 });
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '500', PROPOSALS_PER_HOUR: '3' })).toMatchObject({
      store: { timeouts: { statementMs: 500 } },
      proposals: { perHour: 3 },
    });
    const bad = {
      DATABASE_CONNECT_TIMEOUT_MS: 'soon',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_IDLE_TIMEOUT_MS: '-1',
      PROPOSALS_PER_HOUR: '1.5',
      PROPOSALS_PENDING_MAX: '0',
    };
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(Object.keys(bad).length);
    for (const name of Object.keys(bad))
      expect(problems.filter((p) => p.startsWith(`config: ${name} `))).toHaveLength(1);
  });

  it('catches missing and contradictory settings', () => {
    expect(problemsOf({ DISCORD_TOKEN: 'abc' })).toEqual([
      expect.stringMatching(/^config: DISCORD_APPLICATION_ID is missing but DISCORD_TOKEN is set: /),
    ]);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/neither SLACK_APP_TOKEN .* nor SLACK_SIGNING_SECRET/),
    ]);
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([expect.stringMatching(/SLACK_BOT_TOKEN is missing/)]);
    expect(
      problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_PORT: '8080', HTTP_PORT: '8080' }),
    ).toEqual([expect.stringMatching(/HTTP_PORT and SLACK_PORT are both 8080/)]);
    expect(problemsOf({ SLACK_ASK_COMMAND: '/ask', SLACK_CHECK_COMMAND: '/ask' })).toEqual([
      expect.stringMatching(/must differ/),
    ]);
    expect(problemsOf({ SLACK_CROSSCHECK_COMMAND: '/sources' })).toEqual([
      expect.stringMatching(/SLACK_CROSSCHECK_COMMAND must differ/),
    ]);
    expect(problemsOf({ SLACK_CROSSCHECK_COMMAND: 'crosscheck' })).toEqual([
      expect.stringMatching(/^config: SLACK_CROSSCHECK_COMMAND .*slash command/),
    ]);
    expect(problemsOf({ SLACK_ASKK_COMMAND: '/askk' })).toEqual([
      expect.stringMatching(/^config: SLACK_ASKK_COMMAND names no command of this bot/),
    ]);
  });

  it('turns Slack on for many workspaces with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET', () => {
    const key = 'cd'.repeat(32);
    const config = loadConfig({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
      SLACK_SIGNING_SECRET: 'signing',
      TOKEN_ENCRYPTION_KEY: key,
    });
    expect(config.slack?.botToken).toBeUndefined();
    expect(config.slack?.oauth).toMatchObject({ clientId: '1111.2222', clientSecret: 'client-secret' });
    expect(config.slack?.oauth?.encryptionKey).toEqual(Buffer.from(key, 'hex'));
    // Only a bot token: one workspace, exactly as before.
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack?.oauth).toBeUndefined();
  });

  it('tells each OAuth problem on its own line', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    const missing = problems({ SLACK_CLIENT_ID: '1111.2222' });
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'TOKEN_ENCRYPTION_KEY', 'SLACK_SIGNING_SECRET'])
      expect(missing.filter((l) => l.startsWith(`config: ${name} is missing`))).toHaveLength(1);
    expect(missing).toHaveLength(4);
    const bad = problems({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'x',
      SLACK_STATE_SECRET: 'short',
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      TOKEN_ENCRYPTION_KEY: 'not-a-key',
    });
    expect(bad).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config: SLACK_STATE_SECRET must be at least 16 characters/),
        expect.stringMatching(/^config: TOKEN_ENCRYPTION_KEY must be 32 bytes/),
        expect.stringMatching(/^config: SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set/),
        expect.stringMatching(/^config: SLACK_APP_TOKEN is set but Slack is installed by OAuth/),
      ]),
    );
    expect(bad.every((l) => !l.includes('\n'))).toBe(true);
    expect(problems({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456', DISCORD_SHARDS_PER_PROCESS: '2' })).toEqual(
      [expect.stringMatching(/^config: DATABASE_URL is missing but DISCORD_SHARDS_PER_PROCESS is set/)],
    );
  });

  it('renames any Slack command with SLACK_<NAME>_COMMAND, the others keeping their names', () => {
    const c = loadConfig(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_CHECK_COMMAND: '/cc-check' },
      { slackCommands },
    );
    expect(c.slack?.commands).toEqual({ check: '/cc-check' });
    expect(c.slackCommands).toEqual({ check: '/cc-check' });
  });

  it('stops the process with exit code 1 and one line per problem, without a stack trace', async () => {
    const r = await runEntry('adapters/main.ts', [], {
      env: cleanEnv({ LOG_LEVEL: 'loud', DISCORD_TOKEN: 'abc', HTTP_PORT: 'x' }),
    });
    expect(r.code).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.includes('npm warn'));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^config: [A-Z_]+ /);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(r.stdout).toBe('');
  });

  it('refuses a broken knowledge pack at start-up with file:line', async () => {
    const r = await runEntry('adapters/main.ts', [], {
      env: cleanEnv({ KNOWLEDGE_DIR: 'test/fixtures/no-such-pack' }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /knowledge: the pack in test\/fixtures\/no-such-pack was refused:\n.*:1: knowledge directory does not exist/,
    );
  });
});

/** The command-line pieces over the embedded store: `cli report` and `knowledge:export`. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { freshDataDir } from '../helpers/data-dir.js';
import { MIN_PACK } from '../helpers/pack-fixture.js';
import { cleanEnv, runEntry } from '../helpers/run.js';

describe('moderation from the command line', () => {
  let dir: string;
  // DATABASE_URL is set empty so that no .env can point the test at a server.
  const env = () => cleanEnv({ DATA_DIR: dir, DATABASE_URL: '', USER_HASH_SECRET: '' });

  beforeAll(async () => {
    dir = freshDataDir('crosscheck-cli-');
    const store = await openStore({ dataDir: dir });
    for (const text of ['who built the dam', 'Who built the dam?', 'who built the tunnel']) {
      await store.recordInteraction({
        tenant: 'discord:g1',
        platform: 'discord',
        userId: 'u',
        command: 'ask',
        text,
        outcome: 'no_answer',
      });
    }
    const { proposal: p } = await store.addProposal({
      tenant: 'slack:T1',
      statement: 'Ann Author reports that critics called the bridge too costly.',
      quote: 'too costly',
      topic: 'bridge',
      kind: 'opinion',
      source: { document: 'doc1' },
      proposer: { platform: 'slack', userId: 'U1', name: 'Pat' },
    });
    await store.decideProposal('slack:T1', p.id, 'approved', { platform: 'slack', userId: 'U2', name: 'Mo' });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the report, as JSON with --json', async () => {
    const r = await runEntry(
      'adapters/cli/main.ts',
      ['report', '--json', '--days', '3', '--tenant', 'discord:g1', '--knowledge', MIN_PACK],
      {
        env: env(),
      },
    );
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.days).toBe(3);
    expect(report.noAnswer[0]).toMatchObject({ text: 'Who built the dam?', count: 2 });
    expect(report.commands).toEqual([{ command: 'ask', count: 3, outcomes: { no_answer: 3 } }]);

    const text = await runEntry('adapters/cli/main.ts', ['report', '--tenant', 'discord:g1', '--knowledge', MIN_PACK], {
      env: env(),
    });
    expect(text.stdout).toContain('Report for the last 7 days (3 interactions)');
    expect(
      (await runEntry('adapters/cli/main.ts', ['report', '--days', 'x', '--knowledge', MIN_PACK], { env: env() })).code,
    ).toBe(2);
  });

  it("prints one community's report only, and asks which", async () => {
    // Another community's report shows none of these records.
    const other = await runEntry(
      'adapters/cli/main.ts',
      ['report', '--json', '--tenant', 'discord:g2', '--knowledge', MIN_PACK],
      { env: env() },
    );
    expect(JSON.parse(other.stdout)).toMatchObject({ total: 0, noAnswer: [], commands: [] });
    const none = await runEntry('adapters/cli/main.ts', ['report', '--knowledge', MIN_PACK], { env: env() });
    expect(none.stderr).toContain('report needs --tenant');
  });

  it('writes the approved facts with knowledge:export', async () => {
    const out = join(dir, 'out', 'community.yaml');
    const r = await runEntry('src/moderation/export-cli.ts', [out], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote 1 approved fact(s)');
    expect(readFileSync(out, 'utf8')).toContain(
      '  - id: community-1\n    statement: Ann Author reports that critics called the bridge too costly.',
    );
  });
});

/**
 * The short form of `npm run load` (bench/load.ts): 200 requests per platform at the full
 * run's rate, against the bot in a process of its own. Nothing is lost, nothing is answered
 * twice, and every request is acked within Discord's and Slack's 3 seconds.
 */
import { describe, expect, it } from 'vitest';
import { ACK_DEADLINE_MS, discordLoad, slackLoad, type LoadResult } from '../../bench/load-driver.js';

/** 200 requests over 2 s in waves of 50, after a warm-up that is not counted. */
const SHORT = { requests: 200, waves: 4, waveMs: 500, warmUp: 30 };

function expectNothingLost(r: LoadResult): void {
  expect(r.sent).toBe(SHORT.requests);
  expect({ acked: r.acked, answered: r.answered, duplicated: r.duplicated, lost: r.lost }).toEqual({
    acked: r.sent,
    answered: r.sent,
    duplicated: 0,
    lost: 0,
  });
  expect(r.ackedInTime, `ack p99 ${r.ackP99Ms} ms, max ${r.ackMaxMs} ms`).toBe(r.sent);
  expect(r.ackMaxMs).toBeLessThanOrEqual(ACK_DEADLINE_MS);
  expect(r.errorsLogged).toBe(0);
}

describe('load, short form', () => {
  it('Slack HTTP mode: 200 signed slash commands, each acked within 3 s and answered exactly once at its response_url', async () => {
    expectNothingLost(await slackLoad(SHORT));
  }, 60_000);

  it('Discord: 200 interactions, each answered by exactly one callback within 3 s', async () => {
    expectNothingLost(await discordLoad(SHORT));
  }, 60_000);
});

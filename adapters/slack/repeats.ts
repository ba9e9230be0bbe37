/**
 * Requests Slack (or someone) sends again are handled once: a retry of an event (same
 * `event_id`, with X-Slack-Retry-Num) and a signed request replayed within its five minutes
 * (same signature). The marks are shared through PostgreSQL when there is one (limits.ts),
 * so a retry that reaches another instance is dropped too.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import type { Limits } from '../shared/limits.js';

/** Slack retries an event for up to about an hour; a signature is good for five minutes either way. */
const EVENT_TTL_S = 3600;
const SIGNATURE_TTL_S = 600;
/**
 * Bolt acknowledges an event before any middleware runs, so its check may wait for the
 * database (up to its ordinary call bound) instead of guessing from this process's memory,
 * which under load let a retry that reached another instance be answered twice.
 */
const EVENT_WAIT_MS = 2500;

/** Global middleware: drops a request already handled, acknowledging it so nobody waits. */
export function dropRepeats(limits: Limits, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { event_id?: unknown };
    const signature = (args.context as { requestSignature?: unknown }).requestSignature;
    const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as () => Promise<void>) : undefined;
    if (
      typeof body.event_id === 'string' &&
      !(await limits.firstSeen(`slack:event:${body.event_id}`, EVENT_TTL_S, EVENT_WAIT_MS))
    ) {
      logger.info({ requestId: body.event_id }, 'slack: a retry of an event already handled; skipped');
      return;
    }
    if (
      typeof signature === 'string' &&
      signature &&
      !(await limits.firstSeen(`slack:signature:${signature}`, SIGNATURE_TTL_S))
    ) {
      logger.warn('slack: a signed request seen before (a replay); skipped');
      await ack?.();
      return;
    }
    await args.next();
  };
}

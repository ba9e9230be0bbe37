/**
 * The limits every request passes: the per-user cooldown, and requests seen before (Slack's
 * retries of an event, a signed request replayed). With PostgreSQL they live in the store,
 * so every instance behind a load balancer shares them; with the embedded store (one
 * process) or while the store is unavailable, in this process's memory.
 *
 *   const limits = new Limits(moderation, 5);
 *   await limits.take('slack:T1:U1', 5);            // 0: go; else seconds to wait
 *   await limits.firstSeen('slack:event:Ev1', 3600)  // false for a retry of the same event
 */
import type { Moderation } from '../../src/moderation/moderation.js';
import { Cooldown } from './cooldown.js';

/** Keys remembered in memory before the expired ones are dropped. */
const MEMORY_KEYS = 10_000;

export class Limits {
  private readonly cooldown: Cooldown;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly moderation: Moderation | undefined,
    seconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.cooldown = new Cooldown(seconds, now);
  }

  /** Seconds the user must still wait (0 means go ahead, and the request is counted). */
  async take(key: string, seconds: number): Promise<number> {
    if (seconds <= 0) return 0;
    if (this.moderation?.sharesLimits) {
      try {
        return await this.moderation.takeCooldown(key, seconds);
      } catch {
        // The store is failing: this process's memory keeps the limit meanwhile.
      }
    }
    return this.cooldown.take(key, seconds);
  }

  /**
   * Whether `key` is new within `ttlSeconds`; it is remembered either way. The shared store
   * gets `waitMs` to answer (default 300 ms) before this process's memory decides.
   */
  async firstSeen(key: string, ttlSeconds: number, waitMs?: number): Promise<boolean> {
    if (this.moderation?.sharesLimits) {
      try {
        return await this.moderation.firstSeen(key, ttlSeconds, waitMs);
      } catch {
        // As above: memory meanwhile.
      }
    }
    const t = this.now();
    const until = this.seen.get(key);
    if (until !== undefined && until > t) return false;
    this.seen.set(key, t + ttlSeconds * 1000);
    if (this.seen.size > MEMORY_KEYS) for (const [k, u] of this.seen) if (u <= t) this.seen.delete(k);
    return true;
  }
}

/**
 * A per-user cooldown: at most one request per user per window. The window may differ per
 * request (a channel's own cooldown setting); the default is the configured one.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();
  /** The longest window seen, so pruning never forgets someone still cooling down. */
  private longest: number;

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.longest = seconds;
  }

  /** Seconds the user must still wait (0 means go ahead, and the request is counted). */
  take(user: string, seconds: number = this.seconds): number {
    if (seconds <= 0) return 0;
    this.longest = Math.max(this.longest, seconds);
    const t = this.now();
    const prev = this.last.get(user);
    if (prev !== undefined && t - prev < seconds * 1000) return Math.ceil((seconds * 1000 - (t - prev)) / 1000);
    this.last.set(user, t);
    if (this.last.size > 10_000) this.prune(t);
    return 0;
  }

  private prune(t: number): void {
    for (const [user, at] of this.last) if (t - at >= this.longest * 1000) this.last.delete(user);
  }
}

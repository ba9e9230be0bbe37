/** A per-user cooldown: at most one request per user per window. */
export class Cooldown {
  private readonly last = new Map<string, number>();

  constructor(private readonly seconds: number, private readonly now: () => number = Date.now) {}

  /** Seconds the user must still wait (0 means go ahead, and the request is counted). */
  take(user: string): number {
    if (this.seconds <= 0) return 0;
    const t = this.now();
    const prev = this.last.get(user);
    if (prev !== undefined && t - prev < this.seconds * 1000) return Math.ceil((this.seconds * 1000 - (t - prev)) / 1000);
    this.last.set(user, t);
    if (this.last.size > 10_000) this.prune(t);
    return 0;
  }

  private prune(t: number): void {
    for (const [user, at] of this.last) if (t - at >= this.seconds * 1000) this.last.delete(user);
  }
}

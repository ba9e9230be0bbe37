/**
 * Keeps one process in step with the store it shares with others: approved facts join
 * its live engine, and channel settings are cached in memory for the hot path.
 *
 * It loads everything at start, then reloads on every change notification (LISTEN/NOTIFY)
 * and on a short poll, which covers a dropped LISTEN connection. The poll compares the
 * store's fingerprint, so an idle poll costs one tiny query.
 *
 *   const sync = await StoreSync.start(store, { onFact: (a) => addToEngine(engine, a) });
 *   sync.channel('discord:g1', 'discord', channelId);   // cached ChannelSetting or undefined
 */
import pino, { type Logger } from 'pino';
import type { ChannelSetting, Store } from '../store/index.js';
import { approvedFact, type ApprovedFact } from './proposals.js';

export interface SyncOptions {
  /** Called once per approved fact not seen before (at start, then as they are approved). */
  onFact?: (approved: ApprovedFact) => void;
  /** Milliseconds between polls (default 2000; 0 turns polling off). */
  pollMs?: number;
  /** Listen for change notifications (default true). */
  listen?: boolean;
  log?: Logger;
}

const key = (tenant: string, platform: string, channel: string) => `${tenant}\u0000${platform}\u0000${channel}`;

export class StoreSync {
  private readonly applied = new Map<number, string>();
  private channels = new Map<string, ChannelSetting>();
  private fingerprint: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;
  private readonly log: Logger;

  private constructor(
    private readonly store: Store,
    private readonly options: SyncOptions,
  ) {
    this.log = (options.log ?? pino({ enabled: false })).child({ component: 'sync' });
  }

  /** Loads approved facts and channel settings, then follows changes until `stop`. */
  static async start(store: Store, options: SyncOptions = {}): Promise<StoreSync> {
    const sync = new StoreSync(store, options);
    await sync.refresh();
    if (options.listen ?? true) {
      sync.unlisten = await store.onChange(
        () => void sync.refresh().catch((err) => sync.log.warn({ err }, 'sync: reload failed')),
      );
    }
    const pollMs = options.pollMs ?? 2000;
    if (pollMs > 0) {
      sync.timer = setInterval(
        () => void sync.refresh().catch((err) => sync.log.warn({ err }, 'sync: poll failed')),
        pollMs,
      );
      sync.timer.unref();
    }
    return sync;
  }

  /** The stored setting of a channel of a tenant, from memory. */
  channel(tenant: string, platform: string, channel: string): ChannelSetting | undefined {
    return this.channels.get(key(tenant, platform, channel));
  }

  /** Every stored channel setting of a tenant, from memory. */
  allChannels(tenant: string): ChannelSetting[] {
    return [...this.channels.values()].filter((c) => c.tenant === tenant);
  }

  /** Notes a fact this process applied itself, so the reload it triggers does not apply it twice. */
  noteApplied(approved: ApprovedFact): void {
    this.applied.set(approved.proposal.id, approved.proposal.reviewedAt ?? '');
  }

  /**
   * Reloads if the store changed since the last load. Calls that arrive while one runs
   * are folded into one more run, so a burst of notifications costs two loads at most.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.load();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async load(): Promise<void> {
    if (this.stopped) return;
    const fingerprint = await this.store.fingerprint();
    if (fingerprint === this.fingerprint) return;
    const [approved, channels] = await Promise.all([this.store.approvedProposals(), this.store.listChannelSettings()]);
    for (const p of approved) {
      if (this.applied.get(p.id) === p.reviewedAt) continue;
      // Approved before tenants existed: it belongs to no community, so no answer cites it.
      if (p.tenant === null) continue;
      this.applied.set(p.id, p.reviewedAt ?? '');
      try {
        this.options.onFact?.(approvedFact(p));
      } catch (err) {
        this.log.warn({ err, proposal: p.id }, 'sync: could not apply an approved fact');
      }
    }
    this.channels = new Map(channels.map((c) => [key(c.tenant, c.platform, c.channel), c]));
    this.fingerprint = fingerprint;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.().catch(() => {});
    await this.running?.catch(() => {});
  }
}

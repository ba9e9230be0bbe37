/**
 * The moderators' loop for one bot process, over one store and one live engine. Adapters
 * (Discord, Slack, the console) call this and render what it returns; none of the logic
 * lives in them.
 *
 *   const mod = await Moderation.connect({ ...config.store, log }, engine);   // answers go on while the store is down
 *   const tenant = 'slack:T1';                                                 // one community; it sees only its own
 *   const id = await mod.record({ tenant, platform: 'slack', guild: teamId, channel, userId, command: 'ask', result: answer });
 *   await mod.vote({ tenant, interactionId: id, platform: 'slack', userId, helpful: false, reason: 'wrong year' });
 *   const r = await mod.report(tenant, 7);
 *   await mod.propose(tenant, fields, { platform: 'slack', userId, name: 'Ann' });
 *   await mod.approve(tenant, proposalId, { platform: 'slack', userId: modId, name: 'Mo' });   // its answers cite it at once
 *   mod.channel(tenant, 'slack', channel);                                                     // { mode, cooldownSeconds }
 *   await mod.stop();
 *
 * The store may fail: `connect` returns at once whatever happens, and keeps trying with
 * backoff. Until it is back, and whenever a call on it fails or takes too long, the call
 * throws `ModerationUnavailable`, which the desk turns into a plain sentence for the user.
 */
import { createHmac, randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Engine } from '../core/engine.js';
import type { Answer, Verdict } from '../core/model.js';
import {
  CHANNEL_MODES,
  type ProposalStatus,
  COOLDOWN_RANGE,
  isChannelMode,
  isCooldown,
  openStore,
  type Actor,
  type ChannelMode,
  type ChannelSetting,
  type ProposalRecord,
  type Store,
  type StoreOptions,
  type VoteInput,
  type VoteResult,
} from '../store/index.js';
import { exportApproved } from './export.js';
import { addToEngine, approve, propose, reject, type Decision, type ProposalInput } from './proposals.js';
import { report, type Report } from './report.js';
import { StoreSync } from './sync.js';

/** What an interaction's record is made from: a core result, or its parts. */
export type Recordable = Answer | Verdict | Verdict[] | { text: string; outcome: string; factIds?: string[] };

export interface RecordInput {
  /** The community it happened in. */
  tenant: string;
  platform: string;
  guild?: string | null;
  channel?: string | null;
  userId: string;
  /** The command as the report should count it: ask, check, check_message, sources, help. */
  command: string;
  result: Recordable;
}

export interface ChannelDefaults {
  /** Where no setting is stored (default "public"). */
  mode: ChannelMode;
  /** Where no cooldown is stored (default 5). */
  cooldownSeconds: number;
}

/** A channel's settings with the defaults filled in. */
export interface EffectiveChannel {
  mode: ChannelMode;
  cooldownSeconds: number;
  /** The stored setting, when there is one. */
  setting: ChannelSetting | undefined;
}

export interface ModerationOptions {
  /** Defaults for channels without settings. */
  defaults?: Partial<ChannelDefaults>;
  /** Poll interval in ms for changes made by other processes (default 2000; 0 off). */
  pollMs?: number;
  /** Listen for change notifications (default true). */
  listen?: boolean;
  /** Longest a call on the store may take before the user is told moderation is unavailable (default 2500 ms). */
  callTimeoutMs?: number;
  /** Reconnecting: the first wait and the longest (default 1 s doubling to 60 s). */
  retry?: { firstMs: number; maxMs: number };
  /** Proposals one person may make per hour in a community (default 10), and most pending in one (default 200). */
  proposalsPerHour?: number;
  pendingMax?: number;
  log?: Logger;
}

/** Said to a moderator (or a voter, or a proposer) while the store cannot be reached. */
export const MODERATION_UNAVAILABLE = 'Moderation is unavailable right now';

/** The store is down, failing or too slow: nothing the call would have saved was saved, or it may not have been. */
export class ModerationUnavailable extends Error {
  constructor(cause?: unknown) {
    super(MODERATION_UNAVAILABLE, { cause });
    this.name = 'ModerationUnavailable';
  }
}

/** A proposal refused for its author's pace or the community's full queue, with a reason to show. */
export class ProposalLimit extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProposalLimit';
  }
}

/** The parts of a core result that a record keeps. Several verdicts make several records. */
export function recordParts(result: Recordable): { text: string; outcome: string; factIds: string[] }[] {
  if (Array.isArray(result)) return result.flatMap(recordParts);
  if ('status' in result && 'query' in result)
    return [{ text: result.query, outcome: result.status, factIds: result.citations.map((c) => c.fact) }];
  if ('verdict' in result)
    return [{ text: result.claim, outcome: result.verdict, factIds: result.citations.map((c) => c.fact) }];
  return [{ text: result.text, outcome: result.outcome, factIds: result.factIds ?? [] }];
}

export class Moderation {
  private readonly defaults: ChannelDefaults;
  private current: { store: Store; sync: StoreSync } | null = null;
  /** Hashes user ids for the logs while the store (and its secret) is away: the configured secret, else one for this process. */
  private fallbackSecret = randomBytes(32).toString('hex');
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly log: Logger;

  private constructor(
    readonly engine: Engine,
    private readonly options: ModerationOptions,
    private readonly ownsStore: boolean,
  ) {
    this.log = (options.log ?? pino({ enabled: false })).child({ component: 'moderation' });
    this.defaults = { mode: 'public', cooldownSeconds: 5, ...options.defaults };
  }

  /** Starts on an open store: loads approved facts into the engine and follows changes. */
  static async start(store: Store, engine: Engine, options: ModerationOptions = {}): Promise<Moderation> {
    const m = new Moderation(engine, options, false);
    await m.attach(store);
    return m;
  }

  /** Opens the store (`Config.store` fits `StoreOptions`), then starts; throws if it cannot. `stop` closes it. */
  static async open(storeOptions: StoreOptions, engine: Engine, options: ModerationOptions = {}): Promise<Moderation> {
    const m = new Moderation(engine, options, true);
    await m.openAndAttach(storeOptions);
    return m;
  }

  /**
   * Opens the store if it can, and returns either way: without it the bot still answers, and
   * this keeps trying (1 s, doubling to 60 s) until the store is back; moderation then resumes.
   */
  static async connect(
    storeOptions: StoreOptions,
    engine: Engine,
    options: ModerationOptions = {},
  ): Promise<Moderation> {
    const m = new Moderation(engine, options, true);
    if (storeOptions.userHashSecret) m.fallbackSecret = storeOptions.userHashSecret;
    const { firstMs, maxMs } = options.retry ?? { firstMs: 1000, maxMs: 60_000 };
    const attempt = async (delayMs: number) => {
      try {
        await m.openAndAttach(storeOptions);
        m.log.info('moderation: store connected');
      } catch (err) {
        if (m.stopped) return;
        m.log.warn({ err, retryInMs: delayMs }, 'moderation: store unavailable; answering without it, retrying');
        m.retry = setTimeout(() => void attempt(Math.min(delayMs * 2, maxMs)), delayMs);
        m.retry.unref();
      }
    };
    await attempt(firstMs);
    return m;
  }

  private async openAndAttach(storeOptions: StoreOptions): Promise<void> {
    const store = await openStore({ log: this.options.log, ...storeOptions });
    try {
      if (this.stopped) throw new Error('moderation: stopped');
      await this.attach(store);
    } catch (e) {
      await store.close().catch(() => {});
      throw e;
    }
  }

  private async attach(store: Store): Promise<void> {
    const sync = await StoreSync.start(store, {
      onFact: (a) => addToEngine(this.engine, a),
      pollMs: this.options.pollMs,
      listen: this.options.listen,
      log: this.log,
    });
    this.current = { store, sync };
  }

  /**
   * A user id as the logs may carry it: the store's keyed hash (so a log line can be matched
   * with the store's records), never the id itself.
   */
  hashUser(platform: string, userId: string): string {
    return (
      this.current?.store.hashUser(platform, userId) ??
      createHmac('sha256', this.fallbackSecret).update(`${platform}:${userId}`).digest('hex')
    ).slice(0, 16);
  }

  /** Whether the store is connected (it may still fail call by call). */
  get available(): boolean {
    return this.current !== null;
  }

  /** The store; throws `ModerationUnavailable` while there is none. */
  get store(): Store {
    if (!this.current) throw new ModerationUnavailable();
    return this.current.store;
  }

  /**
   * Runs one call on the store, bounded in time. Any failure of the store (down, refused,
   * too slow) comes out as `ModerationUnavailable`, so the user is told rather than left waiting.
   */
  private async use<T>(fn: (store: Store) => Promise<T>, timeoutMs = this.options.callTimeoutMs ?? 2500): Promise<T> {
    const store = this.store;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('store call timed out')), timeoutMs);
    });
    try {
      return await Promise.race([fn(store), late]);
    } catch (err) {
      if (err instanceof ProposalLimit || err instanceof RangeError) throw err;
      this.log.warn({ err }, 'moderation: store call failed');
      throw new ModerationUnavailable(err);
    } finally {
      clearTimeout(timer);
    }
  }

  // ── Limits shared across processes ─────────────────────────────────────────

  /** Whether cooldowns and de-duplication live in the store: on PostgreSQL, which several processes share. */
  get sharesLimits(): boolean {
    return this.current?.store.kind === 'postgres';
  }

  /**
   * A cooldown in the shared store: 0 to go, else seconds to wait. On the hot path, so it
   * gives up quickly (300 ms); the caller then keeps the limit in memory.
   */
  takeCooldown(key: string, seconds: number): Promise<number> {
    return this.use((s) => s.takeCooldown(key, seconds), 300);
  }

  /**
   * Whether a request's key is new in the shared store, bounded like the cooldown unless the
   * caller can afford to wait longer (`timeoutMs`): a guess from memory lets a duplicate through.
   */
  firstSeen(key: string, ttlSeconds: number, timeoutMs = 300): Promise<boolean> {
    return this.use((s) => s.firstSeen(key, ttlSeconds), timeoutMs);
  }

  // ── Records and feedback ───────────────────────────────────────────────────

  /**
   * Records what the bot answered; returns the record's id for the feedback buttons. A
   * list of verdicts ("check claims" on a message) makes one record per verdict and
   * returns the first one's id. Never throws: when the store is down or fails it logs
   * and returns null, and the reply goes out without feedback buttons.
   */
  async record(input: RecordInput): Promise<number | null> {
    if (!this.current) return null;
    const parts = recordParts(input.result);
    if (parts.length === 0) parts.push({ text: '', outcome: 'none', factIds: [] });
    try {
      const ids: number[] = [];
      for (const p of parts) ids.push(await this.current.store.recordInteraction({ ...input, ...p }));
      return ids[0]!;
    } catch (err) {
      this.log.warn({ err, command: input.command }, 'moderation: could not record an interaction');
      return null;
    }
  }

  /** "Helpful" / "Not helpful": one vote per user per record; voting again changes it. */
  vote(input: VoteInput): Promise<VoteResult> {
    return this.use((s) => s.vote(input));
  }

  // ── The report ─────────────────────────────────────────────────────────────

  /** One community's report over the last `days` days (default 7). */
  report(tenant: string, days = 7, limit = 10): Promise<Report> {
    return this.use((s) =>
      report(s, tenant, days, {
        limit,
        statementOf: (id) => this.engine.fact(id, { tenant })?.statement,
        mask: (t) => this.engine.safeEcho(t),
        found: this.engine.found,
      }),
    );
  }

  // ── Proposals and review ───────────────────────────────────────────────────

  /**
   * Validates a proposed fact and stores it as pending in its community; or says what is
   * wrong with it. The same idempotency key again returns the proposal already saved.
   * Throws `ProposalLimit` when the proposer has made too many this hour or the queue is full.
   */
  propose(
    tenant: string,
    input: ProposalInput,
    proposer: Actor,
    idempotencyKey?: string | null,
  ): ReturnType<typeof propose> {
    return this.use(async (s) => {
      const hour = new Date(Date.now() - 3_600_000);
      const counts = await s.proposalCounts(tenant, proposer, hour);
      const perHour = this.options.proposalsPerHour ?? 10;
      const pendingMax = this.options.pendingMax ?? 200;
      const again = idempotencyKey ? await s.proposalByKey(tenant, idempotencyKey) : undefined;
      if (!again) {
        if (counts.recent >= perHour)
          throw new ProposalLimit(`you have proposed ${perHour} facts in the last hour; please wait before the next`);
        if (counts.pending >= pendingMax)
          throw new ProposalLimit(
            `${pendingMax} proposals are already waiting for review here; please wait until moderators have decided some`,
          );
      }
      return propose(s, this.engine.pack, input, proposer, { tenant, idempotencyKey });
    });
  }

  /** A community's review queue, oldest first. */
  pending(tenant: string, limit = 25): Promise<ProposalRecord[]> {
    return this.proposals(tenant, 'pending', limit);
  }

  proposals(tenant: string, status: ProposalStatus, limit = 25): Promise<ProposalRecord[]> {
    return this.use((s) => s.listProposals(tenant, status, limit));
  }

  proposal(tenant: string, id: number): Promise<ProposalRecord | undefined> {
    return this.use((s) => s.getProposal(tenant, id));
  }

  /** Approves a proposal of this community: the fact joins its answers now, on every process within seconds. */
  approve(tenant: string, id: number, reviewer: Actor, reason?: string): Promise<Decision> {
    return this.use((s) =>
      approve(s, this.engine.pack, tenant, id, reviewer, {
        reason,
        onApproved: (a) => {
          addToEngine(this.engine, a);
          this.current?.sync.noteApplied(a);
        },
      }),
    );
  }

  reject(tenant: string, id: number, reviewer: Actor, reason: string): Promise<Decision> {
    return this.use((s) => reject(s, tenant, id, reviewer, reason));
  }

  /** Every community's approved facts as pack YAML, for `knowledge/facts/community.yaml`. */
  exportApproved(): Promise<string> {
    return this.use((s) => exportApproved(s));
  }

  // ── Channel settings ───────────────────────────────────────────────────────

  /** A channel's mode and cooldown, from memory: cheap enough for every message. The defaults while the store is down. */
  channel(
    tenant: string,
    platform: string,
    channel: string,
    defaults: Partial<ChannelDefaults> = {},
  ): EffectiveChannel {
    const setting = this.current?.sync.channel(tenant, platform, channel);
    return {
      mode: setting?.mode ?? defaults.mode ?? this.defaults.mode,
      cooldownSeconds: setting?.cooldownSeconds ?? defaults.cooldownSeconds ?? this.defaults.cooldownSeconds,
      setting,
    };
  }

  /** Every stored channel setting of a community, from memory. */
  channels(tenant: string): ChannelSetting[] {
    return this.current?.sync.allChannels(tenant) ?? [];
  }

  /**
   * Sets a channel's mode (public, ephemeral, off) and/or cooldown in seconds (COOLDOWN_RANGE). A
   * field left out keeps its value; null goes back to the default. Other processes follow.
   */
  async setChannel(
    tenant: string,
    platform: string,
    channel: string,
    change: { mode?: ChannelMode | null; cooldownSeconds?: number | null },
    by: Actor,
  ): Promise<ChannelSetting> {
    if (change.mode != null && !isChannelMode(change.mode)) {
      throw new RangeError(`mode must be one of ${CHANNEL_MODES.join(', ')}`);
    }
    if (change.cooldownSeconds != null && !isCooldown(change.cooldownSeconds)) {
      throw new RangeError(
        `cooldown must be a whole number of seconds from ${COOLDOWN_RANGE.min} to ${COOLDOWN_RANGE.max}`,
      );
    }
    return this.use(async (s) => {
      const setting = await s.setChannelSetting(tenant, platform, channel, change, by.name);
      await this.current?.sync.refresh();
      return setting;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const current = this.current;
    this.current = null;
    if (!current) return;
    await current.sync.stop();
    if (this.ownsStore) await current.store.close();
  }
}

/**
 * The moderators' loop for one bot process, over one store and one live engine. Adapters
 * (Discord, Slack, the console) call this and render what it returns; none of the logic
 * lives in them.
 *
 *   const mod = await Moderation.open({ ...config.store, log }, engine);
 *   const id = await mod.record({ platform: 'slack', guild: teamId, channel, userId, command: 'ask', result: answer });
 *   await mod.vote({ interactionId: id, platform: 'slack', userId, helpful: false, reason: 'wrong year' });
 *   const r = await mod.report(7);
 *   await mod.propose(fields, { platform: 'slack', userId, name: 'Ann' });
 *   await mod.approve(proposalId, { platform: 'slack', userId: modId, name: 'Mo' });   // answers cite it at once
 *   mod.channel('slack', channel);                                                     // { mode, cooldownSeconds }
 *   await mod.stop();
 */
import pino, { type Logger } from 'pino';
import type { Engine } from '../core/engine.js';
import type { Answer, Verdict } from '../core/model.js';
import {
  CHANNEL_MODES,
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
  log?: Logger;
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

  private constructor(
    readonly store: Store,
    readonly engine: Engine,
    private readonly sync: StoreSync,
    options: ModerationOptions,
    private readonly ownsStore: boolean,
    private readonly log: Logger,
  ) {
    this.defaults = { mode: 'public', cooldownSeconds: 5, ...options.defaults };
  }

  /** Starts on an open store: loads approved facts into the engine and follows changes. */
  static async start(store: Store, engine: Engine, options: ModerationOptions = {}): Promise<Moderation> {
    return Moderation.begin(store, engine, options, false);
  }

  /** Opens the store (`Config.store` fits `StoreOptions`), then starts; `stop` closes it. */
  static async open(storeOptions: StoreOptions, engine: Engine, options: ModerationOptions = {}): Promise<Moderation> {
    const store = await openStore({ log: options.log, ...storeOptions });
    try {
      return await Moderation.begin(store, engine, options, true);
    } catch (e) {
      await store.close();
      throw e;
    }
  }

  private static async begin(
    store: Store,
    engine: Engine,
    options: ModerationOptions,
    owns: boolean,
  ): Promise<Moderation> {
    const log = (options.log ?? pino({ enabled: false })).child({ component: 'moderation' });
    const sync = await StoreSync.start(store, {
      onFact: (a) => addToEngine(engine, a),
      pollMs: options.pollMs,
      listen: options.listen,
      log,
    });
    return new Moderation(store, engine, sync, options, owns, log);
  }

  // ── Records and feedback ───────────────────────────────────────────────────

  /**
   * Records what the bot answered; returns the record's id for the feedback buttons. A
   * list of verdicts ("check claims" on a message) makes one record per verdict and
   * returns the first one's id. Never throws: when the store fails it logs and returns
   * null, and the reply goes out without feedback buttons.
   */
  async record(input: RecordInput): Promise<number | null> {
    const parts = recordParts(input.result);
    if (parts.length === 0) parts.push({ text: '', outcome: 'none', factIds: [] });
    try {
      const ids: number[] = [];
      for (const p of parts) ids.push(await this.store.recordInteraction({ ...input, ...p }));
      return ids[0]!;
    } catch (err) {
      this.log.warn({ err, command: input.command }, 'moderation: could not record an interaction');
      return null;
    }
  }

  /** "Helpful" / "Not helpful": one vote per user per record; voting again changes it. */
  vote(input: VoteInput): Promise<VoteResult> {
    return this.store.vote(input);
  }

  // ── The report ─────────────────────────────────────────────────────────────

  /** The moderators' report over the last `days` days (default 7). */
  report(days = 7, limit = 10): Promise<Report> {
    return report(this.store, days, {
      limit,
      statementOf: (id) => this.engine.fact(id)?.statement,
      mask: (t) => this.engine.safeEcho(t),
      found: this.engine.found,
    });
  }

  // ── Proposals and review ───────────────────────────────────────────────────

  /** Validates a proposed fact and stores it as pending; or says what is wrong with it. */
  propose(input: ProposalInput, proposer: Actor): ReturnType<typeof propose> {
    return propose(this.store, this.engine.pack, input, proposer);
  }

  /** The review queue, oldest first. */
  pending(limit = 25): Promise<ProposalRecord[]> {
    return this.store.listProposals('pending', limit);
  }

  proposal(id: number): Promise<ProposalRecord | undefined> {
    return this.store.getProposal(id);
  }

  /** Approves a proposal: the fact joins this engine now, and every other process's within seconds. */
  approve(id: number, reviewer: Actor, reason?: string): Promise<Decision> {
    return approve(this.store, this.engine.pack, id, reviewer, {
      reason,
      onApproved: (a) => {
        addToEngine(this.engine, a);
        this.sync.noteApplied(a);
      },
    });
  }

  reject(id: number, reviewer: Actor, reason: string): Promise<Decision> {
    return reject(this.store, id, reviewer, reason);
  }

  /** The approved facts as pack YAML, for `knowledge/facts/community.yaml`. */
  exportApproved(): Promise<string> {
    return exportApproved(this.store);
  }

  // ── Channel settings ───────────────────────────────────────────────────────

  /** A channel's mode and cooldown, from memory: cheap enough for every message. */
  channel(platform: string, channel: string, defaults: Partial<ChannelDefaults> = {}): EffectiveChannel {
    const setting = this.sync.channel(platform, channel);
    return {
      mode: setting?.mode ?? defaults.mode ?? this.defaults.mode,
      cooldownSeconds: setting?.cooldownSeconds ?? defaults.cooldownSeconds ?? this.defaults.cooldownSeconds,
      setting,
    };
  }

  /** Every stored channel setting, from memory. */
  channels(): ChannelSetting[] {
    return this.sync.allChannels();
  }

  /**
   * Sets a channel's mode (public, ephemeral, off) and/or cooldown in seconds (COOLDOWN_RANGE). A
   * field left out keeps its value; null goes back to the default. Other processes follow.
   */
  async setChannel(
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
    const setting = await this.store.setChannelSetting(platform, channel, change, by.name);
    await this.sync.refresh();
    return setting;
  }

  async stop(): Promise<void> {
    await this.sync.stop();
    if (this.ownsStore) await this.store.close();
  }
}

/**
 * The store: what the bot did and what moderators decided, in one SQL database. PostgreSQL
 * when a URL is given (several bot processes may share it); embedded PGlite otherwise.
 *
 *   const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: 'data' });
 *   const id = await store.recordInteraction({ tenant: 'discord:g1', platform: 'discord', channel: 'c1', userId: 'u1', command: 'ask', text, outcome: 'no_answer' });
 *   await store.vote({ tenant: 'discord:g1', interactionId: id, platform: 'discord', userId: 'u2', helpful: false, reason: 'off topic' });
 *
 * Every record belongs to a tenant: one community ("discord:<guild>", "slack:<team>", or
 * "<platform>:dm:<channel>"), and every read and write is confined to the tenant given.
 *   await store.close();
 *
 * Writes that other processes must see (decisions on proposals, channel settings) send a
 * NOTIFY on commit; `onChange` hears them and `fingerprint` lets a poller notice them too.
 */
import { createHmac, randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { openPglite, openPostgres, type Db, type PostgresTimeouts, type Queryable } from './db.js';
import type { ChannelMode } from './channel-settings.js';
import { migrate } from './migrations.js';

export interface StoreOptions {
  /** postgres://… to use a PostgreSQL server; without it, embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Directory of the embedded database (default "data"); its files go in `<dataDir>/pglite`. */
  dataDir?: string;
  /** The schema holding the tables (default "public"); tests each take their own. */
  schema?: string;
  /** Interactions older than this many days are deleted at open and daily after (default 90; 0 never). */
  retentionDays?: number;
  /** Key for hashing user ids; without it a random per-install key is made and kept in the store. */
  userHashSecret?: string;
  /** PostgreSQL's connect, statement and idle timeouts in ms (default 2000, 2000, 10000). */
  timeouts?: Partial<PostgresTimeouts>;
  log?: Logger;
}

export type Platform = string;

/** A person acting on a platform. The id is hashed before it is kept; the name is shown. */
export interface Actor {
  platform: Platform;
  userId: string;
  /** Display name, shown as who proposed or approved (never a mention). */
  name: string;
}

export interface NewInteraction {
  /** The community it happened in. */
  tenant: string;
  platform: Platform;
  guild?: string | null;
  channel?: string | null;
  /** ask, check, check_message, sources, … */
  command: string;
  /** The question or claim as echoed back to the user (abuse already masked). */
  text: string;
  /** The answer's status or the verdict: answered, no_answer, supported, unverified, … */
  outcome: string;
  factIds?: string[];
  userId: string;
  /** When it happened; now by default. For imports and tests. */
  at?: Date;
}

export interface Interaction {
  id: number;
  tenant: string;
  platform: Platform;
  guild: string | null;
  channel: string | null;
  command: string;
  text: string;
  outcome: string;
  factIds: string[];
  userHash: string;
  createdAt: string;
}

export interface VoteInput {
  /** The voter's community: a record of another community is not found. */
  tenant: string;
  interactionId: number;
  platform: Platform;
  userId: string;
  helpful: boolean;
  /** A one-line reason, usually for "Not helpful"; cut to 300 characters. */
  reason?: string | null;
}

/** created: a first vote; updated: the user changed theirs; unknown_interaction: nothing to vote on (pruned?). */
export type VoteResult = 'created' | 'updated' | 'unknown_interaction';

export type ProposalStatus = 'pending' | 'approved' | 'rejected';

/** Where a proposed fact comes from: a document of the pack, or a new document described. */
export type ProposalSource =
  | { document: string; post?: number }
  | { title: string; author?: string | null; date?: string | null; url?: string | null };

export interface NewProposal {
  statement: string;
  quote: string;
  topic: string;
  kind: string;
  date?: string | null;
  source: ProposalSource;
  proposer: Actor;
  /** The community whose moderators review it, and whose answers cite it once approved. */
  tenant: string;
  /** The same key again (a resubmitted form) returns the proposal already saved. */
  idempotencyKey?: string | null;
}

export interface ProposalRecord {
  id: number;
  /** null: approved before tenants existed; it belongs to no community and is not cited. */
  tenant: string | null;
  status: ProposalStatus;
  statement: string;
  quote: string;
  topic: string;
  kind: string;
  date: string | null;
  source: ProposalSource;
  platform: Platform;
  proposer: string;
  proposerHash: string;
  reviewer: string | null;
  reason: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

export type { ChannelMode } from './channel-settings.js';

export interface ChannelSetting {
  tenant: string;
  platform: Platform;
  channel: string;
  /** null: the adapter's default. */
  mode: ChannelMode | null;
  /** null: the configured default. */
  cooldownSeconds: number | null;
  updatedBy: string | null;
  updatedAt: string;
}

export type ChangeKind = 'proposals' | 'channels';

export interface TextCount {
  text: string;
  count: number;
}

export interface FactVotes {
  fact: string;
  notHelpful: number;
  helpful: number;
  /** The latest reasons given with "Not helpful", newest first, at most three. */
  reasons: string[];
}

export interface CommandCount {
  command: string;
  count: number;
  /** Count per outcome, e.g. { answered: 12, no_answer: 3 }. */
  outcomes: Record<string, number>;
}

const DAY_MS = 86_400_000;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/** Opens the store: connects, runs migrations, prunes old records, and schedules the daily prune. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const log = (options.log ?? pino({ enabled: false })).child({ component: 'store' });
  const schema = options.schema ?? 'public';
  // The schema also names the NOTIFY channel, which PGlite does not quote: keep it a plain identifier.
  if (!SCHEMA_NAME.test(schema)) throw new Error(`store: schema "${schema}" must be lowercase letters, digits and _`);
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, schema, log, options.timeouts)
    : await openPglite(`${options.dataDir ?? 'data'}/pglite`, schema);
  try {
    const applied = await migrate(db, schema);
    if (applied.length) log.info({ applied }, 'store: applied migrations');
    const secret = options.userHashSecret || (await installSecret(db));
    const store = new Store(db, schema, secret, log);
    const days = options.retentionDays ?? 90;
    if (days > 0) await store.startRetention(days);
    return store;
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}

/** The per-install secret: made once, by whichever process gets there first. */
async function installSecret(db: Db): Promise<string> {
  await db.query("INSERT INTO settings (key, value) VALUES ('user_hash_secret', $1) ON CONFLICT (key) DO NOTHING", [
    randomBytes(32).toString('hex'),
  ]);
  const [row] = await db.query<{ value: string }>("SELECT value FROM settings WHERE key = 'user_hash_secret'");
  return row!.value;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const clip = (s: string | null | undefined, n: number): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, n) : null;
};

/** A proposal as the database keeps it: the record's own columns, and the rest flattened. */
interface ProposalRow extends Pick<ProposalRecord, 'tenant' | 'status' | 'statement' | 'quote' | 'topic' | 'kind'> {
  id: number | string;
  fact_date: string | null;
  source_document: string | null;
  source_post: number | null;
  doc_title: string | null;
  doc_author: string | null;
  doc_date: string | null;
  doc_url: string | null;
  platform: string;
  proposer_name: string;
  proposer_hash: string;
  reviewer_name: string | null;
  reason: string | null;
  created_at: Date;
  reviewed_at: Date | null;
}

function toProposal(r: ProposalRow): ProposalRecord {
  const source: ProposalSource =
    r.source_document !== null
      ? { document: r.source_document, ...(r.source_post !== null ? { post: r.source_post } : {}) }
      : { title: r.doc_title!, author: r.doc_author, date: r.doc_date, url: r.doc_url };
  return {
    id: Number(r.id),
    tenant: r.tenant,
    status: r.status,
    statement: r.statement,
    quote: r.quote,
    topic: r.topic,
    kind: r.kind,
    date: r.fact_date,
    source,
    platform: r.platform,
    proposer: r.proposer_name,
    proposerHash: r.proposer_hash,
    reviewer: r.reviewer_name,
    reason: r.reason,
    createdAt: iso(r.created_at)!,
    reviewedAt: iso(r.reviewed_at),
  };
}

interface ChannelRow {
  tenant: string;
  platform: string;
  channel: string;
  mode: ChannelMode | null;
  cooldown_seconds: number | null;
  updated_by: string | null;
  updated_at: Date;
}

const toChannel = (r: ChannelRow): ChannelSetting => ({
  tenant: r.tenant,
  platform: r.platform,
  channel: r.channel,
  mode: r.mode,
  cooldownSeconds: r.cooldown_seconds,
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at)!,
});

export class Store {
  /** The NOTIFY channel of this store's schema. */
  readonly channel: string;
  private retention: NodeJS.Timeout | null = null;
  private limitsPrune: NodeJS.Timeout | null = null;
  private closed = false;

  /** Use `openStore`; the constructor expects a migrated database. */
  constructor(
    private readonly db: Db,
    readonly schema: string,
    private readonly secret: string,
    private readonly log: Logger,
  ) {
    this.channel = `crosscheck_${schema}`;
  }

  /** 'postgres' or 'pglite'. */
  get kind(): Db['kind'] {
    return this.db.kind;
  }

  /** The keyed hash that stands for a user: HMAC-SHA256 of platform and id. */
  hashUser(platform: Platform, userId: string): string {
    return createHmac('sha256', this.secret).update(`${platform}:${userId}`).digest('hex');
  }

  // ── Interactions and votes ────────────────────────────────────────────────

  /** Records one answered command; returns its id, for the feedback buttons. */
  async recordInteraction(i: NewInteraction): Promise<number> {
    const [row] = await this.db.query<{ id: number | string }>(
      `INSERT INTO interactions (platform, guild, channel, command, text, outcome, fact_ids, user_hash, created_at, tenant)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now()), $10) RETURNING id`,
      [
        i.platform,
        i.guild ?? null,
        i.channel ?? null,
        i.command,
        i.text.slice(0, 2000),
        i.outcome,
        i.factIds ?? [],
        this.hashUser(i.platform, i.userId),
        i.at?.toISOString() ?? null,
        i.tenant,
      ],
    );
    return Number(row!.id);
  }

  /** A record of this tenant, or undefined (none such, pruned, or another community's). */
  async getInteraction(tenant: string, id: number): Promise<Interaction | undefined> {
    const [r] = await this.db.query<{
      id: number | string;
      tenant: string;
      platform: string;
      guild: string | null;
      channel: string | null;
      command: string;
      text: string;
      outcome: string;
      fact_ids: string[];
      user_hash: string;
      created_at: Date;
    }>('SELECT * FROM interactions WHERE id = $1 AND tenant = $2', [id, tenant]);
    return (
      r && {
        id: Number(r.id),
        tenant: r.tenant,
        platform: r.platform,
        guild: r.guild,
        channel: r.channel,
        command: r.command,
        text: r.text,
        outcome: r.outcome,
        factIds: r.fact_ids,
        userHash: r.user_hash,
        createdAt: iso(r.created_at)!,
      }
    );
  }

  /** One vote per user per interaction: a second vote replaces the first. */
  async vote(v: VoteInput): Promise<VoteResult> {
    const rows = await this.db.query<{ inserted: boolean }>(
      `INSERT INTO votes (interaction_id, user_hash, helpful, reason)
       SELECT $1::bigint, $2::text, $3::boolean, $4::text WHERE EXISTS (SELECT 1 FROM interactions WHERE id = $1::bigint AND tenant = $5::text)
       ON CONFLICT (interaction_id, user_hash) DO UPDATE SET helpful = EXCLUDED.helpful, reason = EXCLUDED.reason, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [v.interactionId, this.hashUser(v.platform, v.userId), v.helpful, clip(v.reason, 300), v.tenant],
    );
    if (rows.length === 0) return 'unknown_interaction';
    return rows[0]!.inserted ? 'created' : 'updated';
  }

  /** The votes on one interaction, and the given user's own vote if any. */
  async voteCounts(
    interactionId: number,
    voter?: { platform: Platform; userId: string },
  ): Promise<{ helpful: number; notHelpful: number; mine: boolean | null }> {
    const [r] = await this.db.query<{ helpful: number; not_helpful: number; mine: boolean | null }>(
      `SELECT count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful,
              bool_or(helpful) FILTER (WHERE user_hash = $2) AS mine
       FROM votes WHERE interaction_id = $1`,
      [interactionId, voter ? this.hashUser(voter.platform, voter.userId) : null],
    );
    return { helpful: r!.helpful, notHelpful: r!.not_helpful, mine: r!.mine };
  }

  /** Deletes interactions (and their votes) older than `retentionDays`; returns how many. */
  async prune(retentionDays: number): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      'DELETE FROM interactions WHERE created_at < now() - make_interval(days => $1) RETURNING id',
      [retentionDays],
    );
    return rows.length;
  }

  /** Prunes now, then once a day until `close`. Called by `openStore`. */
  async startRetention(retentionDays: number): Promise<void> {
    const run = async () => {
      const n = await this.prune(retentionDays);
      if (n) this.log.info({ pruned: n, retentionDays }, 'store: pruned old interactions');
    };
    // Expired limits are many and small: cleared hourly.
    this.limitsPrune = setInterval(
      () => void this.pruneLimits().catch((err) => this.log.warn({ err }, 'store: pruning limits failed')),
      3_600_000,
    );
    this.limitsPrune.unref();
    await run();
    if (this.retention) clearInterval(this.retention);
    this.retention = setInterval(
      () => void run().catch((err) => this.log.warn({ err }, 'store: prune failed')),
      DAY_MS,
    );
    this.retention.unref();
  }

  // ── Limits shared by every process on this database ────────────────────────

  /**
   * A cooldown: 0 if `key` may go now (and the window starts), else the seconds left. One
   * statement, so two processes taking the same key at once cannot both go.
   */
  async takeCooldown(key: string, seconds: number): Promise<number> {
    const [row] = await this.db.query<{ went: boolean; left: number }>(
      `WITH taken AS (
         INSERT INTO limit_marks (key, expires_at) VALUES ($1, now() + make_interval(secs => $2))
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE limit_marks.expires_at <= now()
         RETURNING key
       )
       SELECT EXISTS (SELECT 1 FROM taken) AS went,
              COALESCE((SELECT ceil(extract(epoch FROM expires_at - now()))::int FROM limit_marks WHERE key = $1), 0) AS left`,
      [`cooldown:${key}`, seconds],
    );
    return row!.went ? 0 : Math.max(1, row!.left);
  }

  /** Whether `key` (a Slack event id, a request's signature) is seen for the first time in `ttlSeconds`; it is marked either way. */
  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO limit_marks (key, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE limit_marks.expires_at <= now()
       RETURNING key`,
      [`seen:${key}`, ttlSeconds],
    );
    return rows.length > 0;
  }

  /** Deletes the limits that have run out; returns how many. */
  async pruneLimits(): Promise<number> {
    return (await this.db.query('DELETE FROM limit_marks WHERE expires_at < now() RETURNING key')).length;
  }

  // ── What the report reads ──────────────────────────────────────────────────

  /** Texts of one command with one outcome since `since`, with how often each was asked. */
  async outcomeTexts(tenant: string, command: string, outcome: string, since: Date): Promise<TextCount[]> {
    return this.db.query<TextCount>(
      `SELECT text, count(*)::int AS count FROM interactions
       WHERE tenant = $4 AND command = $1 AND outcome = $2 AND created_at >= $3 GROUP BY text ORDER BY count DESC, text`,
      [command, outcome, since.toISOString(), tenant],
    );
  }

  /**
   * Facts cited by answers that drew "Not helpful" votes since `since`, most first. A person
   * counts once per fact, however many answers citing it they voted on; their latest vote counts.
   */
  async notHelpfulFacts(tenant: string, since: Date, limit = 10): Promise<FactVotes[]> {
    const rows = await this.db.query<{
      fact: string;
      not_helpful: number;
      helpful: number;
      reasons: (string | null)[];
    }>(
      `WITH latest AS (
         SELECT DISTINCT ON (f.fact, v.user_hash) f.fact, v.helpful, v.reason, v.updated_at
         FROM votes v JOIN interactions i ON i.id = v.interaction_id CROSS JOIN LATERAL unnest(i.fact_ids) AS f(fact)
         WHERE i.tenant = $3 AND v.updated_at >= $1
         ORDER BY f.fact, v.user_hash, v.updated_at DESC
       )
       SELECT fact, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful, count(*) FILTER (WHERE helpful)::int AS helpful,
              array_agg(reason ORDER BY updated_at DESC) FILTER (WHERE NOT helpful AND reason IS NOT NULL) AS reasons
       FROM latest
       GROUP BY fact HAVING count(*) FILTER (WHERE NOT helpful) > 0
       ORDER BY not_helpful DESC, helpful, fact LIMIT $2`,
      [since.toISOString(), limit, tenant],
    );
    return rows.map((r) => ({
      fact: r.fact,
      notHelpful: r.not_helpful,
      helpful: r.helpful,
      reasons: (r.reasons ?? []).filter((x): x is string => !!x).slice(0, 3),
    }));
  }

  /** How many times each command ran since `since`, split by outcome. */
  async commandCounts(tenant: string, since: Date): Promise<CommandCount[]> {
    const rows = await this.db.query<{ command: string; outcome: string; count: number }>(
      'SELECT command, outcome, count(*)::int AS count FROM interactions WHERE tenant = $2 AND created_at >= $1 GROUP BY command, outcome',
      [since.toISOString(), tenant],
    );
    const byCommand = new Map<string, CommandCount>();
    for (const r of rows) {
      const c = byCommand.get(r.command) ?? { command: r.command, count: 0, outcomes: {} };
      c.count += r.count;
      c.outcomes[r.outcome] = r.count;
      byCommand.set(r.command, c);
    }
    return [...byCommand.values()].sort((a, b) => b.count - a.count || a.command.localeCompare(b.command));
  }

  // ── Proposals ──────────────────────────────────────────────────────────────

  /**
   * Saves a pending proposal. With an idempotency key already used in this tenant, nothing is
   * saved and the proposal saved then comes back (`created: false`).
   */
  async addProposal(p: NewProposal): Promise<{ proposal: ProposalRecord; created: boolean }> {
    const s = p.source;
    const existing = 'document' in s;
    const [row] = await this.db.query<ProposalRow>(
      `INSERT INTO proposals (statement, quote, topic, kind, fact_date, source_document, source_post, doc_title, doc_author, doc_date, doc_url, platform, proposer_name, proposer_hash, tenant, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (tenant, idempotency_key) DO NOTHING RETURNING *`,
      [
        p.statement,
        p.quote,
        p.topic,
        p.kind,
        p.date ?? null,
        existing ? s.document : null,
        existing ? (s.post ?? null) : null,
        existing ? null : s.title,
        existing ? null : (s.author ?? null),
        existing ? null : (s.date ?? null),
        existing ? null : (s.url ?? null),
        p.proposer.platform,
        p.proposer.name,
        this.hashUser(p.proposer.platform, p.proposer.userId),
        p.tenant,
        p.idempotencyKey ?? null,
      ],
    );
    if (!row) return { proposal: (await this.proposalByKey(p.tenant, p.idempotencyKey!))!, created: false };
    await this.notify('proposals');
    return { proposal: toProposal(row), created: true };
  }

  /** A proposal of this tenant, or undefined (none such, or another community's). */
  async getProposal(tenant: string, id: number): Promise<ProposalRecord | undefined> {
    const [row] = await this.db.query<ProposalRow>('SELECT * FROM proposals WHERE id = $1 AND tenant = $2', [
      id,
      tenant,
    ]);
    return row && toProposal(row);
  }

  /** The proposal saved with this idempotency key in this tenant, if any. */
  async proposalByKey(tenant: string, key: string): Promise<ProposalRecord | undefined> {
    const [row] = await this.db.query<ProposalRow>(
      'SELECT * FROM proposals WHERE tenant = $1 AND idempotency_key = $2',
      [tenant, key],
    );
    return row && toProposal(row);
  }

  /** How many proposals of this tenant wait for review, and how many this person made since `since`. */
  async proposalCounts(tenant: string, proposer: Actor, since: Date): Promise<{ pending: number; recent: number }> {
    const [r] = await this.db.query<{ pending: number; recent: number }>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE proposer_hash = $2 AND created_at >= $3)::int AS recent
       FROM proposals WHERE tenant = $1`,
      [tenant, this.hashUser(proposer.platform, proposer.userId), since.toISOString()],
    );
    return r!;
  }

  /** Proposals with a status, oldest first for pending (a review queue), newest first otherwise. */
  async listProposals(tenant: string, status: ProposalStatus, limit = 25): Promise<ProposalRecord[]> {
    const order = status === 'pending' ? 'id' : 'reviewed_at DESC, id DESC';
    const rows = await this.db.query<ProposalRow>(
      `SELECT * FROM proposals WHERE tenant = $3 AND status = $1 ORDER BY ${order} LIMIT $2`,
      [status, limit, tenant],
    );
    return rows.map(toProposal);
  }

  /**
   * Every approved proposal of every tenant, in the order they were approved: one process
   * serves many communities, and each fact carries its tenant into the engine.
   */
  async approvedProposals(): Promise<ProposalRecord[]> {
    const rows = await this.db.query<ProposalRow>(
      "SELECT * FROM proposals WHERE status = 'approved' ORDER BY reviewed_at, id",
    );
    return rows.map(toProposal);
  }

  /**
   * Approves or rejects a pending proposal. Returns the decided record, or undefined when
   * it is not pending (another moderator decided first, or there is no such proposal).
   */
  async decideProposal(
    tenant: string,
    id: number,
    status: 'approved' | 'rejected',
    reviewer: Actor,
    reason?: string | null,
  ): Promise<ProposalRecord | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<ProposalRow>(
        `UPDATE proposals SET status = $2, reviewer_name = $3, reviewer_hash = $4, reason = $5, reviewed_at = now()
         WHERE id = $1 AND tenant = $6 AND status = 'pending' RETURNING *`,
        [id, status, reviewer.name, this.hashUser(reviewer.platform, reviewer.userId), clip(reason, 300), tenant],
      );
      if (row) await this.notify('proposals', tx);
      return row && toProposal(row);
    });
  }

  // ── Channel settings ───────────────────────────────────────────────────────

  async getChannelSetting(tenant: string, platform: Platform, channel: string): Promise<ChannelSetting | undefined> {
    const [row] = await this.db.query<ChannelRow>(
      'SELECT * FROM channel_settings WHERE tenant = $3 AND platform = $1 AND channel = $2',
      [platform, channel, tenant],
    );
    return row && toChannel(row);
  }

  /** Every channel setting of every tenant, for the cache each process keeps. */
  async listChannelSettings(): Promise<ChannelSetting[]> {
    return (await this.db.query<ChannelRow>('SELECT * FROM channel_settings ORDER BY tenant, platform, channel')).map(
      toChannel,
    );
  }

  /**
   * Sets a channel's mode and/or cooldown. A field left out keeps its value; null returns
   * it to the default.
   */
  async setChannelSetting(
    tenant: string,
    platform: Platform,
    channel: string,
    change: { mode?: ChannelMode | null; cooldownSeconds?: number | null },
    updatedBy?: string,
  ): Promise<ChannelSetting> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<ChannelRow>(
        `INSERT INTO channel_settings (platform, channel, mode, cooldown_seconds, updated_by, tenant)
         VALUES ($1, $2, $4, $6, $7, $8)
         ON CONFLICT (tenant, platform, channel) DO UPDATE SET
           mode = CASE WHEN $3 THEN EXCLUDED.mode ELSE channel_settings.mode END,
           cooldown_seconds = CASE WHEN $5 THEN EXCLUDED.cooldown_seconds ELSE channel_settings.cooldown_seconds END,
           updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING *`,
        [
          platform,
          channel,
          change.mode !== undefined,
          change.mode ?? null,
          change.cooldownSeconds !== undefined,
          change.cooldownSeconds ?? null,
          updatedBy ?? null,
          tenant,
        ],
      );
      await this.notify('channels', tx);
      return toChannel(row!);
    });
  }

  // ── Change notification ────────────────────────────────────────────────────

  /** Calls `onChange` when any process sharing this database changes proposals or channel settings. */
  async onChange(onChange: (kind: ChangeKind | string) => void): Promise<() => Promise<void>> {
    return this.db.listen(this.channel, onChange);
  }

  /**
   * A short digest of everything `onChange` is about. It differs whenever an approval or a
   * channel setting has changed, however the writes interleaved, so a poller cannot miss one.
   */
  async fingerprint(): Promise<string> {
    const [row] = await this.db.query<{ f: string }>(
      `SELECT md5(
         COALESCE((SELECT string_agg(id || ':' || reviewed_at, ',' ORDER BY id) FROM proposals WHERE status = 'approved'), '') || '|' ||
         COALESCE((SELECT string_agg(tenant || '/' || platform || '/' || channel || '/' || COALESCE(mode, '-') || '/' || COALESCE(cooldown_seconds::text, '-') || '/' || updated_at, ',' ORDER BY tenant, platform, channel) FROM channel_settings), '')
       ) AS f`,
    );
    return row!.f;
  }

  private async notify(kind: ChangeKind, tx: Queryable = this.db): Promise<void> {
    await tx.query('SELECT pg_notify($1, $2)', [this.channel, kind]);
  }

  /** Runs a query directly; for tests and one-off maintenance. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.db.query<T>(sql, params);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retention) clearInterval(this.retention);
    if (this.limitsPrune) clearInterval(this.limitsPrune);
    await this.db.close();
  }
}

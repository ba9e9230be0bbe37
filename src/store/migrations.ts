/**
 * Versioned migrations, the same SQL for PostgreSQL and PGlite. They run on open, each
 * once, recorded in `schema_migrations`. A transaction-scoped advisory lock makes two
 * processes that start at once take turns: the second finds the work done.
 *
 * Never edit a migration that has shipped; add the next version instead.
 */
import { createHash } from 'node:crypto';
import { quoteIdent, type Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'moderators loop',
    sql: `
      -- Install-wide values, such as the generated secret for hashing user ids.
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );

      -- What the bot did: one row per answered command. The user is a keyed hash, never the id.
      CREATE TABLE interactions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform text NOT NULL,
        guild text,
        channel text,
        command text NOT NULL,
        text text NOT NULL,
        outcome text NOT NULL,
        fact_ids text[] NOT NULL DEFAULT '{}',
        user_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX interactions_created_at ON interactions (created_at);
      CREATE INDEX interactions_outcome ON interactions (outcome, created_at);

      -- Helpful / Not helpful: one per user per interaction, changed in place.
      CREATE TABLE votes (
        interaction_id bigint NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        user_hash text NOT NULL,
        helpful boolean NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (interaction_id, user_hash)
      );
      CREATE INDEX votes_updated_at ON votes (updated_at);

      -- Facts proposed by the community, and the moderators' decisions on them.
      CREATE TABLE proposals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        statement text NOT NULL,
        quote text NOT NULL,
        topic text NOT NULL,
        kind text NOT NULL,
        fact_date text,
        -- The source: an existing document of the pack ...
        source_document text,
        source_post integer,
        -- ... or a new one, described.
        doc_title text,
        doc_author text,
        doc_date text,
        doc_url text,
        platform text NOT NULL,
        proposer_name text NOT NULL,
        proposer_hash text NOT NULL,
        reviewer_name text,
        reviewer_hash text,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        reviewed_at timestamptz,
        CHECK ((source_document IS NULL) <> (doc_title IS NULL))
      );
      CREATE INDEX proposals_status ON proposals (status, id);

      -- Where and how the bot speaks. A missing row means the adapter's defaults. The
      -- checks repeat channel-settings.ts as it was when this migration was written.
      CREATE TABLE channel_settings (
        platform text NOT NULL,
        channel text NOT NULL,
        mode text CHECK (mode IN ('public', 'ephemeral', 'off')),
        cooldown_seconds integer CHECK (cooldown_seconds BETWEEN 0 AND 3600),
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform, channel)
      );
    `,
  },
  {
    version: 2,
    name: 'tenants',
    sql: `
      -- Every record belongs to one community: "discord:<guild>", "slack:<team>", or
      -- "<platform>:dm:<channel>" for a direct message. Old records are given theirs.
      ALTER TABLE interactions ADD COLUMN tenant text;
      UPDATE interactions SET tenant = CASE WHEN guild IS NOT NULL THEN platform || ':' || guild ELSE platform || ':dm:' || COALESCE(channel, '') END;
      ALTER TABLE interactions ALTER COLUMN tenant SET NOT NULL;
      CREATE INDEX interactions_tenant ON interactions (tenant, created_at);

      -- A proposal approved before tenants existed belongs to no community (NULL): it is no
      -- longer cited anywhere, and knowledge:export still writes it.
      ALTER TABLE proposals ADD COLUMN tenant text;
      -- A resubmitted form carries the same key and finds the proposal already saved.
      ALTER TABLE proposals ADD COLUMN idempotency_key text;
      CREATE UNIQUE INDEX proposals_idempotency ON proposals (tenant, idempotency_key);
      CREATE INDEX proposals_tenant_status ON proposals (tenant, status, id);

      -- A channel's setting belongs to the community the channel is in, as its records show.
      ALTER TABLE channel_settings ADD COLUMN tenant text NOT NULL DEFAULT '';
      UPDATE channel_settings c SET tenant = COALESCE((SELECT i.tenant FROM interactions i WHERE i.platform = c.platform AND i.channel = c.channel ORDER BY i.id DESC LIMIT 1), '');
      ALTER TABLE channel_settings DROP CONSTRAINT channel_settings_pkey;
      ALTER TABLE channel_settings ADD PRIMARY KEY (tenant, platform, channel);
      ALTER TABLE channel_settings ALTER COLUMN tenant DROP DEFAULT;

      -- Limits that several processes share: a cooldown's last use, and requests already seen
      -- (Slack's retries, replayed signed requests), each kept until it expires.
      CREATE TABLE limit_marks (
        key text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX limit_marks_expires_at ON limit_marks (expires_at);
    `,
  },
  {
    version: 3,
    name: 'installations',
    sql: `
      -- One installation per tenant (slack:T…, slack:E… for an org-wide install): the
      -- platform's installation record as JSON, sealed with AES-256-GCM (src/store/secret-box.ts).
      CREATE TABLE installations (
        tenant text PRIMARY KEY,
        sealed text NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- OAuth state values handed out and not yet used, by hash; each is honoured once.
      CREATE TABLE oauth_states (
        state_hash text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX oauth_states_expires_at ON oauth_states (expires_at);
    `,
  },
];

/** A stable signed 64-bit key for the advisory lock, one per schema. */
export function lockKey(schema: string): string {
  return BigInt.asIntN(
    64,
    createHash('sha256').update(`crosscheck-migrations:${schema}`).digest().readBigUInt64BE(0),
  ).toString();
}

/** Applies the migrations not yet applied; returns the versions it applied. */
export async function migrate(
  db: Db,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(schema)]);
    // Only when missing: creating one needs a privilege a bot's database role may lack.
    const [exists] = await tx.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (!exists) await tx.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      // A parameterised query runs one statement, so a migration is split on semicolons;
      // migrations keep semicolons out of strings and comments.
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

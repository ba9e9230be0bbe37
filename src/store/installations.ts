/**
 * Installations of the bot, one per tenant (`slack:T…`, or `slack:E…` for an org-wide
 * install), kept sealed with a SecretBox: the row holds no token in the clear. And the
 * one-time OAuth `state` values, so an install link's state is honoured once, by whichever
 * instance behind the load balancer receives the redirect.
 *
 *   const installs = new Installations(store, new SecretBox(key));
 *   await installs.save('slack:T1', installation);
 *   await installs.get('slack:T1');      // the installation, or undefined
 *   await installs.remove('slack:T1');   // true if there was one
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './db.js';
import type { SecretBox } from './secret-box.js';

export class Installations {
  constructor(
    private readonly db: Queryable,
    private readonly box: SecretBox,
  ) {}

  async save(tenant: string, installation: object): Promise<void> {
    const sealed = this.box.seal(JSON.stringify(installation), tenant);
    await this.db.query(
      `INSERT INTO installations (tenant, sealed) VALUES ($1, $2)
       ON CONFLICT (tenant) DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = now()`,
      [tenant, sealed],
    );
  }

  async get<T = unknown>(tenant: string): Promise<T | undefined> {
    const [row] = await this.db.query<{ sealed: string }>('SELECT sealed FROM installations WHERE tenant = $1', [
      tenant,
    ]);
    return row ? (JSON.parse(this.box.open(row.sealed, tenant)) as T) : undefined;
  }

  async remove(tenant: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM installations WHERE tenant = $1 RETURNING tenant', [tenant]);
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM installations');
    return Number(row?.n ?? 0);
  }
}

/** A state is kept as its hash: the table never holds a value that would start an install. */
const hashOf = (state: string) => createHash('sha256').update(state).digest('hex');

export class OneTimeStates {
  constructor(private readonly db: Queryable) {}

  async remember(state: string, ttlSeconds: number): Promise<void> {
    // Expired states go as new ones come, so the table stays small without a job.
    await this.db.query('DELETE FROM oauth_states WHERE expires_at < now()');
    await this.db.query(
      `INSERT INTO oauth_states (state_hash, expires_at) VALUES ($1, now() + make_interval(secs => $2))`,
      [hashOf(state), ttlSeconds],
    );
  }

  /** True the first time a remembered, unexpired state is used; false ever after. */
  async use(state: string): Promise<boolean> {
    const rows = await this.db.query(
      'DELETE FROM oauth_states WHERE state_hash = $1 AND expires_at >= now() RETURNING 1',
      [hashOf(state)],
    );
    return rows.length > 0;
  }
}

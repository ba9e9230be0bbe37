/**
 * The two SQL engines behind the store, reduced to the four things it needs: run a query,
 * run a transaction, listen for notifications, close. PostgreSQL (`pg`) when a URL is
 * given; otherwise PGlite, which is Postgres itself compiled to WebAssembly, so the same
 * SQL and migrations serve both.
 */
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { PGlite as PGliteInstance } from '@electric-sql/pglite';
import type { Logger } from 'pino';

/** Anything that runs one statement: the database, or a transaction on it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` for every NOTIFY on `channel` (from any connection); returns a stop function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface PostgresTimeouts {
  /** Longest wait for a connection. */
  connectMs: number;
  /** Longest a statement may run; the server cancels it, and the client gives up a little later. */
  statementMs: number;
  /** How long an idle connection is kept in the pool. */
  idleMs: number;
}

/**
 * Two seconds to connect or run a statement: every statement the bot makes takes
 * milliseconds, and a user is waiting on Slack's or Discord's three-second clock.
 */
const TIMEOUTS: PostgresTimeouts = { connectMs: 2000, statementMs: 2000, idleMs: 10_000 };

/** PostgreSQL through a small pool, plus one dedicated connection for LISTEN that reconnects. */
export async function openPostgres(
  url: string,
  schema: string,
  log: Logger,
  timeouts: Partial<PostgresTimeouts> = {},
): Promise<Db> {
  const { default: pg } = await import('pg');
  const t = { ...TIMEOUTS, ...timeouts };
  // Every connection works in the store's schema, so tests can each take their own. The
  // server ends statements and idle transactions that run too long; `query_timeout` covers
  // a server that has stopped answering at all (a frozen host or network), and keepAlive a
  // connection that died silently.
  const config = {
    connectionString: url,
    options: `-c search_path=${quoteIdent(schema)} -c statement_timeout=${t.statementMs} -c idle_in_transaction_session_timeout=${t.statementMs * 2}`,
    max: 5,
    connectionTimeoutMillis: t.connectMs,
    query_timeout: t.statementMs + 500,
    idleTimeoutMillis: t.idleMs,
    keepAlive: true,
  };
  const pool = new pg.Pool(config);
  pool.on('error', (e) => log.warn({ err: e }, 'store: idle database connection failed'));
  const listeners: { channel: string; onNotify: (payload: string) => void }[] = [];
  let listener: InstanceType<typeof pg.Client> | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;
  let reconnecting = false;

  const scheduleRetry = (delayMs: number) => {
    if (closed) return;
    retry = setTimeout(() => {
      ensureListener().catch((err) => {
        log.warn({ err }, 'store: could not reconnect the LISTEN connection; trying again');
        scheduleRetry(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
    retry.unref();
  };

  const connectListener = async (): Promise<void> => {
    const client = new pg.Client(config);
    client.on('notification', (m) => {
      for (const l of listeners) if (l.channel === m.channel) l.onNotify(m.payload ?? '');
    });
    const reconnect = (e?: Error) => {
      if (closed || listener !== client) return;
      log.warn({ err: e }, 'store: lost the LISTEN connection; reconnecting (polling covers the gap)');
      listener = null;
      reconnecting = true;
      client.end().catch(() => {});
      scheduleRetry(1000);
    };
    client.on('error', reconnect);
    client.on('end', () => reconnect());
    try {
      await client.connect();
      for (const channel of new Set(listeners.map((l) => l.channel)))
        await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (e) {
      client.end().catch(() => {});
      throw e;
    }
    listener = client;
    // Whatever was notified while the connection was down is lost: tell every listener to look.
    if (reconnecting) for (const l of listeners) l.onNotify('reconnected');
    reconnecting = false;
  };
  const ensureListener = async (): Promise<void> => {
    if (closed || listener) return;
    connecting ??= connectListener().finally(() => (connecting = null));
    await connecting;
  };

  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const entry = { channel, onNotify };
      listeners.push(entry);
      if (listener) await listener.query(`LISTEN ${quoteIdent(channel)}`);
      else await ensureListener();
      return async () => {
        const at = listeners.indexOf(entry);
        if (at < 0) return;
        listeners.splice(at, 1);
        if (listener && !listeners.some((l) => l.channel === channel))
          await listener.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting?.catch(() => {});
      const l = listener;
      listener = null;
      await l?.end().catch(() => {});
      await pool.end();
    },
  };
}

/**
 * Takes `<dir>.lock` for this process, or throws if a live process holds it. PGlite is one
 * Postgres backend inside one process: a second opener of the same files would corrupt them.
 *
 * The lock is a Unix socket this process listens on. A live holder accepts a connection; a
 * holder that died (kill -9, a crashed container) left a socket file that refuses one, so
 * the lock is stale and taken over. A process id would not tell: in a container the bot is
 * PID 1 every time, so a dead holder's id is always "alive".
 */
async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const lock = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const server = createServer((socket) => socket.end());
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(lock, () => resolve());
      });
      server.unref(); // the lock must not keep the process alive
      return () => new Promise<void>((resolve) => server.close(() => resolve()));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      if (await answers(lock)) {
        throw new Error(
          `store: the embedded database in ${dir} is in use by a running process (perhaps this one); stop it first, or use a PostgreSQL DATABASE_URL to share one database`,
        );
      }
      rmSync(lock, { force: true }); // left by a process that died
    }
  }
  throw new Error(`store: could not lock ${dir}`);
}

/** Whether something listens on the Unix socket at `path`. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Only the bot's user may read the embedded database: directories 0700, files 0600. */
function restrict(path: string): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    chmodSync(path, 0o700);
    for (const entry of readdirSync(path)) restrict(join(path, entry));
  } else if (stat.isFile()) {
    chmodSync(path, 0o600);
  }
}

/**
 * Embedded PGlite with its files in `dataDir`. One process at a time may open a directory.
 * Its files are the bot's alone: created under a 0077 umask where the process allows one,
 * and narrowed to 0600 (0700 for directories) at every open.
 */
export async function openPglite(dataDir: string, schema: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // DATA_DIR too (its pglite folder is ours alone), unless it is the working directory itself.
  if (resolve(dirname(dataDir)) !== process.cwd()) chmodSync(dirname(dataDir), 0o700);
  try {
    process.umask(0o077);
  } catch {
    // Worker threads may not change it; the modes are narrowed below all the same.
  }
  const unlock = await lockDirectory(dataDir);
  let db: PGliteInstance;
  try {
    db = await PGlite.create(dataDir);
    restrict(dataDir);
    // One connection, so setting the search path once holds for every later query.
    await db.exec(`SET search_path TO ${quoteIdent(schema)}`);
  } catch (e) {
    await unlock();
    throw e;
  }
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    transaction(fn) {
      return db.transaction((tx) =>
        fn({ query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows }),
      );
    },
    async listen(channel, onNotify) {
      const stop = await db.listen(channel, onNotify);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        await unlock();
      }
    },
  };
}

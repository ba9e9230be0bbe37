/**
 * The databases the store tests run on: embedded PGlite always (in a temporary directory),
 * and PostgreSQL when TEST_DATABASE_URL is set. Each test file takes its own PGlite
 * directory (a copy of the migrated template) and its own PostgreSQL schema, and removes them afterwards, so parallel runs
 * (and parallel files) never meet.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { freshDataDir } from '../helpers/data-dir.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Options that open this backend's database; spread extra options over them. */
  options: StoreOptions;
  open(extra?: Partial<StoreOptions>): Promise<Store>;
  /** Drops the schema or deletes the directory. */
  cleanup(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

let counter = 0;
const uniqueSchema = (tag: string) =>
  `t_${tag}_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function pgliteBackend(): Backend {
  const dir = freshDataDir();
  const options: StoreOptions = { dataDir: dir, retentionDays: 0 };
  return {
    name: 'pglite',
    options,
    open: (extra = {}) => openStore({ ...options, ...extra }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresBackend(tag: string): Backend {
  const options: StoreOptions = { databaseUrl: TEST_DATABASE_URL, schema: uniqueSchema(tag), retentionDays: 0 };
  return {
    name: 'postgres',
    options,
    open: (extra = {}) => openStore({ ...options, ...extra }),
    cleanup: () => dropSchema(options.schema!),
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** PGlite, and PostgreSQL too when TEST_DATABASE_URL is set: for `describe.each`. */
export function backends(tag: string): Backend[] {
  return [pgliteBackend(), ...(TEST_DATABASE_URL ? [postgresBackend(tag)] : [])];
}

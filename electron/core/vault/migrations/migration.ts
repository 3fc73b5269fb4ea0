import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One numbered step of the schema (0010, 0020, …): `up` runs inside a transaction. */
export type Migration = {
  version: number;
  name: string;
  up: (db: Database) => void;
};

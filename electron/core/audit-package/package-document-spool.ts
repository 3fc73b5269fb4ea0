// While a package is read, its documents (the bulk of it: a 10,000-certificate package is about
// 2.5 GB of signed PDFs) go one by one into an encrypted staging database in the package's
// private folder, instead of memory: opening holds about one chunk and one entry at a time, not
// the package. The documents are read back one at a time (the attachment digests of the chain
// check, then the read-only vault's rows) and the staging file is deleted once the vault is built.
// Encrypted like the vault (SQLCipher, the workspace's random key): the reviewer's disk never
// holds the licensee's documents in clear, not even for a moment.
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../vault/open-database';
import type { PackageWorkspace } from './package-workspace';

export type DocumentSpool = {
  put: (entry: string, content: Buffer) => void;
  get: (entry: string) => Buffer | undefined;
  /** Ends the writing (one transaction for the whole package: staging needs no durability). */
  finish: () => void;
  /** Closes and deletes the staging file. */
  close: () => void;
};

export function createDocumentSpool(workspace: PackageWorkspace): DocumentSpool {
  const path = join(workspace.dir, 'staged-documents.kpdb');
  const db: Database = openDatabase(path, workspace.key, { create: true, migrate: false });
  let insert: Statement<[string, Buffer]>;
  let select: Statement<[string], Buffer>;
  try {
    // A temporary copy: a crash loses nothing that matters (the package file is still there).
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE staged (entry TEXT PRIMARY KEY, content BLOB NOT NULL) STRICT');
    // An entry name seen twice keeps the first copy; the opener names the duplicate itself.
    insert = db.prepare('INSERT OR IGNORE INTO staged (entry, content) VALUES (?, ?)');
    select = db.prepare<[string], Buffer>('SELECT content FROM staged WHERE entry = ?').pluck();
    db.exec('BEGIN');
  } catch (error: unknown) {
    db.close();
    throw error;
  }
  return {
    put: (entry, content) => {
      insert.run(entry, content);
    },
    get: (entry) => select.get(entry),
    finish: () => {
      if (db.inTransaction) db.exec('COMMIT');
    },
    close: () => {
      if (db.open) db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
}

// Two connections writing one vault at once, as the app and `kpdesk` do (issue 12): every write
// transaction begins IMMEDIATE (immediate-transactions.ts). With a plain BEGIN (DEFERRED) an
// operation reads first; if the other connection commits between that read and the operation's
// first write, SQLite cannot wait for it on busy_timeout and the operation fails halfway with
// SQLITE_BUSY ("database is locked": its snapshot is stale). Here the other connection's commit is made to land exactly there: the
// operation's clock (read between its checks and its writes) runs the other connection's write.
// With BEGIN IMMEDIATE the operation already holds the write lock at that instant, so the other
// writer waits (here, in the same thread, until its own busy_timeout) and writes after it; the
// operation completes, nothing is lost and the audit chain verifies.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createSubmissionService } from '../../../electron/core/submission/submission-service';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { createVaultServices } from '../../../electron/core/vault/vault-services';

const FAST = { N: 1024, r: 8, p: 1 };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

type Vault = { path: string; key: Buffer; admin: { userId: number; role: 'administrator' } };

/** A vault whose two voided blank forms queued four outbox rows (Census and USKPA each). */
function vaultWithQueuedRows(): Vault {
  const dir = mkdtempSync(join(tmpdir(), 'kp-concurrent-'));
  const path = join(dir, 'vault.kpdb');
  const key = randomBytes(32);
  const db = openDatabase(path, key, { create: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const services = createVaultServices(db, { passwordHashing: FAST });
    const first = services.issuance.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada',
      password: 'correct horse battery',
    });
    const admin = { userId: first.id, role: 'administrator' as const };
    services.issuance.registerStock(admin, { numbers: 'US20001-US20004' });
    for (const number of ['US20001', 'US20002'])
      services.issuance.voidBlank(admin, { number, reason: 'Printer error' });
    return { path, key, admin };
  } finally {
    db.close();
  }
}

function open(vault: Vault): Database {
  const db = openDatabase(vault.path, vault.key, { create: false });
  cleanups.push(() => db.close());
  return db;
}

/** The other connection's write, run once at the operation's first clock reading. */
function otherWriter(write: () => void) {
  let outcome = 'not run';
  let ran = false;
  const now = (): Date => {
    if (!ran) {
      ran = true;
      try {
        write();
        outcome = 'written';
      } catch (error) {
        outcome = (error as { code?: string }).code ?? String(error);
      }
    }
    return new Date();
  };
  return { now, outcome: () => outcome };
}

const statuses = (db: Database) =>
  db.prepare<[], { id: number; status: string }>('SELECT id, status FROM outbox ORDER BY id').all();

describe('two connections writing one vault', () => {
  it('a confirmation in the app and a cancel from the CLI at the same instant both land', () => {
    const vault = vaultWithQueuedRows();
    const app = open(vault);
    const cli = open(vault);
    // In one thread the CLI cannot wait for the app's commit: it gives up after 100 ms instead
    // of the app's 5 s (the wait itself is SQLite's busy_timeout, as between two processes).
    cli.pragma('busy_timeout = 100');
    const cliService = createSubmissionService(cli);
    const census = createSubmissionService(app);
    census.configureRecipient(vault.admin, { recipient: 'census', channel: 'manual' });
    const cancelThree = otherWriter(() => {
      cliService.cancel(vault.admin, 3);
    });
    const appService = createSubmissionService(app, { now: cancelThree.now });

    // The app records that row 1 (Census, by fax) went out; the CLI cancels row 3 meanwhile.
    const receipt = appService.confirm(vault.admin, 1, { reference: 'FAX-0042' });
    expect(receipt.reference).toBe('FAX-0042');
    // The CLI asked for the write lock while the app held it, and did not get it.
    expect(cancelThree.outcome()).toBe('SQLITE_BUSY');
    // Once the app committed, the CLI's cancel goes through.
    expect(cliService.cancel(vault.admin, 3)).toBe('cancelled');
    expect(statuses(app)).toEqual([
      { id: 1, status: 'delivered' },
      { id: 2, status: 'pending' },
      { id: 3, status: 'cancelled' },
      { id: 4, status: 'pending' },
    ]);
    expect(createVaultServices(app).audit.verify().ok).toBe(true);
  });

  it('a cancel in the app while the CLI voids a blank form: both land', () => {
    const vault = vaultWithQueuedRows();
    const app = open(vault);
    const cli = open(vault);
    cli.pragma('busy_timeout = 100');
    const cliServices = createVaultServices(cli, { passwordHashing: FAST });
    const voidThird = otherWriter(() => {
      cliServices.issuance.voidBlank(vault.admin, { number: 'US20003', reason: 'Printer error' });
    });
    const appService = createSubmissionService(app, { now: voidThird.now });

    expect(appService.cancel(vault.admin, 2)).toBe('cancelled');
    expect(voidThird.outcome()).toBe('SQLITE_BUSY');
    cliServices.issuance.voidBlank(vault.admin, { number: 'US20003', reason: 'Printer error' });
    expect(statuses(app).map((row) => row.status)).toEqual([
      'pending',
      'cancelled',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(createVaultServices(app).audit.verify().ok).toBe(true);
  });
});

// A real encrypted vault in a temp directory, with the services over it, a fixed clock, cheap
// scrypt parameters (tests only) and the three kinds of users.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraftInput } from '../../../shared/domain/certificate-draft';
import type { Actor } from '../../../electron/core/issuance/actor';
import { AppFailure } from '../../../electron/core/app-failure';
import { openDatabase } from '../../../electron/core/vault/open-database';
import type { VaultServices } from '../../../electron/core/vault/vault-services';
import { createVaultServices } from '../../../electron/core/vault/vault-services';

export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';

export type TestVault = {
  dir: string;
  path: string;
  key: Buffer;
  db: Database;
  services: VaultServices;
  clock: { now: Date };
  close: () => void;
};

export function openTestVault(): TestVault {
  const dir = mkdtempSync(join(tmpdir(), 'kp-vault-'));
  const path = join(dir, 'vault.kpdb');
  const key = randomBytes(32);
  const db = openDatabase(path, key, { create: true });
  const clock = { now: new Date('2026-11-27T10:00:00.000Z') };
  const services = createVaultServices(db, {
    now: () => clock.now,
    passwordHashing: TEST_SCRYPT,
  });
  const vault: TestVault = {
    dir,
    path,
    key,
    db,
    services,
    clock,
    close: () => {
      if (vault.db.open) vault.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return vault;
}

/** Changes the file as an attacker with the key would, through a second, plain connection; the
 * test's connection is opened again afterwards, as the app would open the vault. */
export function tamperWithVault(vault: TestVault, sql: string): void {
  vault.db.close();
  const raw = openDatabase(vault.path, vault.key, { create: false });
  try {
    raw.exec(sql);
  } finally {
    raw.close();
  }
  vault.db = openDatabase(vault.path, vault.key, { create: false });
}

export type Staff = { admin: Actor; operator: Actor; reviewer: Actor };

/** Licensee profile, one user per role, and the stock book US12340-US12359. */
export function seedVault(vault: TestVault): Staff {
  const { issuance } = vault.services;
  const first = issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  const admin: Actor = { userId: first.id, role: 'administrator' };
  const operatorUser = issuance.createUser(admin, {
    username: 'otto',
    displayName: 'Otto Operator',
    role: 'operator',
    password: PASSWORD,
  });
  const reviewerUser = issuance.createUser(admin, {
    username: 'rita',
    displayName: 'Rita Reviewer',
    role: 'reviewer',
    password: PASSWORD,
  });
  issuance.saveLicensee(admin, {
    legalName: 'Hudson Rough Diamond Trading LLC',
    address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: false,
  });
  const operator: Actor = { userId: operatorUser.id, role: 'operator' };
  issuance.registerStock(operator, { numbers: 'US12340-US12359', description: 'Book 1' });
  return { admin, operator, reviewer: { userId: reviewerUser.id, role: 'reviewer' } };
}

const valid = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../fixtures/certificates/valid.json', import.meta.url)),
    'utf8',
  ),
) as CertificateDraftInput;

/** The valid fixture certificate on another form number. */
export function validDraft(number: string): CertificateDraftInput {
  return {
    ...valid,
    number,
    aes: valid.aes === undefined ? undefined : { ...valid.aes, licenseNumber: number.slice(2) },
  };
}

export function failureOf(fn: () => unknown): AppFailure['error'] {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** Every row of every table, to prove a refused call changed nothing. */
export function dumpTables(db: Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all();
  return Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
  );
}

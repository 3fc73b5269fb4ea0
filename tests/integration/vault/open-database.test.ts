// The vault file itself: a real SQLCipher database on disk, opened only with its key.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/vault/migrations/index';
import { openDatabase } from '../../../electron/core/vault/open-database';

let dir: string;
let path: string;
const key = randomBytes(32);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kp-vault-'));
  path = join(dir, 'vault.kpdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function failureCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error.code;
    throw error;
  }
  return 'no failure';
}

function snapshot(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]),
  );
}

describe('the vault database', () => {
  it('is created at the latest schema, STRICT, with WAL and foreign keys', () => {
    const db = openDatabase(path, key, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(10);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    db.close();
  });

  it('holds none of its text in clear on disk', () => {
    const db = openDatabase(path, key, { create: true });
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('probe', ?)").run(
      JSON.stringify('Diamant Import NV Hoveniersstraat'),
    );
    db.close();
    const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
    expect(bytes.includes('Hoveniersstraat')).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);
  });

  it('refuses a wrong key and changes no file', () => {
    openDatabase(path, key, { create: true }).close();
    const before = snapshot();
    expect(failureCode(() => openDatabase(path, randomBytes(32), { create: false }))).toBe(
      'VAULT_KEY_INVALID',
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses a vault from a newer app and leaves it untouched', () => {
    const db = openDatabase(path, key, { create: true });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    db.close();
    const before = snapshot();
    expect(failureCode(() => openDatabase(path, key, { create: false }))).toBe('VAULT_FROM_FUTURE');
    expect(snapshot()).toEqual(before);
  });

  it('never overwrites an existing vault, and says when there is none', () => {
    openDatabase(path, key, { create: true }).close();
    expect(failureCode(() => openDatabase(path, key, { create: true }))).toBe('VAULT_EXISTS');
    expect(failureCode(() => openDatabase(join(dir, 'missing.kpdb'), key, { create: false }))).toBe(
      'VAULT_NOT_FOUND',
    );
  });

  it('keeps the audit table append-only', () => {
    const db = openDatabase(path, key, { create: true });
    db.prepare(
      "INSERT INTO audit_events (at, action, entity_type, entity_id, entity_digest, prev_hash, hash) VALUES ('t', 'a', 'e', '1', 'd', 'p', 'h')",
    ).run();
    expect(() => db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    db.close();
  });
});

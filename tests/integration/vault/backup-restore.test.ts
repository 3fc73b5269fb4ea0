// Backup and restore against real SQLCipher vaults in temporary folders: one encrypted file,
// restored only after every check passes, and hostile files refused with the target folder
// left byte-for-byte as it was.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import type { BackupProgress } from '../../../electron/core/vault/backup/backup-format';
import {
  formatHeaderLine,
  parseHeaderLine,
} from '../../../electron/core/vault/backup/backup-format';
import { createBackup } from '../../../electron/core/vault/backup/create-backup';
import { manifestMac } from '../../../electron/core/vault/backup/manifest-mac';
import { restoreBackup } from '../../../electron/core/vault/backup/restore-backup';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/vault/migrations/index';
import { openDatabase } from '../../../electron/core/vault/open-database';

const secretText = 'Diamant Import NV, Hoveniersstraat 30, Antwerpen';
const keyFileText = JSON.stringify({ format: 1, wrapped: randomBytes(48).toString('base64') });
const now = () => new Date('2031-05-06T07:08:09.010Z');

let root: string;
let source: string;
let target: string;
let key: Buffer;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kp-backup-'));
  source = join(root, 'source');
  target = join(root, 'target');
  mkdirSync(source);
  mkdirSync(target);
  key = randomBytes(32);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function makeVault(dir: string, text: string): { db: Database; vault: string; keys: string } {
  const vault = join(dir, 'vault.kpdb');
  const keys = `${vault}.keys.json`;
  const db = openDatabase(vault, key, { create: true });
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run(
    'licensee.address',
    JSON.stringify(text),
  );
  writeFileSync(keys, keyFileText);
  return { db, vault, keys };
}

function readSetting(vault: string, withKey = key): unknown {
  const db = openDatabase(vault, withKey, { create: false });
  try {
    const row = db
      .prepare("SELECT value_json FROM settings WHERE key = 'licensee.address'")
      .get() as { value_json: string } | undefined;
    return row === undefined ? undefined : JSON.parse(row.value_json);
  } finally {
    db.close();
  }
}

/** Every file in the folder (recursively) with the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

async function backupOfSource(): Promise<{ path: string; vault: string }> {
  const { db, vault, keys } = makeVault(source, secretText);
  const path = join(root, 'vault.kpdesk-backup');
  await createBackup(db, { backupPath: path, key, keyFilePath: keys, vaultId: 'vault-1', now });
  db.close();
  return { path, vault };
}

/** The three parts of a backup file, split by the format's own header. */
function split(bytes: Buffer): {
  manifest: Record<string, unknown>;
  payload: Buffer;
  mac: string | undefined;
} {
  const newline = bytes.indexOf(0x0a);
  const header = parseHeaderLine(bytes.subarray(0, newline).toString());
  if (header === undefined) throw new Error('not a backup');
  const start = newline + 1;
  const manifest = JSON.parse(
    bytes.subarray(start, start + header.manifestLength).toString(),
  ) as Record<string, unknown>;
  return {
    manifest,
    payload: bytes.subarray(start + header.manifestLength),
    mac: header.manifestMac,
  };
}

/**
 * A backup rebuilt with a consistent header, as a careful forger would: every checksum
 * recomputed; the MAC kept from the genuine file (a forger without the vault key cannot make
 * one), or made with `withKey` (a forger who holds the key).
 */
function assemble(manifest: unknown, payload: Buffer, good: Buffer, withKey?: Buffer): Buffer {
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest)}\n`);
  const header = formatHeaderLine({
    format: 2,
    manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
    manifestLength: manifestBytes.length,
    manifestMac:
      withKey === undefined ? (split(good).mac ?? '') : manifestMac(withKey, 2, manifestBytes),
  });
  return Buffer.concat([Buffer.from(header), manifestBytes, payload]);
}

type FileEntry = { name: string; size: number; sha256: string };

describe('createBackup', () => {
  it('cannot use the driver’s db.backup(): SQLite3MC refuses an unkeyed copy', async () => {
    const { db } = makeVault(source, secretText);
    const copy = join(root, 'plain-copy.db');
    await expect(db.backup(copy)).rejects.toThrow(/incompatible source and target/);
    if (existsSync(copy)) expect(readFileSync(copy).includes(secretText)).toBe(false);
    db.close();
  });

  it('writes one file: a header, a manifest, and the snapshot still encrypted', async () => {
    const { db, keys } = makeVault(source, secretText);
    const path = join(root, 'vault.kpdesk-backup');
    const progress: BackupProgress[] = [];
    const summary = await createBackup(db, {
      backupPath: path,
      key,
      keyFilePath: keys,
      vaultId: 'vault-1',
      now,
      onProgress: (p) => progress.push(p),
    });
    db.close();

    const bytes = readFileSync(path);
    expect(summary.bytes).toBe(bytes.length);
    expect(bytes.subarray(0, 14).toString()).toBe('KPDESK-BACKUP ');
    const { manifest, payload } = split(bytes);
    expect(manifest).toMatchObject({
      format: 2,
      app: 'KP Desk',
      createdAt: '2031-05-06T07:08:09.010Z',
      schemaVersion: LATEST_SCHEMA_VERSION,
      vaultId: 'vault-1',
      // No event yet: the head is the genesis.
      auditHead: { seq: 0, hash: '0'.repeat(64), at: null },
    });
    // Owner-only (issue 13: backups were written 0644 while holding the wrapped key file).
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const files = manifest['files'] as FileEntry[];
    expect(files.map((f) => f.name)).toEqual(['vault.kpdb', 'vault.keys.json']);
    const [dbEntry, keyEntry] = files as [FileEntry, FileEntry];
    const snapshot = payload.subarray(0, dbEntry.size);
    expect(createHash('sha256').update(snapshot).digest('hex')).toBe(dbEntry.sha256);
    expect(payload.subarray(dbEntry.size).toString()).toBe(keyFileText);
    expect(keyEntry.size).toBe(Buffer.byteLength(keyFileText));

    // The snapshot is SQLCipher-encrypted: no stored text, not even SQLite's plain header.
    expect(bytes.includes(secretText)).toBe(false);
    expect(bytes.includes('Hoveniersstraat')).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);
    // …and it opens with the same key.
    const copy = join(root, 'snapshot.kpdb');
    writeFileSync(copy, snapshot);
    expect(readSetting(copy)).toBe(secretText);

    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['snapshot', 'write']);
    for (const phase of phases) {
      const steps = progress.filter((p) => p.phase === phase);
      expect(steps.at(-1)?.done).toBe(steps.at(-1)?.total);
      for (let i = 1; i < steps.length; i += 1)
        expect(steps[i]?.done).toBeGreaterThanOrEqual(steps[i - 1]?.done ?? 0);
    }
    // No temporary files are left beside the backup.
    expect(readdirSync(root).sort()).toEqual([
      'snapshot.kpdb',
      'source',
      'target',
      'vault.kpdesk-backup',
    ]);
  });

  it('never overwrites an existing file', async () => {
    const { db } = makeVault(source, secretText);
    const path = join(root, 'taken.kpdesk-backup');
    writeFileSync(path, 'someone else’s file');
    const failure = await failureOf(createBackup(db, { backupPath: path, key }));
    db.close();
    expect(failure.error.code).toBe('CONFLICT');
    expect(readFileSync(path, 'utf8')).toBe('someone else’s file');
  });
});

describe('restoreBackup', () => {
  it('restores into an empty folder, with the key file, reporting progress', async () => {
    const { path } = await backupOfSource();
    const vault = join(target, 'vault.kpdb');
    const progress: BackupProgress[] = [];
    const summary = await restoreBackup({
      backupPath: path,
      vaultPath: vault,
      key,
      keyFilePath: `${vault}.keys.json`,
      now,
      onProgress: (p) => progress.push(p),
    });
    expect(readSetting(vault)).toBe(secretText);
    expect(readFileSync(`${vault}.keys.json`, 'utf8')).toBe(keyFileText);
    expect(summary.previousVaultPath).toBeUndefined();
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['verify', 'check', 'replace']);
    const last = progress.at(-1);
    expect(last?.phase).toBe('replace');
    expect(last?.done).toBe(last?.total);
    expect(readdirSync(target).sort()).toEqual(['vault.kpdb', 'vault.kpdb.keys.json']);
  });

  it('replaces an existing vault and keeps the previous one beside it', async () => {
    const { path } = await backupOfSource();
    const { db, vault, keys } = makeVault(target, 'changed after the backup');
    db.close();
    const before = readFileSync(vault);
    writeFileSync(keys, '{"previous":true}');

    const summary = await restoreBackup({
      backupPath: path,
      vaultPath: vault,
      key,
      keyFilePath: keys,
      now,
    });
    const stamp = '2031-05-06T07-08-09-010Z';
    expect(summary.previousVaultPath).toBe(`${vault}.before-restore-${stamp}`);
    expect(summary.previousKeyFilePath).toBe(`${keys}.before-restore-${stamp}`);
    expect(readSetting(vault)).toBe(secretText);
    expect(readFileSync(`${vault}.before-restore-${stamp}`).equals(before)).toBe(true);
    expect(readSetting(`${vault}.before-restore-${stamp}`)).toBe('changed after the backup');
    expect(readFileSync(`${keys}.before-restore-${stamp}`, 'utf8')).toBe('{"previous":true}');
    expect(readFileSync(keys, 'utf8')).toBe(keyFileText);
  });

  it('refuses to replace a vault that is open (its WAL has content), changing nothing', async () => {
    const { path } = await backupOfSource();
    const { db, vault } = makeVault(target, 'in use');
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('x', '1')").run();
    const before = fingerprint(target);
    const failure = await failureOf(restoreBackup({ backupPath: path, vaultPath: vault, key }));
    expect(failure.error.code).toBe('CONFLICT');
    expect(fingerprint(target)).toEqual(before);
    db.close();
  });

  describe('refuses a hostile or damaged backup with BACKUP_INVALID and changes nothing', () => {
    type Forge = (good: Buffer) => Buffer;
    const flip = (bytes: Buffer, at: number): Buffer => {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      return copy;
    };
    const cases: [string, Forge, RegExp][] = [
      ['an empty file', () => Buffer.alloc(0), /empty/],
      [
        'a file that is not a backup',
        () => Buffer.from('%PDF-1.7\n1 0 obj\n'),
        /not a KP Desk backup/,
      ],
      ['random bytes', () => randomBytes(70_000), /not a KP Desk backup/],
      ['a file truncated at its end', (good) => good.subarray(0, good.length - 100), /truncated/],
      ['a file truncated in its manifest', (good) => good.subarray(0, 150), /truncated/],
      [
        'a file with bytes appended',
        (good) => Buffer.concat([good, Buffer.from('x')]),
        /1 byte too many/,
      ],
      [
        'one flipped byte in the snapshot',
        (good) => {
          const { payload } = split(good);
          return flip(good, good.length - payload.length + 5000);
        },
        /snapshot is damaged \(checksum/,
      ],
      [
        'one flipped byte in the manifest',
        (good) => flip(good, good.indexOf('"app"') + 2),
        /manifest is damaged/,
      ],
      [
        'a manifest that lies about a size',
        (good) => {
          const { manifest, payload } = split(good);
          const files = manifest['files'] as FileEntry[];
          const first = files[0] as FileEntry;
          first.size += 1;
          return assemble(manifest, payload, good);
        },
        /truncated/,
      ],
      [
        'a manifest whose sizes add up but split the files wrongly',
        (good) => {
          const { manifest, payload } = split(good);
          const [first, second] = manifest['files'] as [FileEntry, FileEntry];
          first.size -= 2;
          second.size += 2;
          return assemble(manifest, payload, good);
        },
        /checksum mismatch/,
      ],
      [
        'a forged snapshot byte with every checksum recomputed',
        (good) => {
          const { manifest, payload } = split(good);
          const files = manifest['files'] as FileEntry[];
          const first = files[0] as FileEntry;
          const forged = flip(payload, 3 * 4096 + 100);
          first.sha256 = createHash('sha256').update(forged.subarray(0, first.size)).digest('hex');
          return assemble(manifest, forged, good);
        },
        /manifest is not authentic/,
      ],
      [
        'a forged snapshot byte with every checksum and the MAC recomputed (with the key)',
        (good) => {
          const { manifest, payload } = split(good);
          const files = manifest['files'] as FileEntry[];
          const first = files[0] as FileEntry;
          const forged = flip(payload, 3 * 4096 + 100);
          first.sha256 = createHash('sha256').update(forged.subarray(0, first.size)).digest('hex');
          return assemble(manifest, forged, good, key);
        },
        /damaged \(integrity check failed\)/,
      ],
      [
        // Issue 13: "the manifest (date, version) can be changed with recomputed checksums and
        // restore shows the forged date".
        'a forged date with every checksum recomputed',
        (good) => {
          const { manifest, payload } = split(good);
          return assemble({ ...manifest, createdAt: '2035-01-01T00:00:00.000Z' }, payload, good);
        },
        /manifest is not authentic/,
      ],
      [
        'a MAC stripped to pass the backup off as format 1',
        (good) => {
          const { manifest, payload } = split(good);
          const manifestBytes = Buffer.from(`${JSON.stringify({ ...manifest, format: 1 })}\n`);
          const header = formatHeaderLine({
            format: 1,
            manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
            manifestLength: manifestBytes.length,
          });
          return Buffer.concat([Buffer.from(header), manifestBytes, payload]);
        },
        // A format 1 manifest has no audit head: the downgrade does not parse.
        /not in the expected form \(unknown field auditHead\)/,
      ],
      [
        'a manifest whose audit head is not its snapshot’s (MAC recomputed with the key)',
        (good) => {
          const { manifest, payload } = split(good);
          const auditHead = { seq: 7, hash: 'a'.repeat(64), at: '2031-05-06T07:08:09.010Z' };
          return assemble({ ...manifest, auditHead }, payload, good, key);
        },
        /audit chain head/,
      ],
      [
        'a manifest with an unknown field',
        (good) => {
          const { manifest, payload } = split(good);
          return assemble({ ...manifest, extra: 1 }, payload, good);
        },
        /not in the expected form \(unknown field extra\)/,
      ],
      [
        'a manifest that misstates the schema version',
        (good) => {
          const { manifest, payload } = split(good);
          return assemble({ ...manifest, schemaVersion: 1 }, payload, good);
        },
        /manifest is not authentic/,
      ],
      [
        'a manifest that misstates the schema version, MAC recomputed with the key',
        (good) => {
          const { manifest, payload } = split(good);
          return assemble({ ...manifest, schemaVersion: 1 }, payload, good, key);
        },
        /schema version/,
      ],
      [
        'a header that names a future format',
        (good) => Buffer.concat([Buffer.from('KPDESK-BACKUP 3'), good.subarray(15)]),
        /backup format 3/,
      ],
    ];

    it.each(cases)('%s', async (_name, forge, message) => {
      const { path } = await backupOfSource();
      writeFileSync(path, forge(readFileSync(path)));
      const { db, vault, keys } = makeVault(target, 'the vault in use');
      db.close();
      const before = fingerprint(target);
      const failure = await failureOf(
        restoreBackup({ backupPath: path, vaultPath: vault, key, keyFilePath: keys, now }),
      );
      expect(failure.error.code).toBe('BACKUP_INVALID');
      expect(failure.message).toMatch(message);
      expect(failure.message).toContain('Nothing was changed');
      expect(fingerprint(target)).toEqual(before);
      expect(readSetting(vault)).toBe('the vault in use');
    });

    it('a backup restored with another key', async () => {
      const { path } = await backupOfSource();
      const vault = join(target, 'vault.kpdb');
      const failure = await failureOf(
        restoreBackup({ backupPath: path, vaultPath: vault, key: randomBytes(32) }),
      );
      expect(failure.error.code).toBe('BACKUP_INVALID');
      expect(failure.message).toMatch(/does not open with this key/);
      expect(fingerprint(target)).toEqual({});
    });

    it('a missing file and a folder', async () => {
      const vault = join(target, 'vault.kpdb');
      for (const backupPath of [join(root, 'missing.kpdesk-backup'), source]) {
        const failure = await failureOf(restoreBackup({ backupPath, vaultPath: vault, key }));
        expect(failure.error.code).toBe('BACKUP_INVALID');
      }
      expect(fingerprint(target)).toEqual({});
    });
  });

  it('refuses a backup from a newer KP Desk with VAULT_FROM_FUTURE, changing nothing', async () => {
    const { db } = makeVault(source, secretText);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    const path = join(root, 'future.kpdesk-backup');
    await createBackup(db, { backupPath: path, key });
    db.close();
    const { db: current, vault } = makeVault(target, 'the vault in use');
    current.close();
    const before = fingerprint(target);
    const failure = await failureOf(restoreBackup({ backupPath: path, vaultPath: vault, key }));
    expect(failure.error.code).toBe('VAULT_FROM_FUTURE');
    expect(fingerprint(target)).toEqual(before);
  });
});

// What reading costs under each page cipher that better-sqlite3-multiple-ciphers offers, for the
// decision behind issue 3's verification goal: a full audit verification reads every event and
// every row, so its floor is the vault's size times the cost per byte of this table. The same
// 500,000 rows (about 150 MB) are written under each setting and read three times with a small
// page cache, so that every page is decrypted (and authenticated) on each read.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS = 500_000;
const READS = 3;

const settings: readonly { name: string; pragmas: string[] }[] = [
  { name: 'no encryption', pragmas: [] },
  {
    name: 'SQLCipher 4 (the vault: 4 KiB pages, HMAC-SHA512)',
    pragmas: ["cipher='sqlcipher'", 'legacy=4'],
  },
  {
    name: 'SQLCipher 4 with 16 KiB pages',
    pragmas: ["cipher='sqlcipher'", 'legacy=4', 'legacy_page_size=16384'],
  },
  {
    name: 'SQLCipher 4 without its HMAC (pages not authenticated)',
    pragmas: ["cipher='sqlcipher'", 'legacy=4', 'hmac_use=0'],
  },
  { name: 'AEGIS-256 (SQLite3MC, authenticated, AES-NI)', pragmas: ["cipher='aegis'"] },
];

function open(file: string, pragmas: readonly string[], key: string): Database.Database {
  const db = new Database(file);
  for (const pragma of pragmas) db.pragma(pragma);
  if (pragmas.length > 0) db.pragma(`key="x'${key}'"`);
  return db;
}

const dir = mkdtempSync(join(tmpdir(), 'kp-cipher-bench-'));
const key = randomBytes(32).toString('hex');
const results: { name: string; ms: number }[] = [];
try {
  for (const { name, pragmas } of settings) {
    const file = join(dir, `${String(results.length)}.db`);
    const writer = open(file, pragmas, key);
    writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT) STRICT');
    // Four hex columns: about the size and entropy of an audit event's hashes and fields.
    writer.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${String(ROWS)})
      INSERT INTO t SELECT i, hex(randomblob(32)), hex(randomblob(32)), hex(randomblob(32)),
        hex(randomblob(40)) FROM n`);
    writer.close();
    const reader = open(file, pragmas, key);
    reader.pragma('cache_size=-400');
    const read = reader.prepare('SELECT sum(length(a) + length(b) + length(c) + length(d)) FROM t');
    read.pluck().get();
    const started = performance.now();
    for (let i = 0; i < READS; i += 1) read.pluck().get();
    results.push({ name, ms: (performance.now() - started) / READS });
    reader.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const plain = results[0]?.ms ?? 1;
const vault = results[1]?.ms ?? 1;
print(
  `Reading ${ROWS.toLocaleString('en-US')} rows (about 150 MB), mean of ${String(READS)} reads:`,
);
for (const { name, ms } of results)
  print(
    `  ${name.padEnd(56)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / plain).toFixed(2)}× unencrypted  ${(ms / vault).toFixed(2)}× the vault's`,
  );

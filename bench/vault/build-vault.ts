// Builds the benchmark vault: an encrypted vault (the app's openDatabase and migrations) holding
// `total` certificates with their stock, address book, users and a valid audit hash chain, bulk-
// inserted in large transactions with prepared statements. Runs in its own process (see
// vault-bench.ts) so that its big page cache does not count in the measured process's RSS.
import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../../electron/core/vault/audit/audit-chain';
import { eventFieldsText } from '../../electron/core/vault/audit/event-fields-text';
import { canonicalJson } from '../../electron/core/vault/audit/canonical-json';
import { createEntityReaders, digestOf } from '../../electron/core/vault/audit/entity-digest';
import { openDatabase } from '../../electron/core/vault/open-database';
import type { RangeRow } from '../../electron/core/vault/audit/stock-range-digest';
import { stockRangeDigest } from '../../electron/core/vault/audit/stock-range-digest';
import { createdAtOf, DAY_MS, factsOf } from './certificate-facts';
import type { PlannedEvent, Row } from './certificate-history';
import { BOOK_SIZE, OPERATOR_ID, batchIdOf, historyOf, stockRow } from './certificate-history';
import { createEventQueue } from './event-queue';
import { createPartyPool } from './party-pool';
import { setupRecords } from './setup-records';

export type BuildReport = {
  buildMs: number;
  certificates: number;
  spareStock: number;
  parties: number;
  events: number;
  fileBytes: number;
  maxRssMb: number;
};

/** Unused forms left in stock: the insert measurements draft certificates on these. */
export const SPARE_STOCK = 2_000;
const CERTIFICATES_PER_TRANSACTION = 10_000;

const iso = (ms: number): string => new Date(ms).toISOString();

function insertStatement(db: Database, table: string, row: Row) {
  const columns = Object.keys(row);
  // Table and column names come from rows built in this folder, never from input.
  return db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
}

/** How the events are stored: compact (the app since migration 0260), or the old format, as a
 * vault written before it holds them (KP_BENCH_AUDIT_FORMAT=legacy: before/after figures). */
export type EventFormat = 'compact' | 'legacy';

function createChainWriter(db: Database, format: EventFormat) {
  const legacy = db.prepare(
    `INSERT INTO audit_events_legacy (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const compact = db.prepare('INSERT INTO audit_events_compact (seq, body, hash) VALUES (?, ?, ?)');
  let seq = 0;
  let prevHash = GENESIS_HASH;
  return {
    write: (event: Omit<PlannedEvent, 'entityType'> & { entityType: string }) => {
      seq += 1;
      const previous = prevHash;
      const fields = {
        seq,
        at: iso(event.at),
        userId: event.userId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        entityDigest: event.digest,
      };
      const body = eventFieldsText(fields);
      const hash = createHash('sha256')
        .update(prevHash + body)
        .digest('hex');
      prevHash = hash;
      if (format === 'compact') {
        compact.run(seq, body, Buffer.from(hash, 'hex'));
        return;
      }
      legacy.run(
        seq,
        fields.at,
        fields.userId,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.entityDigest,
        previous,
        hash,
      );
    },
    count: (): number => seq,
  };
}

function progress(message: string): void {
  process.stderr.write(`vault-bench build: ${message}\n`);
}

export function buildVault(
  path: string,
  key: Buffer,
  total: number,
  format: EventFormat = 'compact',
): BuildReport {
  const started = performance.now();
  const db = openDatabase(path, key, { create: true });
  // Fixture build only, never the app's settings: no fsync per commit, a 1.5 GiB page cache.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1572864');
  const chain = createChainWriter(db, format);
  const pool = createPartyPool();
  const start = createdAtOf(0, total) - 7 * DAY_MS;
  const statements = new Map<string, ReturnType<typeof insertStatement>>();
  const insertRow = (table: string, row: Row): void => {
    let statement = statements.get(table);
    if (statement === undefined) {
      statement = insertStatement(db, table, row);
      statements.set(table, statement);
    }
    statement.run(row);
  };
  db.transaction(() => {
    for (const record of setupRecords(pool, iso(start))) {
      insertRow(record.table, record.row);
      chain.write({
        at: start,
        userId: 1,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        digest: digestOf(record.row),
      });
    }
  })();

  const queue = createEventQueue();
  const register = (firstIndex: number, count: number, at: number): void => {
    const batch = {
      id: batchIdOf(firstIndex),
      description: `USKPA book ${String(batchIdOf(firstIndex))}`,
      registered_at: iso(at),
      registered_by: OPERATOR_ID,
    };
    insertRow('stock_batches', batch);
    // As records-operations.ts registers stock: the batch has its own event (issue 13).
    queue.push({
      at,
      userId: OPERATOR_ID,
      action: 'stock.register-batch',
      entityType: 'stock_batch',
      entityId: String(batch.id),
      digest: digestOf(batch),
    });
    // And one event for the whole range of numbers (issue 13 part 6, stock-range-digest.ts),
    // over the rows the book will hold: [number, digits] in digits order.
    const rows: RangeRow[] = [];
    for (let index = firstIndex; index < firstIndex + count; index += 1) {
      const { number, digits } = stockRow(index, 'available') as { number: string; digits: number };
      rows.push([number, digits]);
    }
    queue.push({
      at,
      userId: OPERATOR_ID,
      action: 'stock.register-range',
      entityType: 'stock_range',
      entityId: String(batch.id),
      digest: stockRangeDigest(batch.id, rows),
    });
  };
  const books = Math.ceil(total / BOOK_SIZE);
  let checked = false;
  for (let first = 0; first < total; first += CERTIFICATES_PER_TRANSACTION) {
    db.transaction(() => {
      const last = Math.min(total, first + CERTIFICATES_PER_TRANSACTION);
      for (let index = first; index < last; index += 1) {
        const facts = factsOf(index, total, pool);
        if (index === 0) register(0, Math.min(BOOK_SIZE, total), start);
        // Forms are bought one book ahead of use.
        if (index % BOOK_SIZE === 0 && index / BOOK_SIZE + 1 < books)
          register(
            index + BOOK_SIZE,
            Math.min(BOOK_SIZE, total - index - BOOK_SIZE),
            facts.createdAt - 1,
          );
        for (const event of queue.takeUntil(facts.createdAt)) chain.write(event);
        const history = historyOf(facts);
        insertRow('stock', history.stock);
        insertRow('certificates', history.certificate);
        for (const event of history.events) queue.push(event);
      }
    })();
    if (!checked) {
      checkRoundTrip(db, historyOf(factsOf(0, total, pool)).certificate);
      checked = true;
    }
    if ((first / CERTIFICATES_PER_TRANSACTION) % 10 === 9)
      progress(
        `${String(first + CERTIFICATES_PER_TRANSACTION)} certificates, ${String(chain.count())} events, ${String(Math.round((performance.now() - started) / 1000))} s`,
      );
  }
  db.transaction(() => {
    const end = createdAtOf(total - 1, total) + 90 * DAY_MS;
    for (let index = total; index < total + SPARE_STOCK; index += BOOK_SIZE) {
      register(index, Math.min(BOOK_SIZE, total + SPARE_STOCK - index), end);
      for (let spare = index; spare < Math.min(index + BOOK_SIZE, total + SPARE_STOCK); spare += 1)
        insertRow('stock', stockRow(spare, 'available'));
    }
    for (const event of queue.takeUntil(Number.POSITIVE_INFINITY)) chain.write(event);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    buildMs: performance.now() - started,
    certificates: total,
    spareStock: SPARE_STOCK,
    parties: pool.exporters.length + pool.consignees.length,
    events: chain.count(),
    fileBytes: statSync(path).size,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Fails the build at once if a row read back differs from the row the digests were taken of. */
function checkRoundTrip(db: Database, expected: Row): void {
  const actual = createEntityReaders(db).certificate('1');
  if (canonicalJson(actual) !== canonicalJson(expected))
    throw new Error(
      `certificate 1 reads back differently:\n${canonicalJson(actual)}\n${canonicalJson(expected)}`,
    );
}

// Record import (issue 15, `kpdesk import-records`): certificates issued before KP Desk, on paper
// or through USKPA's database, brought into the vault as historical records, so that the ten-year
// record duty (31 CFR 501.601; 15 CFR 30.10), the statistics and the reviews cover them. Each is
// marked as imported (record_imports: file, row, digest of the row), audited, and NOT signed by
// KP Desk (no PDF): it keeps its original dates, state and values.
//
// Administrators only: an import writes years of records and stock-book entries at once, which
// is vault upkeep, not an operator's daily issuing.
//
// Row by row (default): a refused row stores nothing and the others go on; rows are stored a
// chunk at a time, one transaction (one commit) per chunk. --all-or-nothing: every
// row is checked first, and one refusal refuses the file; otherwise all rows commit in one
// transaction. Re-running the same file imports nothing twice (check-import-row.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../issuance/actor';
import { ADMINISTRATORS, authorize } from '../issuance/actor';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import { createUserRepository } from '../vault/repositories/user-repository';
import type { VaultServices } from '../vault/vault-services';
import type { ImportCheckContext, ImportLayout, ReadyImport } from './check-import-row';
import type { TableRow } from '../table-files/read-table-rows';
import { checkImportRow } from './check-import-row';
import type { ImportOutcome, ImportSummary } from './import-outcome';
import { createImportedRecordStore } from './imported-record-store';
import { readImportFile } from './read-import-file';

/** Rows per transaction, row by row: one commit (one fsync) per chunk, not per row. */
export const IMPORT_CHUNK_ROWS = 1000;

export type ImportRecordsOptions = {
  db: Database;
  services: VaultServices;
  actor: Actor;
  now: () => Date;
  file: { bytes: Buffer; name: string };
  allOrNothing: boolean;
  /** Each row's outcome once it is final (row by row: after its chunk's commit). */
  onOutcome: (outcome: ImportOutcome) => void;
  onRows?: (total: number, layout: string) => void;
  onProgress?: (done: number, total: number) => void;
};

type Entry = { outcome: ImportOutcome } | { ready: ReadyImport };

function importedOutcome(ready: ReadyImport, certificateId: number): ImportOutcome {
  return {
    ...ready.where,
    outcome: 'imported',
    certificateId,
    number: ready.number,
    state: ready.record.state,
    warnings: ready.warnings,
  };
}

/** 64 MiB of page cache while importing (SQLite's default is 2 MiB). */
const IMPORT_CACHE_KIB = 65_536;

export function importRecords(options: ImportRecordsOptions): ImportSummary {
  const { db, actor, now } = options;
  authorize(createUserRepository(db, now), actor, ADMINISTRATORS, 'import records');
  const { layout, rows } = readImportFile(options.file.bytes, options.file.name);
  // Each record updates some twenty index entries (certificates, stock, audit events): with the
  // default cache, SQLCipher decrypts and re-encrypts the same index pages again and again; with
  // this one they stay decrypted in memory (about a fifth less CPU per record measured at 5,000
  // records, bench/import-records-bench.ts). The connection's own setting comes back afterwards.
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${String(IMPORT_CACHE_KIB)}`);
  try {
    return importRows(options, layout, rows);
  } finally {
    db.pragma(`cache_size = ${String(cacheBefore)}`);
  }
}

function importRows(
  options: ImportRecordsOptions,
  layout: ImportLayout,
  rows: readonly TableRow[],
): ImportSummary {
  const { db, actor, now } = options;
  options.onRows?.(rows.length, layout);
  const store = createImportedRecordStore(db, actor, now);
  const context: ImportCheckContext = {
    layout,
    file: options.file.name,
    settings: options.services.settings.validation(),
    today: licenseeLocalDate(now()),
    store,
    firstRowOf: new Map(),
  };
  const summary: ImportSummary = {
    rows: rows.length,
    imported: 0,
    alreadyImported: 0,
    refused: 0,
    skipped: 0,
    notImported: 0,
  };
  let done = 0;
  const report = (outcome: ImportOutcome) => {
    if (outcome.outcome === 'imported') summary.imported += 1;
    else if (outcome.outcome === 'already-imported') summary.alreadyImported += 1;
    else if (outcome.outcome === 'refused') summary.refused += 1;
    else if (outcome.outcome === 'skipped') summary.skipped += 1;
    else summary.notImported += 1;
    options.onOutcome(outcome);
    done += 1;
    options.onProgress?.(done, rows.length);
  };
  // The file's stock registration, made with its first stored row.
  let batchId: number | null = null;
  const batch = (): number => (batchId ??= store.addStockBatch(options.file.name));
  const storeOne = (ready: ReadyImport): number =>
    store.add(batch(), ready.number, ready.record, ready.source);

  if (options.allOrNothing) {
    // Checked and stored in one transaction: nothing changes between the checks and the writes.
    const outcomes = db
      .transaction((): ImportOutcome[] => {
        const entries: Entry[] = rows.map((row) => {
          const checked = checkImportRow(context, row);
          return checked.kind === 'ready' ? { ready: checked.ready } : { outcome: checked.outcome };
        });
        if (entries.some((e) => 'outcome' in e && e.outcome.outcome === 'refused'))
          return entries.map((entry) =>
            'outcome' in entry
              ? entry.outcome
              : {
                  ...entry.ready.where,
                  outcome: 'not-imported',
                  reason: 'Another row was refused, and --all-or-nothing refuses the whole file.',
                },
          );
        return entries.map((e) =>
          'outcome' in e ? e.outcome : importedOutcome(e.ready, storeOne(e.ready)),
        );
      })
      .immediate();
    outcomes.forEach(report);
    return summary;
  }

  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK_ROWS);
    // Checks run inside the chunk's transaction (IMMEDIATE: no other writer between a check and
    // its write), so every row that passes them is stored; the vault refusing one anyway is a
    // fault, which rolls the whole chunk back and stops the import (a re-run resumes it). No
    // savepoint per row: it cost about a tenth of the import's time (bench/import-records-bench.ts).
    const outcomes = db
      .transaction(() =>
        chunk.map((row): ImportOutcome => {
          const checked = checkImportRow(context, row);
          if (checked.kind === 'outcome') return checked.outcome;
          return importedOutcome(checked.ready, storeOne(checked.ready));
        }),
      )
      .immediate();
    outcomes.forEach(report);
  }
  return summary;
}

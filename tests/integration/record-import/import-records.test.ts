// `kpdesk import-records` core on a real encrypted vault: records issued elsewhere come in with
// their original states and dates, marked as imported, audited (the chain verifies, and the
// import mark is covered), unsigned (no PDF), their numbers used in the stock book; a bad row
// stores nothing and the others go on; --all-or-nothing changes nothing when a row is refused;
// a re-run imports nothing twice; duplicates are refused naming the number; administrators only.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../electron/core/record-import/import-outcome';
import { importRecords } from '../../../electron/core/record-import/import-records';
import type { Actor } from '../../../electron/core/issuance/actor';
import { csvLine } from '../../../electron/core/table-files/csv-cell';
import { AppFailure } from '../../../electron/core/app-failure';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import type { Staff, TestVault } from '../vault/vault-fixture';
import {
  dumpTables,
  failureOf,
  openTestVault,
  seedVault,
  tamperWithVault,
} from '../vault/vault-fixture';
import type { HistoricalRow } from './historical-rows';
import { BULK_HEADER, bulkCells, bulkCsv, historicalRows } from './historical-rows';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

function run(text: string, options: { name?: string; allOrNothing?: boolean; actor?: Actor } = {}) {
  const outcomes: ImportOutcome[] = [];
  const summary = importRecords({
    db: vault.db,
    services: vault.services,
    actor: options.actor ?? staff.admin,
    now: () => vault.clock.now,
    file: { bytes: Buffer.from(text, 'utf8'), name: options.name ?? 'old-records.csv' },
    allOrNothing: options.allOrNothing ?? false,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  return { summary, outcomes };
}

const count = (sql: string): number =>
  vault.db.prepare<[], number>(sql).pluck().get() ?? Number.NaN;

function at(rows: readonly HistoricalRow[], index: number): HistoricalRow {
  const row = rows[index];
  if (row === undefined) throw new Error(`no row ${String(index)}`);
  return row;
}

/** A CSV of the rows, with one cell of one row replaced. */
function withCell(rows: readonly HistoricalRow[], index: number, column: string, value: string) {
  let text = csvLine(BULK_HEADER);
  rows.forEach((row, i) => {
    const cells = bulkCells(row);
    if (i === index) cells[BULK_HEADER.indexOf(column)] = value;
    text += csvLine(cells);
  });
  return text;
}

describe('importing historical records', () => {
  it('stores each record with its original state, dates and values, marked and unsigned', () => {
    const rows = historicalRows(12);
    const { summary, outcomes } = run(bulkCsv(rows));
    expect(summary).toMatchObject({ rows: 12, imported: 12, refused: 0 });
    expect(outcomes.map((o) => o.outcome)).toEqual(Array(12).fill('imported'));
    const voided = vault.services.certificates.getByNumber(at(rows, 3).number);
    expect(voided).toMatchObject({
      state: 'VOIDED',
      voidReason: 'Customer canceled shipment',
      voidedAt: '2016-01-09',
      issuedAt: null,
      attestedBy: null,
    });
    const delivered = vault.services.certificates.getByNumber(at(rows, 0).number);
    expect(delivered).toMatchObject({
      state: 'DELIVERED',
      shipDate: '2016-01-05',
      deliveredAt: '2016-01-07',
    });
    expect(delivered?.draft).toMatchObject({
      dateOfIssue: '2016-01-04',
      carats: '1.00',
      hsCodes: ['7102.10'],
    });
    expect(vault.services.certificates.getByNumber(at(rows, 5).number)).toMatchObject({
      state: 'EXPIRED',
      expiredAt: '2016-03-09',
    });
    // Marked as imported, with its file and row; never signed by KP Desk.
    expect(
      vault.db
        .prepare(
          'SELECT source_file, source_row, source_format FROM record_imports WHERE certificate_id = ?',
        )
        .get(delivered?.id),
    ).toEqual({ source_file: 'old-records.csv', source_row: 1, source_format: 'bulk-csv' });
    expect(count('SELECT count(*) FROM attachments')).toBe(0);
    // The numbers are in the stock book, used (voided for the voided one): never issued again,
    // and the vault's own blank forms are untouched.
    expect(vault.services.stock.get(at(rows, 3).number)?.status).toBe('voided');
    expect(vault.services.stock.get(at(rows, 0).number)?.status).toBe('used');
    expect(vault.services.stock.nextAvailable()).toBe('US12340');
    // One event per record (covering its stock number and import mark: covered-digests.ts) and
    // one for the file's stock registration; the chain verifies.
    expect(count("SELECT count(*) FROM audit_events WHERE action = 'certificate.import'")).toBe(12);
    expect(count("SELECT count(*) FROM audit_events WHERE action = 'record-import.mark'")).toBe(0);
    expect(count("SELECT count(*) FROM audit_events WHERE action = 'stock.import'")).toBe(0);
    expect(count("SELECT count(*) FROM audit_events WHERE action = 'stock.import-batch'")).toBe(1);
    expect(vault.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('covers the import mark with the audit chain: a changed mark breaks the verification', () => {
    run(bulkCsv(historicalRows(2)));
    tamperWithVault(
      vault,
      "UPDATE record_imports SET source_file = 'other.csv' WHERE source_row = 2",
    );
    const result = verifyAuditChain(vault.db);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(/import mark of certificate record/);
  });

  it('refuses a bad row, naming its column and rule, and imports the others', () => {
    const rows = historicalRows(3);
    const { summary, outcomes } = run(withCell(rows, 1, 'carats', '12,5'));
    expect(summary).toMatchObject({ imported: 2, refused: 1 });
    expect(outcomes[1]).toMatchObject({
      row: 2,
      line: 3,
      number: at(rows, 1).number,
      outcome: 'refused',
      code: 'CERTIFICATE_HAS_ERRORS',
      field: 'carats',
    });
    expect(vault.services.certificates.getByNumber(at(rows, 1).number)).toBeNull();
    expect(vault.services.stock.get(at(rows, 1).number)).toBeNull();
    expect(vault.services.audit.verify()).toMatchObject({ ok: true });
  });

  it.each([
    ['number', 'US012345', 'number', /zero|pad|digits/i],
    ['number', 'BE12345', 'number', /US/],
    ['state', 'PREPARED', 'state', /ISSUED, SHIPPED/],
    ['shipDate', '', 'shipDate', /ship date/],
    ['dateOfIssue', '2027-01-05', 'dateOfIssue', /after today/],
    ['hsCode', '7102.99', 'hsCode', /7102/],
    ['voidedDate', '2015-01-01', 'voidedDate', /before the date of issue/],
  ])('refuses %s "%s", naming the column %s', (column, value, field, message) => {
    // Row 3 (index 3) is VOIDED, row 1 DELIVERED: the lifecycle dates of each apply.
    const index = column === 'voidedDate' ? 3 : 1;
    const { outcomes } = run(withCell(historicalRows(4), index, column, value));
    const outcome = outcomes[index];
    expect(outcome).toMatchObject({ outcome: 'refused' });
    const problems = outcome?.outcome === 'refused' ? outcome.problems : [];
    expect(problems.filter((p) => p.field === field && message.test(p.message))).toHaveLength(1);
  });

  it('takes dates in the past without a "date in the past" error, and keeps compliance findings as warnings', () => {
    // Angola in 2016 and a consignee address not ending with its country: warnings, not refusals.
    const rows = historicalRows(2);
    const { outcomes } = run(withCell(rows, 0, 'consigneeAddress', 'Schupstraat 21, Antwerp'));
    expect(outcomes[0]).toMatchObject({ outcome: 'imported' });
    expect(outcomes[0]?.outcome === 'imported' ? outcomes[0].warnings : []).toContainEqual(
      expect.objectContaining({ field: 'consigneeAddress' }),
    );
  });

  it('imports nothing twice when the same file is run again', () => {
    const text = bulkCsv(historicalRows(5));
    run(text);
    const before = dumpTables(vault.db);
    const again = run(text);
    expect(again.summary).toMatchObject({ imported: 0, alreadyImported: 5 });
    expect(again.outcomes[0]).toMatchObject({
      outcome: 'already-imported',
      importedFrom: { file: 'old-records.csv', row: 1 },
    });
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('refuses a number already in the vault: in stock, imported from another file, or twice in the file', () => {
    const rows = historicalRows(3);
    run(bulkCsv(rows.slice(0, 1)), { name: 'first.csv' });
    const stockRow: HistoricalRow = { ...at(rows, 2), number: 'US12345' };
    const twice: HistoricalRow = { ...at(rows, 2), number: at(rows, 1).number };
    const { outcomes } = run(bulkCsv([at(rows, 0), at(rows, 1), stockRow, twice]), {
      name: 'second.csv',
    });
    expect(outcomes.map((o) => o.outcome)).toEqual(['refused', 'imported', 'refused', 'refused']);
    expect(outcomes[0]?.outcome === 'refused' ? outcomes[0].rule : '').toMatch(
      new RegExp(`${at(rows, 0).number} is already in this vault .*imported from first.csv row 1`),
    );
    expect(outcomes[2]?.outcome === 'refused' ? outcomes[2].rule : '').toMatch(
      /US12345 is a form of this vault's stock book \(available\)/,
    );
    expect(outcomes[3]?.outcome === 'refused' ? outcomes[3].rule : '').toMatch(
      new RegExp(`${at(rows, 1).number} is also on row 2 of this file`),
    );
  });

  it('--all-or-nothing: one refused row refuses the file and changes nothing', () => {
    const rows = historicalRows(4);
    const before = dumpTables(vault.db);
    const { summary, outcomes } = run(withCell(rows, 2, 'valueUsd', '-5.00'), {
      allOrNothing: true,
    });
    expect(summary).toMatchObject({ imported: 0, refused: 1, notImported: 3 });
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'not-imported',
      'not-imported',
      'refused',
      'not-imported',
    ]);
    expect(dumpTables(vault.db)).toEqual(before);
    const clean = run(bulkCsv(rows), { allOrNothing: true });
    expect(clean.summary).toMatchObject({ imported: 4 });
  });

  it('reads the same records from a JSON file', () => {
    const rows = historicalRows(2);
    const objects = rows.map((row) =>
      Object.fromEntries(BULK_HEADER.map((column, i) => [column, bulkCells(row)[i] ?? ''])),
    );
    const { summary } = run(JSON.stringify(objects), { name: 'old.json' });
    expect(summary).toMatchObject({ imported: 2 });
    expect(count("SELECT count(*) FROM record_imports WHERE source_format = 'bulk-json'")).toBe(2);
  });

  it('is for administrators only: an operator or a reviewer is refused and nothing changes', () => {
    const before = dumpTables(vault.db);
    for (const actor of [staff.operator, staff.reviewer])
      expect(failureOf(() => run(bulkCsv(historicalRows(1)), { actor }))).toMatchObject({
        code: 'FORBIDDEN',
      });
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('refuses the whole file when a column is unknown, before any row', () => {
    const before = dumpTables(vault.db);
    const text = bulkCsv(historicalRows(1)).replace('voidReason', 'voidReasn');
    expect(failureOf(() => run(text))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('imports the example of docs/import-format.md ("Importing records") as documented', () => {
    const markdown = readFileSync(
      new URL('../../../docs/import-format.md', import.meta.url),
      'utf8',
    );
    const section = markdown.slice(markdown.indexOf('## Importing records'));
    const example = /```csv\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const { outcomes } = run(example, { name: 'example.csv' });
    expect(outcomes).toEqual([
      expect.objectContaining({ outcome: 'imported', number: 'US500000', state: 'DELIVERED' }),
    ]);
  });

  it('never signs or prints an imported record: it was issued elsewhere, not by KP Desk', async () => {
    const rows = historicalRows(1);
    run(bulkCsv(rows));
    const documents = documentOperationsFor(vault.db, {
      now: () => vault.clock.now,
      resourcesDir: undefined,
    });
    documents.identity.generate(staff.admin, { signerName: 'Ada Admin' });
    const record = vault.services.certificates.getByNumber(at(rows, 0).number);
    if (record === null) throw new Error('not imported');
    const before = dumpTables(vault.db);
    const failure = await documents.sign(staff.operator, { certificateId: record.id }).then(
      () => null,
      (error: unknown) => (error instanceof AppFailure ? error.error : null),
    );
    expect(failure?.code).toBe('ILLEGAL_TRANSITION');
    expect(failure?.message).toMatch(
      /is an imported record, not signed by KP Desk \(from old-records.csv, row 1\)/,
    );
    expect(dumpTables(vault.db)).toEqual(before);
  });
});

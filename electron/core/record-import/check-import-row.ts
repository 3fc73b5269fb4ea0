// Every check of one row of a record-import file that writes nothing: its shape in its layout,
// the rules that apply to a record of the past (shared/records/historical-record.ts), a number
// given twice in the file, and what the vault already holds under the number. A row imported
// before from a file of the same name is reported, never imported twice (a re-run); any other
// number already in the vault (a certificate, imported from another file or made here, or a form
// of the stock book) is refused, naming it.
import { createHash } from 'node:crypto';
import type { HistoricalRecord } from '../../../shared/records/historical-record';
import { checkHistoricalRecord } from '../../../shared/records/historical-record';
import { importColumnOf } from '../../../shared/records/import-record-row';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { CanonicalValue } from '../vault/audit/canonical-json';
import { canonicalJson } from '../vault/audit/canonical-json';
import type { TableRow } from '../table-files/read-table-rows';
import type { ImportWhere, ImportOutcome, RowProblem } from './import-outcome';
import { refusedImport } from './import-outcome';
import type { ImportedRecordStore, ImportSource } from './imported-record-store';
import { readBulkRow } from './read-bulk-row';
import { readUskpaRow, uskpaColumn } from './read-uskpa-row';

export type ImportLayout = 'uskpa-csv' | 'bulk-csv' | 'bulk-json';

export type ReadyImport = {
  where: ImportWhere;
  number: string;
  record: HistoricalRecord;
  source: ImportSource;
  warnings: RowProblem[];
};

export type CheckedImport =
  { kind: 'ready'; ready: ReadyImport } | { kind: 'outcome'; outcome: ImportOutcome };

export type ImportCheckContext = {
  layout: ImportLayout;
  file: string;
  settings: ValidationSettings;
  today: string;
  store: Pick<ImportedRecordStore, 'facts'>;
  /** The row on which each number was first seen in this file. */
  firstRowOf: Map<string, number>;
};

const outcome = (value: ImportOutcome): CheckedImport => ({ kind: 'outcome', outcome: value });

function read(tableRow: Extract<TableRow, { cells: unknown }>, layout: ImportLayout) {
  if (layout === 'uskpa-csv') return readUskpaRow(tableRow.cells as Record<string, string>);
  return readBulkRow(tableRow.cells, layout === 'bulk-csv' ? 'csv' : 'json');
}

function vaultConflict(
  context: ImportCheckContext,
  where: ImportWhere,
  number: string,
): CheckedImport | null {
  const facts = context.store.facts(number);
  if (facts.certificate !== null) {
    const { id, state } = facts.certificate;
    if (facts.importedFrom !== null && facts.importedFrom.file === context.file)
      return outcome({
        ...where,
        outcome: 'already-imported',
        certificateId: id,
        number,
        state,
        importedFrom: facts.importedFrom,
      });
    const what =
      facts.importedFrom === null
        ? `${number} is already a certificate of this vault (${state.toLowerCase()}), made in KP Desk`
        : `${number} is already in this vault (${state.toLowerCase()}), imported from ${facts.importedFrom.file} row ${String(facts.importedFrom.row)}`;
    return outcome(
      refusedImport(where, 'CONFLICT', [
        {
          field: 'number',
          message: `${what}. A certificate number is used once, never again; nothing was imported from this row.`,
          source: '31 CFR 592.307(c)',
        },
      ]),
    );
  }
  if (facts.stockStatus !== null)
    return outcome(
      refusedImport(where, 'CONFLICT', [
        {
          field: 'number',
          message: `${number} is a form of this vault's stock book (${facts.stockStatus}), so it was not issued elsewhere. Issue or void it in KP Desk instead; nothing was imported from this row.`,
          source: '31 CFR 592.307(c)',
        },
      ]),
    );
  return null;
}

export function checkImportRow(context: ImportCheckContext, tableRow: TableRow): CheckedImport {
  const base = { row: tableRow.row, line: tableRow.line };
  if ('problem' in tableRow)
    return outcome(
      refusedImport({ ...base, number: null }, 'INVALID_INPUT', [
        { field: null, message: tableRow.problem },
      ]),
    );
  const reading = read(tableRow, context.layout);
  const column = context.layout === 'uskpa-csv' ? uskpaColumn : importColumnOf;
  if (reading.kind === 'skip')
    return outcome({ ...base, number: reading.number, outcome: 'skipped', reason: reading.reason });
  if (reading.kind === 'problems')
    return outcome(
      refusedImport({ ...base, number: reading.number }, 'INVALID_INPUT', reading.problems),
    );
  const { number, record } = reading;
  const where: ImportWhere = { ...base, number };
  const check = checkHistoricalRecord(record, context.settings, context.today);
  const named = (problems: readonly { field: string; message: string; source?: string }[]) =>
    problems.map((p) => ({ ...p, field: column(p.field) }));
  if (check.errors.length > 0)
    return outcome(refusedImport(where, 'CERTIFICATE_HAS_ERRORS', named(check.errors)));
  const first = context.firstRowOf.get(number);
  if (first !== undefined)
    return outcome(
      refusedImport(where, 'CONFLICT', [
        {
          field: column('number'),
          message: `${number} is also on row ${String(first)} of this file: one record per certificate number.`,
          source: '31 CFR 592.307(c)',
        },
      ]),
    );
  context.firstRowOf.set(number, tableRow.row);
  const conflict = vaultConflict(context, where, number);
  if (conflict !== null) return conflict;
  const rowSha256 = createHash('sha256')
    .update(canonicalJson(tableRow.cells as CanonicalValue), 'utf8')
    .digest('hex');
  return {
    kind: 'ready',
    ready: {
      where,
      number,
      record,
      source: { file: context.file, row: tableRow.row, format: context.layout, rowSha256 },
      warnings: named(check.warnings),
    },
  };
}

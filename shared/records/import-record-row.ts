// One row of a record-import file in KP Desk's bulk layout (`kpdesk import-records`,
// docs/import-format.md, "Importing records"): the bulk-issue row of issue-batch-row.ts, with the
// original facts of a certificate issued elsewhere added (its state and its ship, delivery and
// void dates), and without what only issuing needs now (the reference, the packaging and the
// warranty become optional: a record of the past keeps them when the file has them).
import { z } from 'zod';
import type { TextKind } from './person-text';
import { personText } from './person-text';
import type { CertificateDraft } from '../domain/certificate-draft';
import { CertificateDraftSchema } from '../domain/certificate-draft';
import type { BatchRow } from './issue-batch-row';
import { BatchRowSchema, batchColumnOfField, draftOfBatchRow } from './issue-batch-row';
import type { HistoricalRecord, LifecycleField } from './historical-record';
import { historicalStates } from './historical-record';

// Text a person wrote becomes part of the record: the shared rule (personText, issue 13 part 5)
// refuses control, direction and invisible characters naming the column, and stores it NFC.
const optionalText = (max: number, description: string, kind: TextKind, label: string) =>
  personText(kind, label).trim().max(max).default('').describe(description);
const date = (label: string, description: string) =>
  optionalText(40, `${description}, YYYY-MM-DD.`, 'name', label);

export const ImportRecordRowSchema = BatchRowSchema.extend({
  reference: optionalText(100, 'Optional: your own reference of the record.', 'name', 'reference'),
  number: z
    .string()
    .max(40)
    .describe('The certificate number, "US" + the form\'s digits (required).'),
  packaging: optionalText(
    500,
    'Optional: the tamper-resistant container, as recorded.',
    'lines',
    'packaging',
  ),
  warranty: optionalText(
    2000,
    'Optional: the System of Warranties statement, as recorded.',
    'lines',
    'warranty statement',
  ),
  state: z
    .enum(historicalStates, {
      error: `Write the state as one of ${historicalStates.join(', ')}.`,
    })
    .describe(
      "Where the certificate's life had got to: ISSUED, SHIPPED, DELIVERED, VOIDED or EXPIRED.",
    ),
  shipDate: date('ship date', 'The day it was shipped (SHIPPED and DELIVERED)'),
  deliveredDate: date('delivery date', 'The day it was delivered, when known (DELIVERED)'),
  voidedDate: date('void date', 'The day it was voided (VOIDED)'),
  voidReason: optionalText(500, 'Why it was voided (VOIDED), as recorded.', 'line', 'void reason'),
  voidNotes: optionalText(2000, 'Notes on the voiding, as recorded.', 'lines', 'void notes'),
}).strict();

export type ImportRecordRow = z.output<typeof ImportRecordRowSchema>;

export const importRecordColumns = Object.keys(
  ImportRecordRowSchema.shape,
) as readonly (keyof ImportRecordRow)[];
export const requiredImportRecordColumns = ['number', 'state'] as const;

/** The column a problem on a certificate field or a lifecycle field points at. */
export function importColumnOf(field: string): string {
  const batchColumn = (batchColumnOfField as Record<string, string | undefined>)[field];
  return batchColumn ?? field;
}

const orNull = (text: string): string | null => (text === '' ? null : text);

/**
 * The record a parsed row describes; the draft through the certificate schema (personText: no
 * control or invisible characters), whose problems are reported on their columns.
 */
export function historicalRecordOfRow(
  row: ImportRecordRow,
):
  | { ok: true; record: HistoricalRecord }
  | { ok: false; problems: { field: string; message: string }[] } {
  const asBatch: BatchRow = { ...row, number: row.number.trim() };
  const parsed = CertificateDraftSchema.safeParse(draftOfBatchRow(asBatch, row.number.trim()));
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: importColumnOf(issue.path.join('.')),
        message: issue.message,
      })),
    };
  const draft: CertificateDraft = parsed.data;
  return {
    ok: true,
    record: {
      draft,
      state: row.state,
      shipDate: orNull(row.shipDate),
      deliveredDate: orNull(row.deliveredDate),
      voidedDate: orNull(row.voidedDate),
      voidReason: orNull(row.voidReason),
      voidNotes: orNull(row.voidNotes),
      packaging:
        row.packaging === '' ? null : { description: row.packaging, sealNumbers: row.sealNumbers },
      warranty:
        row.warranty === ''
          ? null
          : { statement: row.warranty, invoiceNumbers: row.invoiceNumbers },
    },
  };
}

export const lifecycleColumns: Record<LifecycleField, string> = {
  state: 'state',
  shipDate: 'shipDate',
  deliveredDate: 'deliveredDate',
  voidedDate: 'voidedDate',
  voidReason: 'voidReason',
};

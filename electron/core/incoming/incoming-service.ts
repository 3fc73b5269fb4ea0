// Incoming (import) certificates over one open vault: every write in ONE transaction (BEGIN
// IMMEDIATE) with its audit events and outbox row; reads for Records, the CLI and reviewers
// (who read everything and change nothing). The receipt confirmation's state (due, due soon,
// overdue, sent) is computed against the licensee's local date from main's clock.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { receiptDuty } from '../../../shared/incoming/check-incoming-certificate';
import type { IncomingCertificate } from '../../../shared/incoming/incoming-certificate-input';
import type { IncomingListItem, IncomingDetail } from '../../../shared/incoming/incoming-views';
import { AppFailure } from '../app-failure';
import { authorize } from '../issuance/actor';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type { OutboxRepository } from '../vault/repositories/outbox-repository';
import type { UserRepository } from '../vault/repositories/user-repository';
import { confirmReceiptSent, mustGetIncoming } from './confirm-receipt-sent';
import type { IncomingContext } from './incoming-context';
import { createIncomingRepository } from './incoming-repository';
import { receiptConfirmationPdf } from './receipt-confirmation-pdf';
import { receiptConfirmationText } from './receipt-confirmation-text';
import { registerIncoming } from './register-incoming';

const READERS = ['operator', 'administrator', 'reviewer'] as const;

type CensusCopyRow = { status: string; delivered_at: string | null; created_at: string };

export type IncomingService = ReturnType<typeof createIncomingService>;

export function createIncomingService(deps: {
  db: Database;
  users: UserRepository;
  outbox: OutboxRepository;
  audit: AuditWriter;
  now: () => Date;
}) {
  const context: IncomingContext = {
    ...deps,
    incoming: createIncomingRepository(deps.db, deps.now),
  };
  const censusCopy = deps.db.prepare<[number], CensusCopyRow>(
    `SELECT status, delivered_at, created_at FROM outbox
      WHERE incoming_id = ? AND recipient = 'census' ORDER BY id DESC LIMIT 1`,
  );
  const inTransaction = <R>(operation: (actor: unknown, input: unknown) => R) => {
    const transaction = deps.db.transaction(operation);
    return (actor: unknown, input: unknown): R => transaction.immediate(actor, input);
  };
  const read = (actor: unknown) =>
    authorize(deps.users, actor, READERS, 'read incoming certificates');
  const today = () => licenseeLocalDate(deps.now());
  const listItem = (record: IncomingCertificate, day: string): IncomingListItem => {
    const copy = censusCopy.get(record.id);
    return {
      ...record,
      receiptDuty: receiptDuty(record, day),
      censusCopy:
        copy === undefined
          ? null
          : { status: copy.status, deliveredAt: copy.delivered_at, queuedAt: copy.created_at },
    };
  };
  const register = inTransaction((actor, input) => registerIncoming(context, actor, input));
  const confirm = inTransaction((actor, input) => confirmReceiptSent(context, actor, input));
  return {
    register,
    confirmReceiptSent: confirm,
    /** Newest entry first; each with its receipt duty on today's date and its Census copy. */
    list: (actor: unknown): IncomingListItem[] => {
      read(actor);
      const day = today();
      return context.incoming.list().map((record) => listItem(record, day));
    },
    /** One record as the list shows it. */
    item: (actor: unknown, number: string): IncomingListItem => {
      read(actor);
      return listItem(mustGetIncoming(context, number), today());
    },
    get: (actor: unknown, number: string): IncomingDetail => {
      read(actor);
      const record = mustGetIncoming(context, number);
      return { ...listItem(record, today()), confirmation: receiptConfirmationText(record) };
    },
    /** The scan's bytes (to view it); only by the id of a scan of this certificate. */
    scan: (actor: unknown, number: string, scanId: number) => {
      read(actor);
      const record = mustGetIncoming(context, number);
      const scan = context.incoming.readScan(scanId);
      if (scan === null || scan.incomingId !== record.id)
        throw new AppFailure(
          'NOT_FOUND',
          `Incoming certificate ${record.number} has no such scan.`,
        );
      return {
        fileName: scan.fileName,
        mediaType: scan.mediaType,
        sha256: scan.sha256,
        content: new Uint8Array(scan.content),
      };
    },
    /** The receipt confirmation as a PDF; fonts from the resources directory (DejaVu Sans). */
    receiptReportPdf: async (
      actor: unknown,
      number: string,
      resourcesDir: string,
    ): Promise<Uint8Array> => {
      read(actor);
      const record = mustGetIncoming(context, number);
      const [regular, bold] = await Promise.all([
        readFile(join(resourcesDir, 'fonts', 'DejaVuSans.ttf')),
        readFile(join(resourcesDir, 'fonts', 'DejaVuSans-Bold.ttf')),
      ]);
      return receiptConfirmationPdf(record, { regular, bold }, deps.now());
    },
    /** The export-side guard (issuance, stock): true for a number received on an import. */
    isIncomingNumber: (number: string): boolean => context.incoming.isIncomingNumber(number),
  };
}

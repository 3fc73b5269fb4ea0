// Submission as the CLI, the preview host and (later) the app use it, over one open vault: the
// recipients' settings, the queue as a licensee sees it, the user's moves (retry now, cancel) and
// the drain loop over the channels built from the settings. Roles are checked here, in the core:
// administrators configure recipients; operators and administrators act on submissions.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ADMINISTRATORS, WRITERS, authorize } from '../issuance/actor';
import { AppFailure } from '../app-failure';
import { createAuditWriter } from '../vault/audit/audit-chain';
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';
import { createLicenseeRepository } from '../vault/repositories/licensee-repository';
import { createUserRepository } from '../vault/repositories/user-repository';
import { censusSubmission } from '../../../shared/reference/reference-data';
import { createEnvelopeBuilder } from './build-envelope';
import type { BackoffPolicy } from './delivery-backoff';
import type { DrainProgress, DrainSummary } from './drain-outbox';
import { drainOutbox } from './drain-outbox';
import type { SubmissionChannel } from './https-channel';
import { createHttpsChannel } from './https-channel';
import { buildFaxPackage } from './fax-package';
import type { ConfirmationInput } from './manual-confirmations';
import { createManualConfirmations } from './manual-confirmations';
import type { SubmissionView } from './outbox-deliveries';
import { createOutboxDeliveries } from './outbox-deliveries';
import type { ExportedReceipt } from './receipt-export';
import { exportReceipts } from './receipt-export';
import { createSmtpChannel } from './smtp-channel';
import { createRecipientSettingsStore } from './recipient-settings-store';

export type SubmissionServiceOptions = {
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  backoff?: BackoffPolicy;
  /** Per-attempt timeout of the HTTPS channel. */
  timeoutMs?: number;
};

export type DrainRequest = {
  untilEmpty?: boolean;
  maxWaitMs?: number;
  onProgress?: (progress: DrainProgress) => void;
  signal?: AbortSignal;
};

/** A submission as listed, with the reminder a manual one carries until it is confirmed. */
export type ListedSubmission = SubmissionView & { reminder: string | null };

const MANUAL_WAITING: readonly OutboxStatus[] = ['pending', 'failed', 'rejected'];

function reminderFor(row: SubmissionView): string {
  const to =
    row.recipient === 'census'
      ? `Fax it to Census's KP Coordination Branch (${censusSubmission.fax}) or upload it by secure file transfer`
      : 'Send it to USKPA by fax or upload';
  return `Waiting for you since ${row.queuedAt.slice(0, 10)}: ${to} (kpdesk submissions package ${String(row.id)}), then record the confirmation (kpdesk submissions confirm ${String(row.id)} --reference ...).`;
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;

export function createSubmissionService(db: Database, options: SubmissionServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const audit = createAuditWriter(db, now);
  const deliveries = createOutboxDeliveries(db, now, audit);
  const settings = createRecipientSettingsStore(db, now, audit);
  const users = createUserRepository(db, now);
  const buildEnvelope = createEnvelopeBuilder(db);
  const manual = createManualConfirmations(db, now, audit);
  const licensee = createLicenseeRepository(db, now);
  const manualRecipients = (): Set<OutboxRecipient> =>
    new Set(
      settings
        .all()
        .filter((r) => r.channel === 'manual')
        .map((r) => r.recipient),
    );
  const withReminders = (rows: SubmissionView[]): ListedSubmission[] => {
    const waitingForUser = manualRecipients();
    return rows.map((row) => ({
      ...row,
      reminder:
        waitingForUser.has(row.recipient) && MANUAL_WAITING.includes(row.status)
          ? reminderFor(row)
          : null,
    }));
  };

  const channels = (): Partial<Record<OutboxRecipient, SubmissionChannel>> => {
    const built: Partial<Record<OutboxRecipient, SubmissionChannel>> = {};
    for (const recipient of settings.all()) {
      // The manual channel has nothing to send: its rows stay Pending until the user records
      // the fax or upload confirmation.
      const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
      if (recipient.channel === 'https')
        built[recipient.recipient] = createHttpsChannel(recipient, { now, ...timeout });
      else if (recipient.channel === 'smtp')
        built[recipient.recipient] = createSmtpChannel(recipient, { now, ...timeout });
    }
    return built;
  };

  const userAction = (actor: unknown, id: number, action: 'retry' | 'cancel'): OutboxStatus => {
    const user = authorize(users, actor, WRITERS, `${action} submissions`);
    const result = deliveries.userAction(id, action, user.id);
    if (result === null) throw new AppFailure('NOT_FOUND', `There is no submission ${String(id)}.`);
    return result;
  };

  return {
    configureRecipient: (actor: unknown, input: unknown) => {
      const user = authorize(users, actor, ADMINISTRATORS, 'configure where copies are sent');
      return settings.save(input, user.id);
    },
    recipients: settings.summaries,
    list: (filter: { status?: OutboxStatus; limit?: number } = {}): ListedSubmission[] =>
      withReminders(deliveries.list(filter)),
    get: (id: number): ListedSubmission | null => {
      const row = deliveries.get(id);
      return row === null ? null : (withReminders([row])[0] ?? null);
    },
    /**
     * Manual channel: the user says the copy went out (fax confirmation or transfer reference);
     * the row becomes Delivered with that confirmation as its receipt, both audited.
     */
    confirm: (actor: unknown, id: number, input: ConfirmationInput) => {
      const user = authorize(users, actor, WRITERS, 'record that copies were sent');
      const row = deliveries.get(id);
      if (row === null) throw new AppFailure('NOT_FOUND', `There is no submission ${String(id)}.`);
      if (!manualRecipients().has(row.recipient))
        throw new AppFailure(
          'ILLEGAL_TRANSITION',
          `Copies to ${row.recipient === 'census' ? 'Census' : 'USKPA'} are not set to the manual channel (fax or secure file transfer); KP Desk sends them and keeps the receipt itself.`,
        );
      return manual.confirm(id, input, user);
    },
    /**
     * Before a package or a confirmation: the user may act (operators, administrators) and every
     * row goes to a recipient set to the manual channel (the others are sent by KP Desk).
     */
    checkManual: (actor: unknown, ids: readonly number[]) => {
      authorize(users, actor, WRITERS, 'prepare or confirm copies sent by fax or upload');
      const manualOnes = manualRecipients();
      for (const id of ids) {
        const row = deliveries.get(id);
        if (row === null)
          throw new AppFailure('NOT_FOUND', `There is no submission ${String(id)}.`);
        if (!manualOnes.has(row.recipient))
          throw new AppFailure(
            'ILLEGAL_TRANSITION',
            `Copies to ${row.recipient === 'census' ? 'Census' : 'USKPA'} are not set to the manual channel (fax or secure file transfer); KP Desk sends them itself.`,
          );
      }
    },
    /** The fax-ready PDF for these submissions (one recipient): cover sheet, then the copies. */
    faxPackage: async (
      actor: unknown,
      ids: readonly number[],
      fonts: { regular: Uint8Array; bold: Uint8Array },
    ): Promise<Uint8Array> => {
      const user = authorize(users, actor, WRITERS, 'prepare copies to send');
      const { recipient, items } = manual.packageItems(ids);
      const profile = licensee.get();
      return buildFaxPackage({
        recipient,
        items,
        sender: {
          name: profile?.legalName ?? '(licensee profile not set)',
          address: profile?.address ?? '',
          preparedBy: user.username,
        },
        now: now(),
        fonts,
      });
    },
    /** Every stored receipt with what it proves, checked again now (receipt-export.ts). */
    exportReceipts: (write: (line: ExportedReceipt) => void): number => {
      const caByRecipient = new Map(
        settings.all().map((r) => [r.recipient, r.channel === 'https' ? r.caPem : null]),
      );
      return exportReceipts(db, (recipient) => caByRecipient.get(recipient) ?? null, write);
    },
    receipt: deliveries.receipt,
    counts: deliveries.counts,
    retryNow: (actor: unknown, id: number) => userAction(actor, id, 'retry'),
    cancel: (actor: unknown, id: number) => userAction(actor, id, 'cancel'),
    /** Recipients with a channel that sends by itself (HTTPS, e-mail). */
    sendingRecipients: (): OutboxRecipient[] =>
      settings
        .all()
        .filter((recipient) => recipient.channel !== 'manual')
        .map((recipient) => recipient.recipient),
    drain: async (request: DrainRequest = {}): Promise<DrainSummary> => {
      const open = channels();
      try {
        return await drainOutbox({
          deliveries,
          buildEnvelope,
          channels: open,
          now,
          random: options.random ?? Math.random,
          sleep:
            options.sleep ??
            ((ms) =>
              new Promise((resolve) => {
                setTimeout(resolve, ms);
              })),
          ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
          ...request,
        });
      } finally {
        for (const channel of Object.values(open)) channel.close();
      }
    },
  };
}

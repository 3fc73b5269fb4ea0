// Submission as the CLI, the preview host and (later) the app use it, over one open vault: the
// recipients' settings, the queue as a licensee sees it, the user's moves (retry now, cancel) and
// the drain loop over the channels built from the settings. Roles are checked here, in the core:
// administrators configure recipients; operators and administrators act on submissions.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ADMINISTRATORS, WRITERS, authorize } from '../issuance/actor';
import { AppFailure } from '../app-failure';
import { createAuditWriter } from '../vault/audit/audit-chain';
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';
import { createUserRepository } from '../vault/repositories/user-repository';
import { createEnvelopeBuilder } from './build-envelope';
import type { BackoffPolicy } from './delivery-backoff';
import type { DrainProgress, DrainSummary } from './drain-outbox';
import { drainOutbox } from './drain-outbox';
import type { SubmissionChannel } from './https-channel';
import { createHttpsChannel } from './https-channel';
import { createOutboxDeliveries } from './outbox-deliveries';
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

export type SubmissionService = ReturnType<typeof createSubmissionService>;

export function createSubmissionService(db: Database, options: SubmissionServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const audit = createAuditWriter(db, now);
  const deliveries = createOutboxDeliveries(db, now, audit);
  const settings = createRecipientSettingsStore(db, now, audit);
  const users = createUserRepository(db, now);
  const buildEnvelope = createEnvelopeBuilder(db);

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
    list: deliveries.list,
    get: deliveries.get,
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

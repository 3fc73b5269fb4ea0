// The drain loop: claims a small batch of due submissions (one transaction), sends them one after
// another on their recipients' channels, records the outcomes (one transaction), and repeats.
// Two commits per batch instead of two per row: with synchronous = FULL each commit is an fsync,
// which dominated the time per row (bench/submission-bench.ts). Memory stays flat however long
// the queue (an envelope is built only when it is sent; 10,000 rows drain in the same few
// megabytes as ten). A crash leaves at most one batch Sending; the next start sends those again
// with the SAME idempotency keys (recoverInterrupted) and the receiver's deduplication makes that
// one delivery each. Another process draining the same vault at the same time (`kpdesk submit`
// beside the app) never gets the same row: claims are leased in the vault (outbox-deliveries.ts,
// delivery-lease.ts), and the rows it holds are reported in the summary (heldElsewhere).
// The clock, the random source of the jitter and sleeping are injected.
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';
import type { EnvelopeBuilder } from './build-envelope';
import type { ChannelOutcome } from './channel-outcome';
import type { BackoffPolicy } from './delivery-backoff';
import { backoffDelayMs, defaultBackoff } from './delivery-backoff';
import type { SubmissionChannel } from './https-channel';
import type { ClaimedSubmission, HeldElsewhere, OutboxDeliveries } from './outbox-deliveries';

export type DrainProgress = {
  /** Attempts made in this run. */
  attempts: number;
  /** Rows waiting when the run started (a failed row retried counts once). */
  total: number;
  item: ClaimedSubmission;
  status: OutboxStatus;
  message: string | null;
};

export type DrainOptions = {
  deliveries: OutboxDeliveries;
  buildEnvelope: EnvelopeBuilder;
  /** Recipients without a channel (not configured, or manual) are left waiting. */
  channels: Partial<Record<OutboxRecipient, SubmissionChannel>>;
  now: () => Date;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  backoff?: BackoffPolicy;
  /** Wait for rows that are due later (a failed one's next try) instead of stopping. */
  untilEmpty?: boolean;
  /** With untilEmpty: stop instead of waiting longer than this for the next due row. */
  maxWaitMs?: number;
  onProgress?: (progress: DrainProgress) => void;
  signal?: AbortSignal;
  /** Rows claimed and recorded per transaction (default 16). */
  batchSize?: number;
};

export type DrainSummary = {
  recovered: number;
  attempts: number;
  delivered: number;
  deliveredWithWarnings: number;
  failed: number;
  rejected: number;
  /** Still waiting (Pending or Failed) for the recipients that have a channel. */
  waiting: number;
  /** Rows another KP Desk process is sending right now (left to it; not sent by this run). */
  heldElsewhere: HeldElsewhere[];
};

async function attempt(
  options: DrainOptions,
  channel: SubmissionChannel,
  item: ClaimedSubmission,
): Promise<ChannelOutcome> {
  try {
    return await channel.send(options.buildEnvelope(item));
  } catch (error) {
    // A channel reports expected failures as outcomes; anything thrown is retried, never lost.
    return {
      kind: 'retry',
      code: 'NETWORK',
      message: `The attempt failed unexpectedly (${error instanceof Error ? error.message : 'unknown'}); it will be tried again.`,
    };
  }
}

export async function drainOutbox(options: DrainOptions): Promise<DrainSummary> {
  const { deliveries, channels } = options;
  const recipients = (Object.keys(channels) as OutboxRecipient[]).filter(
    (recipient) => channels[recipient] !== undefined,
  );
  const summary: DrainSummary = {
    recovered: deliveries.recoverInterrupted(),
    attempts: 0,
    delivered: 0,
    deliveredWithWarnings: 0,
    failed: 0,
    rejected: 0,
    waiting: 0,
    heldElsewhere: [],
  };
  const total = deliveries.waiting(recipients);
  const maxWaitMs = options.maxWaitMs ?? Number.POSITIVE_INFINITY;
  const batchSize = Math.max(1, options.batchSize ?? 16);
  while (options.signal?.aborted !== true && recipients.length > 0) {
    const batch = deliveries.claimBatch(recipients, batchSize);
    if (batch.length === 0) {
      const earliest = options.untilEmpty === true ? deliveries.earliestDue(recipients) : null;
      if (earliest === null) break;
      const wait = Math.max(0, Date.parse(earliest) - options.now().getTime());
      if (wait > maxWaitMs) break;
      await options.sleep(wait);
      continue;
    }
    const results: { id: number; outcome: ChannelOutcome; retryInMs: number }[] = [];
    // Anything thrown before the outcomes are recorded (the vault closed by a lock) leaves the
    // batch Sending; this process then lets go of it, so its next drain takes it back.
    let recorded = false;
    try {
      for (const item of batch) {
        const channel = channels[item.recipient];
        const outcome: ChannelOutcome =
          channel === undefined
            ? { kind: 'retry', code: 'NOT_CONFIGURED', message: 'No channel for this recipient.' }
            : await attempt(options, channel, item);
        const retryInMs =
          outcome.kind === 'retry'
            ? backoffDelayMs(
                item.attempt,
                options.backoff ?? defaultBackoff,
                options.random,
                outcome.retryAfterMs,
              )
            : 0;
        results.push({ id: item.id, outcome, retryInMs });
      }
      const statuses = deliveries.recordBatch(results);
      recorded = true;
      batch.forEach((item, i) => {
        const status = statuses[i] ?? 'failed';
        const outcome = results[i]?.outcome;
        summary.attempts += 1;
        if (status === 'delivered') summary.delivered += 1;
        else if (status === 'delivered_with_warnings') summary.deliveredWithWarnings += 1;
        else if (status === 'failed') summary.failed += 1;
        else if (status === 'rejected') summary.rejected += 1;
        options.onProgress?.({
          attempts: summary.attempts,
          total,
          item,
          status,
          message:
            outcome === undefined ||
            outcome.kind === 'delivered' ||
            outcome.kind === 'mail-accepted'
              ? null
              : outcome.message,
        });
      });
    } finally {
      if (!recorded) deliveries.release(batch.map((item) => item.id));
    }
  }
  summary.waiting = deliveries.waiting(recipients);
  summary.heldElsewhere = deliveries.heldElsewhere();
  return summary;
}

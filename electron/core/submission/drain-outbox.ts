// The drain loop: takes the next due submission, sends it on its recipient's channel, records the
// outcome, and repeats. One row at a time, claimed in its own transaction, so memory stays flat
// however long the queue (10,000 rows drain in the same few megabytes as ten) and a crash loses at
// most the row being sent, which the next start finds Sending and sends again with the SAME
// idempotency key (recoverInterrupted): the receiver's deduplication makes that at most one
// delivery. The clock, the random source of the jitter and sleeping are injected.
import type { OutboxRecipient, OutboxStatus } from '../vault/repositories/outbox-repository';
import type { EnvelopeBuilder } from './build-envelope';
import type { ChannelOutcome } from './channel-outcome';
import type { BackoffPolicy } from './delivery-backoff';
import { backoffDelayMs, defaultBackoff } from './delivery-backoff';
import type { SubmissionChannel } from './https-channel';
import type { ClaimedSubmission, OutboxDeliveries } from './outbox-deliveries';

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
  };
  const total = deliveries.waiting(recipients);
  const maxWaitMs = options.maxWaitMs ?? Number.POSITIVE_INFINITY;
  while (options.signal?.aborted !== true && recipients.length > 0) {
    const item = deliveries.claim(recipients);
    if (item === null) {
      const earliest = options.untilEmpty === true ? deliveries.earliestDue(recipients) : null;
      if (earliest === null) break;
      const wait = Math.max(0, Date.parse(earliest) - options.now().getTime());
      if (wait > maxWaitMs) break;
      await options.sleep(wait);
      continue;
    }
    const channel = channels[item.recipient];
    const outcome: ChannelOutcome =
      channel === undefined
        ? { kind: 'retry', code: 'NOT_CONFIGURED', message: 'No channel for this recipient.' }
        : await attempt(options, channel, item);
    const delay =
      outcome.kind === 'retry'
        ? backoffDelayMs(
            item.attempt,
            options.backoff ?? defaultBackoff,
            options.random,
            outcome.retryAfterMs,
          )
        : 0;
    const status = deliveries.record(item.id, outcome, delay);
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
      message: outcome.kind === 'delivered' ? null : outcome.message,
    });
  }
  summary.waiting = deliveries.waiting(recipients);
  return summary;
}

// The statuses of a submission, after the IPPC ePhyto Hub's delivery model, and the moves between
// them. Every move is one transaction with its audit event (outbox-deliveries.ts).
import type { OutboxStatus } from '../vault/repositories/outbox-repository';

export type { OutboxStatus };

/** Waiting for its first or next attempt (a Failed row retries on its own when due). */
export const WAITING: readonly OutboxStatus[] = ['pending', 'failed'];

/** Done: nothing more will be sent for the row. */
export const SETTLED: readonly OutboxStatus[] = [
  'delivered',
  'delivered_with_warnings',
  'cancelled',
];

/** Words a licensee reads (CLI, UI). */
export const statusLabel: Record<OutboxStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  delivered: 'Delivered',
  delivered_with_warnings: 'Delivered with warnings',
  failed: 'Failed (will retry)',
  rejected: 'Rejected (needs you)',
  cancelled: 'Cancelled',
};

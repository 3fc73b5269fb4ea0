// What one attempt on a channel ends with. A channel never throws for an expected failure: it
// says whether the copy was delivered (with the proof), should be tried again, or needs the user.
import type { MailReceipt } from './delivery-receipt';
import type { SignedReceipt } from './submission-receipt';

/** Stable codes stored on the outbox row and shown with the message. */
export type DeliveryErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'SERVER_ERROR'
  | 'RATE_LIMITED'
  | 'INTERRUPTED'
  | 'SERVER_CERTIFICATE_UNTRUSTED'
  | 'CLIENT_CERTIFICATE_REFUSED'
  | 'ENVELOPE_REFUSED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'RECEIPT_INVALID'
  | 'NOT_CONFIGURED'
  // E-mail (smtp-channel.ts).
  | 'STARTTLS_UNAVAILABLE'
  | 'MAIL_LOGIN_REFUSED'
  | 'MAIL_REFUSED';

export type ChannelOutcome =
  | { kind: 'delivered'; receipt: SignedReceipt }
  /** E-mail: the server accepted the message; not a receipt from the recipient itself. */
  | { kind: 'mail-accepted'; receipt: MailReceipt }
  | { kind: 'retry'; code: DeliveryErrorCode; message: string; retryAfterMs?: number }
  | { kind: 'rejected'; code: DeliveryErrorCode; message: string };
